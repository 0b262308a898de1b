package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The man pages in docs/man/ are exactly what the current CLI generates: change an option, run scripts/manpages.sh. */
class ManPageTest {
    private static final Path COMMITTED = Path.of("docs/man");

    private static List<String> adocFiles(Path dir) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".adoc")).sorted().toList();
        }
    }

    @Test
    void theCommittedPagesMatchTheCommandLine(@TempDir Path dir) throws Exception {
        StringWriter err = new StringWriter();
        int code = NewsbriefCommand.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
                .execute("gen-manpage", "--outdir", dir.toString());
        assertThat(code).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(adocFiles(dir)).contains("newsbrief.adoc", "newsbrief-build.adoc", "newsbrief-init.adoc", "newsbrief-completion.adoc")
                .doesNotContain("newsbrief-gen-manpage.adoc");
        assertThat(adocFiles(COMMITTED)).as("run scripts/manpages.sh").isEqualTo(adocFiles(dir));
        for (String name : adocFiles(dir)) {
            assertThat(Files.readString(COMMITTED.resolve(name))).as(name + " is stale: run scripts/manpages.sh")
                    .isEqualTo(Files.readString(dir.resolve(name)));
        }
    }

    @Test
    void aPageDescribesItsCommandsOptionsAndExitCodes() throws Exception {
        String main = Files.readString(COMMITTED.resolve("newsbrief.adoc"));
        assertThat(main).contains("= newsbrief(1)", "xref:newsbrief-build.adoc[*build*]", "Exit codes",
                "another build is writing into the output directory").doesNotContain(":revnumber:");
        assertThat(Files.readString(COMMITTED.resolve("newsbrief-build.adoc"))).contains("*--templates*=_DIR_", "*-v*, *--verbose*");
    }
}
