package dev.newsbrief.bench;

import dev.newsbrief.pdf.PdfOptions;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** Rendering the PDFs of the default story, in memory: one language's brief, and the pack of all four. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = Stages.LOGGING)
@Threads(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
public class PdfBench {

    /** One language's brief: the XHTML template, layout, the fonts subset and embedded. */
    @Benchmark
    public byte[] brief(Stages stages, Stages.Language language) {
        return stages.pdf.brief(stages.source.story(), language.catalog, PdfOptions.defaults());
    }

    /** The briefing pack: a cover, then the brief in each of the four languages from a new page. */
    @Benchmark
    public byte[] pack(Stages stages) {
        return stages.pdf.pack(stages.source.story(), stages.catalogs, PdfOptions.defaults());
    }
}
