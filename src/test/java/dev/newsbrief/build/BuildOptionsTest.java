package dev.newsbrief.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.pdf.PdfOptions;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildOptionsTest {

    @Test
    void theDefaultsBuildTheEmbeddedStoryInEveryLanguageAndFormatIntoOutput() {
        BuildOptions defaults = BuildOptions.defaults();
        assertThat(defaults.stories()).isEmpty();
        assertThat(defaults.languages()).isEmpty();
        assertThat(defaults.formats()).containsExactlyInAnyOrder(Format.HTML, Format.PDF, Format.PACK);
        assertThat(defaults.output()).isEqualTo(Path.of("output"));
        assertThat(defaults.templates()).isNull();
        assertThat(defaults.translations()).isNull();
        assertThat(defaults.pdf()).isEqualTo(PdfOptions.defaults());
    }

    @Test
    void eachWithChangesOneOptionAndKeepsTheOthers() {
        Limits small = Limits.DEFAULT.with("pdf-pages", "3");
        PdfOptions letter = new PdfOptions(PdfOptions.Paper.LETTER, PdfOptions.Profile.PDFA, Instant.ofEpochSecond(1_754_697_600L));
        BuildOptions options = BuildOptions.defaults()
                .withStories(List.of(Path.of("a"), Path.of("b")))
                .withLanguages(List.of("hy", "ru"))
                .withFormats(Set.of(Format.PACK))
                .withOutput(Path.of("out"))
                .withTemplates(Path.of("tpl"))
                .withTranslations(Path.of("tr"))
                .withPdf(letter)
                .withLimits(small)
                .withClean(true)
                .withWaitForLock(true);
        ExtraOutput extra = new ExtraOutput("x/y.txt", "x", "en", "text", "inputs", () -> new byte[0]);
        assertThat(options.withExtras(List.of(extra)).extras()).containsExactly(extra);
        assertThat(options.withExtras(List.of(extra)).withClean(true).extras()).containsExactly(extra);
        assertThat(options.withForce(true).force()).isTrue();
        assertThat(options.withForce(true).withExtras(List.of(extra)).withClean(false).force()).isTrue();
        assertThat(options).isEqualTo(new BuildOptions(List.of(Path.of("a"), Path.of("b")), List.of("hy", "ru"),
                Set.of(Format.PACK), Path.of("out"), Path.of("tpl"), Path.of("tr"), letter, small, true, true, List.of(), false,
                Runtime.getRuntime().availableProcessors()));
        assertThat(options.withPdf(PdfOptions.defaults())).isEqualTo(new BuildOptions(List.of(Path.of("a"), Path.of("b")),
                List.of("hy", "ru"), Set.of(Format.PACK), Path.of("out"), Path.of("tpl"), Path.of("tr"), PdfOptions.defaults(), small, true, true, List.of(), false,
                Runtime.getRuntime().availableProcessors()));
        assertThat(options.withLimits(Limits.DEFAULT).limits()).isEqualTo(Limits.DEFAULT);
        assertThat(options.withClean(false).clean()).isFalse();
        assertThat(options.withWaitForLock(false).waitForLock()).isFalse();
        assertThat(BuildOptions.defaults().clean()).isFalse();
        assertThat(BuildOptions.defaults().waitForLock()).isFalse();
        assertThat(options.withThreads(3).threads()).isEqualTo(3);
        assertThat(options.withThreads(3).withForce(true).withExtras(List.of(extra)).threads()).isEqualTo(3);
        assertThatThrownBy(() -> options.withThreads(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
    }

    @Test
    void listsAndSetsAreCopiedSoLaterChangesDoNotLeakIn() {
        List<String> languages = new ArrayList<>(List.of("en"));
        Set<Format> formats = EnumSet.of(Format.HTML);
        BuildOptions options = BuildOptions.defaults().withLanguages(languages).withFormats(formats);
        languages.add("ru");
        formats.add(Format.PDF);
        assertThat(options.languages()).containsExactly("en");
        assertThat(options.formats()).containsExactly(Format.HTML);
    }

    @Test
    void aBuildWithoutAFormatIsRefused() {
        assertThatThrownBy(() -> BuildOptions.defaults().withFormats(Set.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The parameter 'formats' must name at least one format");
    }

    @Test
    void requiredOptionsMustNotBeNull() {
        BuildOptions defaults = BuildOptions.defaults();
        assertThatThrownBy(() -> defaults.withStories(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("The parameter 'stories' must not be null");
        assertThatThrownBy(() -> defaults.withLanguages(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("The parameter 'languages' must not be null");
        assertThatThrownBy(() -> defaults.withFormats(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("The parameter 'formats' must not be null");
        assertThatThrownBy(() -> defaults.withOutput(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("The parameter 'output' must not be null");
        assertThatThrownBy(() -> defaults.withPdf(null)).isInstanceOf(NullPointerException.class)
                .hasMessage("The parameter 'pdf' must not be null");
        assertThat(defaults.withTemplates(null).withTranslations(null)).isEqualTo(defaults);
    }
}
