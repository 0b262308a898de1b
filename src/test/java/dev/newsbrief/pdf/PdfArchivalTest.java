package dev.newsbrief.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.newsbrief.Fixtures;
import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.Format;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

/** --pdf-profile pdfa gives PDF/A-1b that veraPDF accepts. */
class PdfArchivalTest {
    @TempDir
    static Path out;

    @BeforeAll
    static void build() {
        VeraGreenfieldFoundryProvider.initialise();
        new Builder().build(BuildOptions.defaults().withOutput(out).withFormats(Set.of(Format.PDF, Format.PACK))
                .withPdf(new PdfOptions(PdfOptions.Paper.A4, PdfOptions.Profile.PDFA, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru", "pack"})
    void veraPdfAcceptsPdfA1b(String folder) throws Exception {
        try (InputStream in = Files.newInputStream(out.resolve(folder).resolve(Fixtures.DEFAULT_ID + ".pdf"));
             PDFAParser parser = Foundries.defaultInstance().createParser(in, PDFAFlavour.PDFA_1_B);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(PDFAFlavour.PDFA_1_B, false)) {
            ValidationResult result = validator.validate(parser);
            List<String> failures = result.getTestAssertions().stream()
                    .filter(assertion -> assertion.getStatus() == TestAssertion.Status.FAILED)
                    .map(assertion -> assertion.getRuleId().getClause() + " " + assertion.getMessage())
                    .distinct().toList();
            assertThat(failures).as("veraPDF failures").isEmpty();
            assertThat(result.isCompliant()).isTrue();
        }
    }
}
