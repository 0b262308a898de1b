package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.cli.NewsbriefCommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output never depends on the machine: the embedded story, built through the CLI in two child
 * JVMs whose default locale, time zone and charset differ from each other's and from this JVM's,
 * gives the same bytes, PDFs included, as a build in this JVM. Every file of the manifest is
 * compared, and the manifest itself.
 *
 * <p>The children run {@link JvmDefaultsProbe}, which prints the defaults the child really has
 * before it hands over to {@code dev.newsbrief.cli.Main}; the test checks them, so it cannot pass
 * by comparing two JVMs with the same settings. Under surefire this JVM itself runs under
 * tr-TR, Pacific/Kiritimati and UTF-8 (the pom's argLine), so three sets of defaults are compared.
 */
class JvmDefaultsTest {
    /** The CLI's arguments after {@code build -o DIR}: every language, HTML and PDF. */
    private static final List<String> BUILD = List.of("--quiet", "--format", "html,pdf");

    /**
     * A child JVM's settings.
     *
     * @param locale  the default locale it must end up with, as a BCP 47 tag
     * @param zone    the default time zone it must end up with
     * @param charset the default charset it must end up with, or null when it comes from the
     *                platform (then it is only required to differ from the others)
     */
    private record Child(String name, List<String> jvmOptions, Map<String, String> environment,
                         String locale, String zone, String charset) { }

    /**
     * Thai (Thailand): java.util.Calendar's default there is the Buddhist calendar (year 2568);
     * UTC+12:45/+13:45; Latin-1.
     */
    private static final Child A = new Child("A",
            List.of("-Duser.language=th", "-Duser.country=TH", "-Duser.timezone=Pacific/Chatham",
                    "-Dfile.encoding=ISO-8859-1"),
            Map.of("TZ", "Pacific/Chatham"),
            "th-TH", "Pacific/Chatham", "ISO-8859-1");

    /**
     * Armenian (Armenia), a zone behind UTC (a civil date at midnight UTC is the day before
     * there), and the C locale's charset, US-ASCII: file.encoding=COMPAT takes the platform's.
     * TZ disagrees with user.timezone on purpose.
     */
    private static final Child B = new Child("B",
            List.of("-Duser.language=hy", "-Duser.country=AM", "-Duser.timezone=America/Los_Angeles",
                    "-Dfile.encoding=COMPAT"),
            Map.of("LANG", "C", "LC_ALL", "C", "TZ", "Asia/Tokyo"),
            "hy-AM", "America/Los_Angeles", null);

    /**
     * Arabic (Egypt): the default locale's digits are Arabic-Indic (٠١٢…), so any
     * String.format of a number without a locale changes.
     */
    private static final Child ARABIC = new Child("ar",
            List.of("-Duser.language=ar", "-Duser.country=EG", "-Duser.timezone=Pacific/Pago_Pago",
                    "-Dfile.encoding=ISO-8859-1"),
            Map.of(),
            "ar-EG", "Pacific/Pago_Pago", "ISO-8859-1");

    private static final Pattern DEFAULTS = Pattern.compile(
            Pattern.quote(JvmDefaultsProbe.PREFIX) + " locale=(\\S+) zone=(\\S+) charset=(\\S+)");

    /** A JVM's default locale, time zone and charset. */
    private record Defaults(String locale, String zone, String charset) {
        static Defaults parse(String line) {
            Matcher matcher = DEFAULTS.matcher(line);
            if (!matcher.find()) {
                throw new AssertionError("no '" + JvmDefaultsProbe.PREFIX + "' line in the child's output:\n" + line);
            }
            return new Defaults(matcher.group(1), matcher.group(2), matcher.group(3));
        }
    }

    /** A started child build. */
    private record Run(Child child, Process process, Path output, Path log) {
        /** Waits for the build to succeed and returns the defaults the child reported. */
        Defaults finish() throws IOException, InterruptedException {
            boolean done = process.waitFor(2, TimeUnit.MINUTES);
            if (!done) {
                process.destroyForcibly();
            }
            String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
            assertThat(done).as("child %s finished in time; output:%n%s", child.name(), text).isTrue();
            assertThat(process.exitValue()).as("child %s's exit code; output:%n%s", child.name(), text).isZero();
            return Defaults.parse(text);
        }
    }

    @Test
    void buildsUnderOtherDefaultsGiveIdenticalBytes(@TempDir Path temp) throws Exception {
        assertBuildsIdentical(temp, A, B);
    }

    /**
     * Regression: OpenPDF 2.4.0 writes each PDF's cross-reference
     * table with {@code String.format("%010d %05d %c \n", ...)} in the default locale
     * ({@code PdfWriter.PdfBody.PdfCrossReference.toPdf}), so under ar-EG (and fa, ne, bn, my, ...:
     * any locale whose digits are not ASCII) every offset is written in Arabic-Indic digits and
     * then squeezed into Latin-1: the xref table is garbage ({@code ``````````}) and the PDFs are corrupt.
     * The CLI's entry point sets the default formatting locale to the root locale.
     */
    @Test
    void defaultLocaleWithNonAsciiDigitsGivesIdenticalBytes(@TempDir Path temp) throws Exception {
        assertBuildsIdentical(temp, ARABIC);
    }

    /**
     * Builds the embedded story in this JVM and in each child, checks that each child really ran
     * under its own defaults, different from this JVM's and from the other children's, then
     * compares every file of the manifest, and the manifest, byte for byte.
     */
    private static void assertBuildsIdentical(Path temp, Child... children) throws Exception {
        Defaults own = Defaults.parse(JvmDefaultsProbe.describe());
        List<Run> runs = new ArrayList<>();
        Path reference = temp.resolve("own");
        List<Defaults> observed = new ArrayList<>();
        try {
            for (Child child : children) {
                runs.add(start(child, temp));
            }
            buildHere(reference);
            for (Run run : runs) {
                observed.add(run.finish());
            }
        } finally {
            runs.forEach(run -> run.process().destroyForcibly());
        }

        // The children really ran under other defaults than this JVM and than each other.
        for (int i = 0; i < children.length; i++) {
            Child child = children[i];
            Defaults defaults = observed.get(i);
            assertThat(defaults.locale()).as("child %s's default locale", child.name()).isEqualTo(child.locale());
            assertThat(defaults.zone()).as("child %s's default zone", child.name()).isEqualTo(child.zone());
            if (child.charset() != null) {
                assertThat(defaults.charset()).as("child %s's default charset", child.name()).isEqualTo(child.charset());
            }
        }
        List<Defaults> all = new ArrayList<>(observed);
        all.add(0, own);
        assertAllDiffer("default locale", all.stream().map(Defaults::locale).toList());
        assertAllDiffer("default zone", all.stream().map(Defaults::zone).toList());
        assertAllDiffer("default charset", all.stream().map(Defaults::charset).toList());

        // Same files, same bytes.
        List<String> files = manifestFiles(reference);
        assertThat(files).as("manifest of the build in this JVM")
                .anyMatch(path -> path.endsWith(".html"))
                .anyMatch(path -> path.endsWith(".pdf"));
        assertThat(filesUnder(reference)).as("files of the build in this JVM").isEqualTo(withManifest(files));
        List<String> differences = new ArrayList<>();
        for (Run run : runs) {
            String what = "child " + run.child().name() + " (" + run.child().locale() + ", " + run.child().zone() + ")";
            assertThat(filesUnder(run.output())).as("files built by %s", what).isEqualTo(withManifest(files));
            for (String file : withManifest(files)) {
                String difference = difference(reference.resolve(file), run.output().resolve(file));
                if (difference != null) {
                    differences.add(file + " built by " + what + " differs from this JVM's (" + own.locale() + ", "
                            + own.zone() + "): " + difference);
                }
            }
        }
        if (!differences.isEmpty()) {
            fail(differences.size() + " output file(s) depend on the JVM's defaults:\n"
                    + String.join("\n", differences.subList(0, Math.min(12, differences.size()))));
        }
    }

    /** Starts {@code newsbrief build -o DIR ...} in a child JVM with the child's settings. */
    private static Run start(Child child, Path temp) throws IOException {
        Path output = temp.resolve(child.name());
        Path log = temp.resolve(child.name() + ".log");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(child.jvmOptions());
        // Start-up speed only: the C1 compiler and the serial collector change no output.
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), JvmDefaultsProbe.class.getName(),
                "build", "--output", output.toString()));
        command.addAll(BUILD);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        // Options from the environment would apply to the child too: only ours count.
        environment.remove("JAVA_TOOL_OPTIONS");
        environment.remove("JDK_JAVA_OPTIONS");
        environment.remove("_JAVA_OPTIONS");
        environment.putAll(child.environment());
        return new Run(child, builder.start(), output, log);
    }

    /** The same build in this JVM, through the same CLI. */
    private static void buildHere(Path output) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> args = new ArrayList<>(List.of("build", "--output", output.toString()));
        args.addAll(BUILD);
        int exit = NewsbriefCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args.toArray(String[]::new));
        assertThat(exit).as("build in this JVM: %s%s", out, err).isZero();
    }

    private static void assertAllDiffer(String what, List<String> values) {
        assertThat(values)
                .as("%s of this JVM and of each child (in that order) must all differ, or the test proves nothing", what)
                .doesNotHaveDuplicates();
    }

    /** The paths manifest.json lists, after checking each digest against the file. */
    private static List<String> manifestFiles(Path output) throws IOException, NoSuchAlgorithmException {
        JsonNode manifest = new ObjectMapper().readTree(output.resolve("manifest.json").toFile());
        JsonNode files = manifest.get("files");
        assertThat(files).as("manifest.json's files").isNotNull();
        assertThat(files.isArray() && !files.isEmpty()).as("manifest.json's files is a non-empty array").isTrue();
        List<String> paths = new ArrayList<>();
        for (JsonNode file : files) {
            String path = file.get("path").asText();
            byte[] bytes = Files.readAllBytes(output.resolve(path));
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                    .as("sha256 of %s in manifest.json", path).isEqualTo(file.get("sha256").asText());
            paths.add(path);
        }
        return paths;
    }

    private static TreeSet<String> withManifest(List<String> files) {
        TreeSet<String> all = new TreeSet<>(files);
        all.add("manifest.json");
        return all;
    }

    /** Every regular file under the directory, relative, with '/' separators. */
    private static TreeSet<String> filesUnder(Path directory) throws IOException {
        return dev.newsbrief.Fixtures.publishedFiles(directory).stream().map(file -> file.toString().replace('\\', '/'))
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
    }

    /** Null when both files hold the same bytes, else where they first differ, with some context. */
    private static String difference(Path expected, Path actual) throws IOException {
        byte[] want = Files.readAllBytes(expected);
        byte[] got = Files.readAllBytes(actual);
        int at = java.util.Arrays.mismatch(want, got);
        if (at < 0) {
            return null;
        }
        return "sizes " + want.length + " and " + got.length + ", first difference at byte " + at
                + ":\n    expected …" + excerpt(want, at) + "…\n    actual   …" + excerpt(got, at) + "…";
    }

    /** Up to 40 bytes either side of the offset, as UTF-8 with control characters escaped. */
    private static String excerpt(byte[] bytes, int at) {
        int from = Math.max(0, at - 40);
        int to = Math.min(bytes.length, at + 40);
        String text = new String(bytes, from, to - from, StandardCharsets.UTF_8);
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (c < 0x20 || c == 0x7f || c == 0xfffd) {
                shown.append(c == 0xfffd ? "?" : String.format(java.util.Locale.ROOT, "\\x%02x", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
