package dev.newsbrief.build;

import static dev.newsbrief.build.BuilderTest.snapshot;
import static dev.newsbrief.build.BuilderTest.stagingLeftovers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publishing: releases, the atomic swap, subsets kept whole, the lock. */
class OutputDirectoryTest {
    private static final String MINIMAL = "minimal-summit-2026";
    private final Builder builder = new Builder();

    private static BuildOptions minimal(Path out, String... languages) {
        return BuildOptions.defaults().withOutput(out).withLanguages(List.of(languages)).withFormats(Set.of(Format.HTML))
                .withStories(List.of(Fixtures.fixture("stories/minimal")));
    }

    /** The manifest lists exactly the files a reader sees, with their sizes and digests. */
    static void assertManifestMatchesFiles(Path out) throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(out.resolve(Builder.MANIFEST).toFile());
        Map<Path, String> listed = new TreeMap<>();
        for (JsonNode file : manifest.path("files")) {
            byte[] bytes = Files.readAllBytes(out.resolve(file.path("path").asText()));
            assertThat(bytes).hasSize(file.path("size").asInt());
            listed.put(Path.of(file.path("path").asText()), file.path("sha256").asText());
        }
        Map<Path, String> seen = new TreeMap<>(snapshot(out));
        seen.remove(Path.of(Builder.MANIFEST));
        assertThat(seen).isEqualTo(listed);
    }

    @Test
    void theOutputsNamesAreLinksThroughTheLiveRelease(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en", "ru"));
        for (String name : List.of("en", "ru", Builder.MANIFEST)) {
            assertThat(Files.isSymbolicLink(out.resolve(name))).as(name).isTrue();
            assertThat(Files.readSymbolicLink(out.resolve(name))).isEqualTo(Path.of(".newsbrief", "current", name));
        }
        assertThat(Files.readSymbolicLink(out.resolve(".newsbrief/current"))).isEqualTo(Path.of("releases", "000001"));
        assertThat(out.resolve(".newsbrief/releases/000001/en/" + MINIMAL + ".html")).isRegularFile();
        assertManifestMatchesFiles(out);
    }

    @Test
    void aSubsetBuildKeepsTheRestAndTheManifestWhole(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en", "ru"));
        String russian = Files.readString(out.resolve("ru/" + MINIMAL + ".html"));
        BuildResult pdf = builder.build(minimal(out, "en").withFormats(Set.of(Format.PDF)));
        assertThat(pdf.files()).extracting(ManifestEntry::path).containsExactly("en/" + MINIMAL + ".pdf");
        assertThat(pdf.manifest()).extracting(ManifestEntry::path)
                .containsExactly("en/" + MINIMAL + ".html", "en/" + MINIMAL + ".pdf", "ru/" + MINIMAL + ".html");
        assertThat(Files.readString(out.resolve("ru/" + MINIMAL + ".html"))).isEqualTo(russian);
        assertManifestMatchesFiles(out);
    }

    /** Building one more language renders the pages already published again, so every switcher lists every page. */
    @Test
    void addingALanguageKeepsEveryLanguageSwitcherTrue(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en", "ru"));
        BuildResult result = builder.build(minimal(out, "az"));
        assertThat(result.files()).extracting(ManifestEntry::locale).containsExactly("az", "en", "ru");
        for (String tag : List.of("az", "en", "ru")) {
            var page = Jsoup.parse(out.resolve(tag + "/" + MINIMAL + ".html").toFile(), "UTF-8");
            assertThat(page.select("nav.languages a").eachAttr("hreflang")).as(tag).containsExactly("az", "en", "ru");
            for (String href : page.select("nav.languages a").eachAttr("href")) {
                assertThat(out.resolve(tag).resolve(href).normalize()).as(href).isRegularFile();
            }
        }
        assertManifestMatchesFiles(out);

        // Building a language the output already has leaves the others' pages as they are.
        String russian = Files.readString(out.resolve("ru/" + MINIMAL + ".html"));
        BuildResult again = builder.build(minimal(out, "en").withForce(true));
        assertThat(again.files()).extracting(ManifestEntry::locale).containsExactly("en");
        assertThat(Jsoup.parse(out.resolve("en/" + MINIMAL + ".html").toFile(), "UTF-8").select("nav.languages a")
                .eachAttr("hreflang")).containsExactly("az", "en", "ru");
        assertThat(Files.readString(out.resolve("ru/" + MINIMAL + ".html"))).isEqualTo(russian);
    }

    /** A page does not depend on which build wrote it. */
    @Test
    void aPageBuiltAloneIsTheSameAsInAFullBuild(@TempDir Path tmp) throws IOException {
        builder.build(minimal(tmp.resolve("full"), "en", "ru"));
        builder.build(minimal(tmp.resolve("one"), "ru"));
        builder.build(minimal(tmp.resolve("one"), "en"));
        assertThat(snapshot(tmp.resolve("one"))).isEqualTo(snapshot(tmp.resolve("full")));
    }

    @Test
    void cleanPublishesOnlyThisBuildAndDropsStaleNames(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en", "ru"));
        BuildResult result = builder.build(minimal(out, "az").withClean(true));
        assertThat(result.manifest()).extracting(ManifestEntry::path).containsExactly("az/" + MINIMAL + ".html");
        assertThat(out.resolve("en")).doesNotExist();
        assertThat(Files.exists(out.resolve("en"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Jsoup.parse(out.resolve("az/" + MINIMAL + ".html").toFile(), "UTF-8").select("nav.languages a")
                .eachAttr("hreflang")).containsExactly("az");
        assertManifestMatchesFiles(out);
    }

    @Test
    void keepsTheLiveReleaseAndTheOneBefore(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        for (int i = 0; i < 4; i++) {
            builder.build(minimal(out, "en").withForce(true));
        }
        try (Stream<Path> releases = Files.list(out.resolve(".newsbrief/releases"))) {
            assertThat(releases.map(path -> path.getFileName().toString()).sorted()).containsExactly("000003", "000004");
        }
    }

    /** An output written before releases existed (real folders, a real manifest) becomes links, its files kept. */
    @Test
    void anOutputFromBeforeReleasesIsTakenOver(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en", "ru"));
        Path legacy = tmp.resolve("legacy");
        Files.createDirectories(legacy);
        for (String name : List.of("en", "ru")) {
            Files.createDirectories(legacy.resolve(name));
            Files.copy(out.resolve(name + "/" + MINIMAL + ".html"), legacy.resolve(name + "/" + MINIMAL + ".html"));
        }
        Files.copy(out.resolve(Builder.MANIFEST), legacy.resolve(Builder.MANIFEST));
        Files.writeString(legacy.resolve("index.html"), "the user's own page");
        Map<Path, String> before = snapshot(legacy);

        builder.build(minimal(legacy, "en").withFormats(Set.of(Format.PDF)));
        assertThat(Files.isSymbolicLink(legacy.resolve("ru"))).isTrue();
        assertThat(snapshot(legacy)).containsAllEntriesOf(before.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(Path.of(Builder.MANIFEST)))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertThat(Files.readString(legacy.resolve("index.html"))).isEqualTo("the user's own page");
        assertThat(stagingLeftovers(legacy)).isEmpty();
        Map<Path, String> withoutIndex = new TreeMap<>(snapshot(legacy));
        withoutIndex.remove(Path.of("index.html"));
        assertThat(withoutIndex.keySet()).containsExactlyInAnyOrder(Path.of(Builder.MANIFEST),
                Path.of("en/" + MINIMAL + ".html"), Path.of("ru/" + MINIMAL + ".html"), Path.of("en/" + MINIMAL + ".pdf"));
    }

    /** A file of the user's inside a folder of an output from before releases stops the take-over: nothing of theirs is lost. */
    @Test
    void aTakeOverNeverLosesAFileNewsbriefDidNotWrite(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en"));
        Path legacy = Files.createDirectories(tmp.resolve("legacy/en"));
        Files.copy(out.resolve("en/" + MINIMAL + ".html"), legacy.resolve(MINIMAL + ".html"));
        Files.copy(out.resolve(Builder.MANIFEST), legacy.resolveSibling(Builder.MANIFEST));
        Files.writeString(legacy.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> builder.build(minimal(legacy.getParent(), "en")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write the output: " + legacy.resolve("notes.txt") + " is in the way: newsbrief did not "
                        + "publish it (it is not in manifest.json); move it out of the output directory");
        assertThat(Files.readString(legacy.resolve("notes.txt"))).isEqualTo("mine");
        assertThat(Files.isSymbolicLink(legacy)).isFalse();
    }

    /** A real folder made where a published link was is the user's: the next build refuses to replace it, and keeps it. */
    @Test
    void aFolderMadeWhereALinkWasIsNeverReplaced(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en"));
        Files.delete(out.resolve("en"));
        Files.createDirectories(out.resolve("en"));
        Files.writeString(out.resolve("en/mine.txt"), "mine");
        assertThatThrownBy(() -> builder.build(minimal(out, "en")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageContaining(out.resolve("en") + " is in the way");
        assertThat(Files.readString(out.resolve("en/mine.txt"))).isEqualTo("mine");
    }

    /** What a killed build leaves (staging, a stray link, a half-made release, its lock record) goes at the next start. */
    @Test
    void theNextBuildRemovesWhatAKilledOneLeft(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en"));
        Map<Path, String> before = snapshot(out);
        Path state = out.resolve(".newsbrief");
        Files.createDirectories(state.resolve("staging-000002/en"));
        Files.writeString(state.resolve("staging-000002/en/x.html"), "half");
        Files.createSymbolicLink(out.resolve("ru"), Path.of(".newsbrief/current/ru"));
        Files.createSymbolicLink(state.resolve("current.tmp-000002"), Path.of("releases/000002"));
        Files.writeString(state.resolve("lock"), "pid 999999 on elsewhere, since 2026-01-01T00:00:00Z");
        assertThat(snapshot(out)).isEqualTo(before);

        List<String> heard = new ArrayList<>();
        builder.build(minimal(out, "en").withForce(true), (event, detail) -> heard.add(event + ": " + detail));
        assertThat(heard.get(0)).isEqualTo("STALE_LOCK: a build (pid 999999 on elsewhere, since 2026-01-01T00:00:00Z) "
                + "stopped before it finished; its leftovers are removed and the output is as it was before it");
        assertThat(heard).extracting(line -> line.substring(0, line.indexOf(':')))
                .containsExactly("STALE_LOCK", "LOCKED", "PLANNED", "RENDERED", "STAGED", "PUBLISHED");
        try (Stream<Path> names = Files.list(state)) {
            assertThat(names.map(path -> path.getFileName().toString()).sorted()).containsExactly("current", "lock", "releases");
        }
        assertThat(Files.exists(out.resolve("ru"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.readString(state.resolve("lock"))).isEmpty();
        assertManifestMatchesFiles(out);
    }

    @Test
    void aSecondBuildFailsAtOnceWhileTheFirstHoldsTheLockAndWaitsWhenAsked(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<BuildResult> first = CompletableFuture.supplyAsync(() -> builder.build(minimal(out, "en"), (event, detail) -> {
            if (event == BuildListener.Event.LOCKED) {
                locked.countDown();
                await(release);
            }
        }));
        assertThat(locked.await(60, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> new Builder().build(minimal(out, "ru")))
                .isInstanceOf(OutputLockedException.class)
                .hasMessageStartingWith(out + " is being built by another newsbrief (pid " + ProcessHandle.current().pid() + " on "
                        + host() + ", since ")
                .hasMessageEndingWith("; wait for it to finish, or add --wait to start when it does");

        CompletableFuture<BuildResult> second = CompletableFuture.supplyAsync(() -> new Builder().build(minimal(out, "ru").withWaitForLock(true)));
        Thread.sleep(300);
        assertThat(second).isNotDone();
        release.countDown();
        first.get(60, TimeUnit.SECONDS);
        BuildResult result = second.get(60, TimeUnit.SECONDS);
        assertThat(result.manifest()).extracting(ManifestEntry::path).containsExactly("en/" + MINIMAL + ".html", "ru/" + MINIMAL + ".html");
        assertManifestMatchesFiles(out);
    }

    @Test
    void anUnreadableManifestIsAnIoErrorThatNamesTheWayOut(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en"));
        Path manifest = out.resolve(".newsbrief/releases/000001/" + Builder.MANIFEST);
        Files.writeString(manifest, "{ not json", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> builder.build(minimal(out, "ru")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessageStartingWith("cannot read the published manifest " + manifest)
                .hasMessageEndingWith("; build with --clean to start the output afresh");
        assertThat(builder.build(minimal(out, "ru").withClean(true)).manifest()).hasSize(1);
    }

    private static String host() {
        String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
        return name.substring(name.indexOf('@') + 1);
    }

    @Test
    void aLockWithoutAHolderRecordSaysSoPlainly() {
        OutputLockedException e = new OutputLockedException(Path.of("out"), "");
        assertThat(e).hasMessage("out is being built by another newsbrief; wait for it to finish, or add --wait to start when it does");
        assertThat(e.output()).isEqualTo(Path.of("out"));
    }

    /** The tidying happens when a build starts, so it holds even if that build then fails. */
    @Test
    void leftoversAreRemovedEvenWhenTheNextBuildFails(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        for (int i = 0; i < 3; i++) {
            builder.build(minimal(out, "en").withForce(true));
        }
        Path state = out.resolve(".newsbrief");
        Files.createDirectories(state.resolve("staging-000009/en"));
        Files.createDirectories(state.resolve("releases/000001"));
        Files.createSymbolicLink(out.resolve("ru"), Path.of(".newsbrief/current/ru"));
        Files.delete(out.resolve("en"));

        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("brief.ftlh"), "${broken");
        assertThatThrownBy(() -> builder.build(minimal(out, "en").withTemplates(templates)))
                .isInstanceOf(dev.newsbrief.model.InvalidInputException.class);

        try (Stream<Path> names = Files.list(state)) {
            assertThat(names.map(path -> path.getFileName().toString()).sorted()).containsExactly("current", "lock", "releases");
        }
        try (Stream<Path> releases = Files.list(state.resolve("releases"))) {
            assertThat(releases.map(path -> path.getFileName().toString()).sorted()).containsExactly("000002", "000003");
        }
        assertThat(Files.exists(out.resolve("ru"), java.nio.file.LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(Files.isSymbolicLink(out.resolve("en"))).as("a link of the live release is restored").isTrue();
        assertManifestMatchesFiles(out);
    }

    /** A build stopped half-way through taking over an older output: the next one, even failing, finishes the take-over. */
    @Test
    void aStoppedTakeOverIsFinishedByTheNextStart(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en"));
        // As if stopped after the swap, before the real folder and manifest were replaced by links.
        byte[] page = Files.readAllBytes(out.resolve("en/" + MINIMAL + ".html"));
        byte[] manifest = Files.readAllBytes(out.resolve(Builder.MANIFEST));
        Files.delete(out.resolve("en"));
        Files.delete(out.resolve(Builder.MANIFEST));
        Files.createDirectories(out.resolve("en"));
        Files.write(out.resolve("en/" + MINIMAL + ".html"), page);
        Files.write(out.resolve(Builder.MANIFEST), manifest);

        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(templates.resolve("brief.ftlh"), "${broken");
        assertThatThrownBy(() -> builder.build(minimal(out, "en").withTemplates(templates)))
                .isInstanceOf(dev.newsbrief.model.InvalidInputException.class);
        assertThat(Files.isSymbolicLink(out.resolve("en"))).isTrue();
        assertThat(Files.isSymbolicLink(out.resolve(Builder.MANIFEST))).isTrue();
        assertThat(Files.readAllBytes(out.resolve("en/" + MINIMAL + ".html"))).isEqualTo(page);
        assertThat(stagingLeftovers(out)).isEmpty();
    }

    /** The manifest's paths are joined to the output and the new release: one that climbs out is never followed. */
    @Test
    void aManifestPathThatClimbsOutIsRefused(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en"));
        Path manifest = out.resolve(".newsbrief/releases/000001/" + Builder.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("en/" + MINIMAL + ".html", "../../../secret"));
        assertThatThrownBy(() -> builder.build(minimal(out, "ru")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot read the published manifest " + manifest + ": '../../../secret' is not a file inside the output"
                        + "; build with --clean to start the output afresh");
    }

    @Test
    void aPublishedFileThatWentMissingIsAnIoErrorNamingTheWayOut(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        builder.build(minimal(out, "en", "ru"));
        Path gone = out.resolve(".newsbrief/releases/000001/ru/" + MINIMAL + ".html");
        Files.delete(gone);
        assertThatThrownBy(() -> builder.build(minimal(out, "en")))
                .isInstanceOf(java.io.UncheckedIOException.class)
                .hasMessage("cannot write the output: the published file " + gone
                        + " is missing; build with --clean to start the output afresh");
        assertThat(builder.build(minimal(out, "en").withClean(true)).manifest()).hasSize(1);
    }

    /** A language the output has but the translations no longer do: its switcher links cannot be kept true. */
    @Test
    void aPublishedLanguageWithoutTranslationsNowIsBadInput(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("out");
        Path translations = Files.createDirectories(tmp.resolve("translations/de"));
        Files.copy(getClass().getResourceAsStream("/translations/en/messages.yaml"), translations.resolve("messages.yaml"));
        Files.copy(getClass().getResourceAsStream("/translations/en/lexicon.yaml"), translations.resolve("lexicon.yaml"));
        builder.build(minimal(out, "de").withTranslations(tmp.resolve("translations")));
        assertThatThrownBy(() -> builder.build(minimal(out, "en")))
                .isInstanceOf(dev.newsbrief.model.InvalidInputException.class)
                .hasMessage("manifest.json: the output has story '" + MINIMAL + "' in 'de', which has no translations now, so its "
                        + "language links cannot be kept true; build with --clean to drop it, or with --translations that has 'de'");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
