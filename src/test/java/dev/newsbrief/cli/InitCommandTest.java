package dev.newsbrief.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code newsbrief init}: a project that the commands it prints check and build as it stands. */
class InitCommandTest {
    private static final String STORY = "stories/" + InitCommand.SAMPLE;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        return NewsbriefCommand.commandLine(new PrintWriter(out), new PrintWriter(err)).execute(args);
    }

    /** The printed next command, as a user would type it in the project: its relative paths resolved against the project. */
    private static String[] printed(String output, String verb, Path project) {
        String line = output.lines().map(String::strip).filter(l -> l.startsWith("newsbrief " + verb + " ")).findFirst().orElseThrow();
        List<String> args = new ArrayList<>();
        for (String word : Arrays.asList(line.split(" ")).subList(1, line.split(" ").length)) {
            args.add(args.isEmpty() || word.startsWith("-") ? word : project.resolve(word).toString());
        }
        return args.toArray(String[]::new);
    }

    @Test
    void theProjectInitMakesChecksAndBuildsWithTheCommandsItPrints(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("my-briefs");
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
        String printed = out.toString();
        assertThat(printed).contains("next:", "cd " + project, "newsbrief build " + STORY + " --templates templates --translations translations -o output",
                "newsbrief check ", "newsbrief serve ");
        assertThat(project.resolve(STORY + "/story.yaml")).isRegularFile();
        for (String tag : List.of("hy", "az", "ru", "en")) {
            assertThat(project.resolve(STORY + "/" + tag + ".yaml")).isRegularFile();
            assertThat(project.resolve("translations/" + tag + "/messages.yaml")).isRegularFile();
        }
        assertThat(Files.readString(project.resolve("README.md"))).contains("newsbrief build " + STORY, "templates/", "translations/");
        assertThat(Files.readString(project.resolve("templates/README.md"))).contains("`article.ftlh`", "init --full");

        assertThat(run(printed(printed, "check", project))).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("no problems found\n");

        assertThat(run(printed(printed, "build", project))).as(err.toString()).isEqualTo(ExitCode.OK);
        assertThat(project.resolve("output/hy/" + InitCommand.SAMPLE + ".html")).isRegularFile();
        assertThat(project.resolve("output/ru/" + InitCommand.SAMPLE + ".pdf")).isRegularFile();
        assertThat(project.resolve("output/pack/" + InitCommand.SAMPLE + ".pdf")).isRegularFile();
    }

    /** A key put into the starter messages.yaml changes that key only: the file is a live override, merged key by key. */
    @Test
    void theStarterTranslationsOverrideKeyByKey(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("p");
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
        Path messages = project.resolve("translations/en/messages.yaml");
        Files.writeString(messages, Files.readString(messages).replace("{}", "label:\n  languages: Read it in another tongue\n"));
        assertThat(run("build", "-l", "en", "-f", "html", "-o", project.resolve("output").toString(),
                "--translations", project.resolve("translations").toString(), project.resolve(STORY).toString()))
                .as(err.toString()).isEqualTo(ExitCode.OK);
        String page = Files.readString(project.resolve("output/en/" + InitCommand.SAMPLE + ".html"));
        assertThat(page).contains("Read it in another tongue").doesNotContain("This brief in other languages")
                .contains("Skip to the brief");
    }

    /** Each language's starter shows an example in that language, not in English. */
    @Test
    void eachStarterShowsItsOwnLanguagesWording(@TempDir Path dir) throws Exception {
        Path project = dir.resolve("p");
        assertThat(run("init", project.toString())).isEqualTo(ExitCode.OK);
        assertThat(Files.readString(project.resolve("translations/ru/messages.yaml")))
                .contains("#   languages: Этот материал на других языках\n");
        assertThat(Files.readString(project.resolve("translations/hy/messages.yaml")))
                .contains("#   languages: Այս նյութն այլ լեզուներով\n");
        assertThat(Files.readString(project.resolve("translations/en/messages.yaml")))
                .contains("#   languages: This brief in other languages\n");
    }

    @Test
    void aDirectoryThatIsNotEmptyIsRefusedUnlessForce(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertThat(run("init", dir.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains(dir.toString(), "the directory is not empty", "--force");
        assertThat(out.toString()).isEmpty();
        assertThat(dir.resolve("stories")).doesNotExist();

        assertThat(run("init", "--force", dir.toString())).isEqualTo(ExitCode.OK);
        assertThat(dir.resolve(STORY + "/story.yaml")).isRegularFile();
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
    }

    @Test
    void aFileIsNotAProjectDirectory(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        assertThat(run("init", "--force", file.toString())).isEqualTo(ExitCode.INVALID_INPUT);
        assertThat(err.toString()).contains("is a file, not a directory");
    }

    /** --full copies every embedded template and translation, byte for byte, for users who mean to own them. */
    @Test
    void fullCopiesEveryEmbeddedTemplateAndTranslation(@TempDir Path dir) throws Exception {
        assertThat(run("init", "--full", dir.toString())).isEqualTo(ExitCode.OK);
        var templates = InitCommand.embedded("templates");
        assertThat(templates).containsKeys("article.ftlh", "pdf/fonts.yaml");
        for (var file : templates.entrySet()) {
            assertThat(dir.resolve("templates/" + file.getKey())).hasBinaryContent(file.getValue());
        }
        assertThat(Files.readString(dir.resolve("translations/ru/messages.yaml"), StandardCharsets.UTF_8))
                .isEqualTo(new String(InitCommand.embedded("translations").get("ru/messages.yaml"), StandardCharsets.UTF_8));
        assertThat(dir.resolve("translations/ru/lexicon.yaml")).isRegularFile();
        assertThat(dir.resolve("templates/README.md")).doesNotExist();
    }
}
