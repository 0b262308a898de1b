package dev.newsbrief.pdf;

import dev.newsbrief.font.FontConfig;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.pdf.ITextFontResolver;
import org.openpdf.text.pdf.BaseFont;

/**
 * The fonts of the PDFs, from {@code templates/pdf/fonts.yaml} ({@link FontConfig}): parsed once
 * (a TrueType parse costs ~100 ms) and registered with every renderer. Fonts are embedded as
 * subsets with Identity-H encoding, so text extracts with its own characters. Reading (which
 * family draws a character) is thread-safe; writing a document needs fonts of its own
 * ({@link #copy()}).
 */
public final class PdfFonts {
    public static final String CONFIG = FontConfig.FILE;

    /** origin: where openpdf-html can reopen the file to read its weight and style. */
    private record LoadedFont(String family, String file, String origin, BaseFont font) { }

    private final FontConfig config;
    private final List<LoadedFont> fonts;
    /** Every face of a family, for "can this family draw that character". */
    private final Map<String, List<BaseFont>> byFamily;

    private PdfFonts(FontConfig config, List<LoadedFont> fonts) {
        this.config = config;
        this.fonts = List.copyOf(fonts);
        Map<String, List<BaseFont>> byFamily = new LinkedHashMap<>();
        for (LoadedFont font : fonts) {
            byFamily.computeIfAbsent(font.family(), family -> new ArrayList<>()).add(font.font());
        }
        this.byFamily = Map.copyOf(byFamily);
    }

    /** Reads the configuration and parses every font it names. */
    public static PdfFonts load(ResourceSet templates) {
        return load(templates, templates.limits());
    }

    /**
     * Reads the configuration within {@code limits} and parses every font it names. Every
     * mistake in {@code fonts.yaml} is an {@link dev.newsbrief.model.InvalidInputException} with its line and column.
     */
    public static PdfFonts load(ResourceSet templates, Limits limits) {
        return of(FontConfig.load(templates, limits));
    }

    /** Parses every font {@code config} names. */
    public static PdfFonts of(FontConfig config) {
        List<LoadedFont> fonts = new ArrayList<>();
        for (FontConfig.Face face : config.faces()) {
            fonts.add(new LoadedFont(face.family(), face.file(), face.origin(), parse(config, face)));
        }
        return new PdfFonts(config, fonts);
    }

    private static BaseFont parse(FontConfig config, FontConfig.Face face) {
        try {
            BaseFont font = BaseFont.createFont(face.file(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, face.bytes(), null);
            font.setSubset(true);
            return font;
        } catch (IOException | RuntimeException e) {
            // OpenPDF parses the font's tables trusting their offsets: a damaged file fails in any
            // number of unchecked ways (ExceptionConverter, index out of bounds), all of them bad input.
            throw config.unreadable(face, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    /**
     * The same fonts parsed anew, for another thread: a parsed font carries per-document state
     * (the seed of its subset prefix), so two documents written at once need a copy each.
     */
    PdfFonts copy() {
        return of(config);
    }

    /** The families of language {@code tag} (its own entry, else {@code default}), in fallback order. */
    public List<String> families(String tag) {
        return config.families(tag);
    }

    /** Makes every font available to one renderer. */
    void register(ITextFontResolver resolver) {
        for (LoadedFont font : fonts) {
            resolver.addFont(font.font(), font.origin(), font.family());
        }
    }

    /**
     * Subset font names carry a six-letter prefix that OpenPDF draws at random; seeding it
     * from the document makes the same inputs give the same bytes.
     */
    void seedSubsetPrefixes(byte[] seed) {
        for (LoadedFont font : fonts) {
            try {
                SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
                random.setSeed(seed);
                random.setSeed(font.file().getBytes(StandardCharsets.UTF_8));
                font.font().setSecureRandom(random);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JDK has SHA1PRNG", e);
            }
        }
    }

    /** Whether {@code family} can draw {@code codePoint} (its regular face decides: the others share its repertoire). */
    boolean draws(String family, int codePoint) {
        return byFamily.get(family).get(0).charExists(codePoint);
    }

    /** The first family of {@code families} that draws {@code codePoint}, or null when none does. */
    String familyFor(int codePoint, List<String> families) {
        for (String family : families) {
            if (draws(family, codePoint)) {
                return family;
            }
        }
        return null;
    }

    /** Characters no font needs to draw: white space, controls and invisible break hints. */
    static boolean invisible(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isISOControl(codePoint) || codePoint == 0x00AD
                || codePoint == 0x200B || codePoint == 0x2060 || codePoint == 0xFEFF;
    }

    /**
     * The first code point of {@code text} that none of {@code families} can draw, or -1; white
     * space, controls and invisible break hints need no glyph. The same test the PDF makes before
     * it is written, so {@code newsbrief check} finds exactly what a build would refuse.
     */
    public int firstMissing(String text, List<String> families) {
        return text.codePoints()
                .filter(cp -> !invisible(cp))
                .filter(cp -> familyFor(cp, families) == null)
                .findFirst().orElse(-1);
    }
}
