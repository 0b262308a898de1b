package dev.newsbrief.model;

import static dev.newsbrief.Fixtures.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Stories and story bundles written to hurt the loader (fixture/hostile-inputs): each is one
 * {@link InvalidInputException} with one line naming the file, and where there is one, the
 * line and column — never a StackOverflowError, an OutOfMemoryError or a parser's own exception.
 */
class HostileStoriesTest {
    private final StoryLoader loader = new StoryLoader();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "story-recursive-alias.yaml        | 24:15: the alias *loop is inside the collection &loop it refers to (a recursive alias); write the values out instead",
        "story-recursive-mapping.yaml      | 24:23: the alias *self is inside the collection &self it refers to (a recursive alias); write the values out instead",
        "story-duplicate-nested-key.yaml   | 17:3: duplicate key 'kind'; each key may appear once",
        "story-invalid-utf8.yaml           | 4:17: the file is not valid UTF-8 (byte 0xFF at offset 113); save it as UTF-8",
        "story-javascript-url.yaml         | 7:38: sources[0].url: ' JavaScript:alert(1)' is not an http or https address; only those are linked",
        "story-protocol-relative-url.yaml  | 7:38: sources[0].url: '//evil.example/x' is not an http or https address; only those are linked",
        "story-tab-in-scheme-url.yaml      | 7:38: sources[0].url: 'java\\u0009script:alert(1)' is not a valid http or https address: Illegal character in scheme name",
        "story-terminal-escape.yaml        | 2:5: id: 'bad\\u001B[2J\\u001B[31mstory\\u000Afake-file.yaml:1:1: forged' is not a valid story id; "
                + "use lower-case letters, digits and '-' (it names the output files)"})
    void aHostileStoryIsOneCleanError(String name, String expected) {
        Path file = fixture("hostile-inputs/" + name);
        assertThatThrownBy(() -> loader.load(file))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":" + expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "story-too-deep.yaml   | yaml-depth   | 24:47: the YAML nests deeper than the limit of 40 levels",
        "story-alias-bomb.yaml | input-bytes  | 29:42: with its aliases expanded the document has more than 524288 values (one per byte of the limit)"})
    void aStoryBeyondAYamlLimitIsALimitError(String name, String limit, String expected) {
        Path file = fixture("hostile-inputs/" + name);
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(limit))
                .hasMessage(file + ":" + expected + "; if the input is trusted, raise the limit with --limit " + limit + "=<value>");
    }

    /** The alias bomb's aliases are counted too: with the expansion allowed, the 51st alias stops it. */
    @Test
    void theNumberOfAliasesIsLimited() {
        Path file = fixture("hostile-inputs/story-alias-bomb.yaml");
        Limits roomy = Limits.DEFAULT.with("input-bytes", "1G");
        assertThatThrownBy(() -> new StoryLoader(roomy).load(file))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("yaml-aliases"))
                .hasMessage(file + ":30:37: more aliases to lists and mappings than the limit of 50; "
                        + "if the input is trusted, raise the limit with --limit yaml-aliases=<value>");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bundle-underscore-tag | en_US.yaml   | 'en_US' is not a BCP 47 tag; write 'en-US' (with '-', not '_')",
        "bundle-hidden-tag     | .hidden.yaml | '.hidden' starts with '.', which names a hidden file, not a language; use a BCP 47 tag such as en, hy, az or sr-Latn",
        "bundle-pack-tag       | pack.yaml    | 'pack' is reserved: output/pack/ holds the multi-language packs; use a BCP 47 tag such as en, hy, az or sr-Latn"})
    void aBundleFileMustBeNamedByALanguageTag(String bundle, String file, String expected) {
        Path folder = fixture("hostile-inputs/" + bundle);
        assertThatThrownBy(() -> loader.loadSource(folder))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(folder.resolve(file) + ": " + expected);
    }

    /** Notepad writes UTF-8 with a byte order mark; YAML allows it, and the story loads as without it. */
    @Test
    void aLeadingByteOrderMarkIsAccepted() throws IOException {
        Path file = fixture("hostile-inputs/accepted/story-with-bom.yaml");
        assertThat(Files.readAllBytes(file)).startsWith(0xEF, 0xBB, 0xBF);
        assertThat(loader.load(file).id()).isEqualTo("bad-story");
    }

    /** The size is checked before anything is read: a 10 GB (sparse) story fails at once, naming its size. */
    @Test
    void theSizeIsCheckedBeforeReading(@TempDir Path dir) throws IOException {
        Path huge = dir.resolve("huge.yaml");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(10L << 30);
        }
        assertThatThrownBy(() -> loader.load(huge))
                .isInstanceOfSatisfying(LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo("input-bytes"))
                .hasMessage(huge + ": the file has 10737418240 bytes, more than the limit of 524288; "
                        + "if the input is trusted, raise the limit with --limit input-bytes=<value>");
    }

    /** Comments count: a valid story padded past the limit with a trailing comment is refused; the limit follows Limits. */
    @Test
    void commentsCountTowardsTheLimit(@TempDir Path dir) throws IOException {
        String story = Files.readString(fixture("hostile-inputs/accepted/story-with-bom.yaml"), StandardCharsets.UTF_8);
        Path padded = dir.resolve("padded.yaml");
        Files.writeString(padded, story + "#" + "x".repeat(2000) + "\n", StandardCharsets.UTF_8);
        long size = Files.size(padded);
        Limits justBelow = Limits.DEFAULT.with("input-bytes", String.valueOf(size - 1));
        assertThatThrownBy(() -> new StoryLoader(justBelow).load(padded))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith(padded + ": the file has " + size + " bytes, more than the limit of " + (size - 1) + ";");
        assertThat(new StoryLoader(Limits.DEFAULT.with("input-bytes", String.valueOf(size))).load(padded).id()).isEqualTo("bad-story");
    }

    /** A text handed in directly (not read from a file) is held to the same limit. */
    @Test
    void aTextLongerThanTheLimitIsRefused() {
        Limits small = Limits.DEFAULT.with("input-bytes", "100");
        assertThatThrownBy(() -> new StoryLoader(small).load("story.yaml", "id: x\n#" + "y".repeat(200)))
                .isInstanceOf(LimitExceededException.class)
                .hasMessageStartingWith("story.yaml: the text has 207 characters, more than the limit of 100 bytes;");
    }

    /**
     * A file whose size says nothing of its length (like those of /proc, which report 0 bytes) is
     * still read only up to the limit: the read is bounded, not just the size checked.
     */
    @Test
    void theReadItselfIsBounded() {
        Path proc = Path.of("/proc/self/maps");
        assumeThat(Files.isReadable(proc)).as("a Linux /proc file").isTrue();
        Limits small = Limits.DEFAULT.with("input-bytes", "64");
        assertThatThrownBy(() -> new StoryLoader(small).load(proc))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage(proc + ": the file grew while it was read to more than the limit of 64 bytes; "
                        + "if the input is trusted, raise the limit with --limit input-bytes=<value>");
    }

    /** A named pipe would block the build forever, a device never end: neither is opened (else the timeout fails the test). */
    @Test
    @Timeout(value = 10, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aPipeOrDeviceIsRefusedWithoutOpeningIt(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("story.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeThat(mkfifo.waitFor()).as("mkfifo").isZero();
        assertThatThrownBy(() -> loader.load(fifo))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(fifo + ": not a regular file (a folder, device, pipe or broken link); give a plain file");
        Path zero = dir.resolve("zero.yaml");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        assertThatThrownBy(() -> loader.load(zero))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(zero + ": not a regular file (a folder, device, pipe or broken link); give a plain file");
    }

    @Test
    void aMissingFileIsNamed(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");
        assertThatThrownBy(() -> loader.load(missing))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": no such file");
    }
}
