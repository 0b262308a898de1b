package dev.newsbrief.pdf;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * How PDFs are made.
 *
 * @param paper   page size; default {@link Paper#A4}
 * @param profile {@link Profile#STANDARD} or {@link Profile#PDFA} (PDF/A-1b)
 * @param date    the creation and modification date written into every PDF; null means the
 *                story's publication date (a build never reads the clock), and the CLI passes
 *                {@code SOURCE_DATE_EPOCH} when it is set
 */
public record PdfOptions(Paper paper, Profile profile, Instant date) {
    public PdfOptions {
        Objects.requireNonNull(paper, "The parameter 'paper' must not be null");
        Objects.requireNonNull(profile, "The parameter 'profile' must not be null");
    }

    public static PdfOptions defaults() {
        return new PdfOptions(Paper.A4, Profile.STANDARD, null);
    }

    /** Page sizes, as CSS names them. */
    public enum Paper {
        A4, LETTER;

        public String css() {
            return this == A4 ? "A4" : "letter";
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Conformance profiles. */
    public enum Profile {
        /** Plain PDF 1.4 with embedded, subset fonts. */
        STANDARD,
        /** PDF/A-1b (ISO 19005-1, level B): sRGB output intent, XMP metadata, everything embedded. */
        PDFA;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
