package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.BuildListener.Event;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress on a terminal only and never with -q; with -v, each file and the time of each stage. */
class BuildReporterTest {
    private final StringWriter err = new StringWriter();

    private static Verbosity verbosity(boolean quiet, boolean verbose) {
        Verbosity verbosity = new Verbosity();
        verbosity.quiet = quiet;
        verbosity.verbose = verbose;
        return verbosity;
    }

    private static final Console TERMINAL = Console.of(true, Map.<String, String>of()::get);

    /** A clock that moves 5 ms each time it is read. */
    private static java.util.function.LongSupplier ticking() {
        long[] now = {0};
        return () -> now[0] += 5_000_000;
    }

    private void build(BuildReporter reporter) {
        reporter.event(Event.LOCKED, "/out");
        reporter.event(Event.UNCHANGED, "en/a.html");
        // Three files in all; one was kept before rendering started, so the bar has two steps.
        reporter.event(Event.PLANNED, "3");
        reporter.event(Event.RENDERED, "ru/a.html");
        reporter.event(Event.RENDERED, "ru/a.pdf");
        reporter.event(Event.STAGED, "/out/.newsbrief/stage");
        reporter.event(Event.PUBLISHED, "/out/.newsbrief/r2");
    }

    @Test
    void onATerminalABarIsDrawnInPlaceAndRemovedBeforeTheFileList() {
        build(new BuildReporter(new PrintWriter(err), TERMINAL, verbosity(false, false), ticking()));
        String bar = "[" + "#".repeat(12) + ".".repeat(12) + "] 1/2  ru/a.html";
        assertThat(err.toString()).startsWith("\r[" + ".".repeat(24) + "] 0/2")
                .contains("\r" + bar, "\r[" + "#".repeat(24) + "] 2/2  ru/a.pdf")
                .doesNotContain("\n")
                .endsWith("\r" + " ".repeat(bar.length()) + "\r");
    }

    /** Stories stream: a file kept after rendering started is a step of the bar, so the bar still ends full. */
    @Test
    void aFileKeptAfterRenderingStartedIsAStep() {
        BuildReporter reporter = new BuildReporter(new PrintWriter(err), TERMINAL, verbosity(false, false), ticking());
        reporter.event(Event.PLANNED, "2");
        reporter.event(Event.RENDERED, "a/one.html");
        reporter.event(Event.UNCHANGED, "b/two.html");
        assertThat(err.toString()).contains("\r[" + "#".repeat(24) + "] 2/2  b/two.html");
    }

    @Test
    void notOnATerminalOrQuietNothingIsDrawn() {
        build(new BuildReporter(new PrintWriter(err), Console.PLAIN, verbosity(false, false), ticking()));
        build(new BuildReporter(new PrintWriter(err), TERMINAL, verbosity(true, false), ticking()));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void verboseNamesEachFileAndTimesEachStage() {
        build(new BuildReporter(new PrintWriter(err), TERMINAL, verbosity(false, true), ticking()));
        assertThat(err.toString()).isEqualTo("""
                locked /out
                kept en/a.html (its inputs are those of the published copy)
                rendering 2 files
                rendered ru/a.html in 5 ms
                rendered ru/a.pdf in 5 ms
                timings: load and plan 5 ms, render 15 ms, publish 5 ms
                """).as("no bar with -v: its lines show progress").doesNotContain("\r");
    }

    @Test
    void aStaleLockIsAlwaysNoted() {
        new BuildReporter(new PrintWriter(err), Console.PLAIN, verbosity(true, false), ticking()).event(Event.STALE_LOCK, "removed r1");
        assertThat(err.toString()).isEqualTo("newsbrief: note: removed r1\n");
    }

    @Test
    void longNamesAreCutFromTheLeftToFitEightyColumns() {
        String line = ProgressBar.line(3, 9, "pack/" + "x".repeat(60) + ".pdf");
        assertThat(line).endsWith("xxxx.pdf").contains("…").hasSizeLessThanOrEqualTo(80);
        assertThat(ProgressBar.line(0, 0, "")).isEqualTo("[" + "#".repeat(24) + "] 0/0");
    }

    private int cli(Console console, StringWriter out, String... args) {
        return NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err), name -> null, console).execute(args);
    }

    /** Through the CLI: a terminal gets the bar, -q silences bar and list, -v lists and times, and -q -v is a usage error. */
    @Test
    void buildOnATerminalShowsProgressAndQuietAndVerboseWork(@TempDir Path dir) {
        String story = Fixtures.fixture("stories/minimal").toString();
        StringWriter out = new StringWriter();
        assertThat(cli(TERMINAL, out, "build", "-l", "en,ru", "-f", "html", "-o", dir.toString(), story)).isEqualTo(ExitCode.OK);
        // Files render in parallel: either may finish last.
        assertThat(err.toString()).containsPattern("\\r\\[#{24}\\] 2/2  (en|ru)/minimal-summit-2026\\.html");
        assertThat(out.toString()).contains("wrote en/minimal-summit-2026.html");

        err.getBuffer().setLength(0);
        out.getBuffer().setLength(0);
        assertThat(cli(TERMINAL, out, "build", "-q", "--force", "-l", "en", "-f", "html", "-o", dir.toString(), story)).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).isEmpty();

        assertThat(cli(TERMINAL, out, "build", "-v", "--force", "-l", "en", "-f", "html", "-o", dir.toString(), story)).isEqualTo(ExitCode.OK);
        assertThat(err.toString()).contains("rendered en/minimal-summit-2026.html in ", "timings: load and plan ").doesNotContain("\r");
        assertThat(out.toString()).contains("wrote en/minimal-summit-2026.html");

        err.getBuffer().setLength(0);
        assertThat(cli(TERMINAL, out, "build", "-q", "-v", "-o", dir.toString(), story)).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--quiet and --verbose exclude each other");
    }

    @Test
    void editionTakesQuietAndVerboseToo() {
        StringWriter out = new StringWriter();
        assertThat(cli(Console.PLAIN, out, "edition", "--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("--quiet", "--verbose");
        assertThat(cli(Console.PLAIN, out, "edition", "-q", "-v", "newsletters/morning.yaml")).isEqualTo(ExitCode.USAGE);
        assertThat(err.toString()).contains("--quiet and --verbose exclude each other");
    }
}
