package dev.newsbrief.font;

import dev.newsbrief.model.InvalidInputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.TreeSet;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.OS2WindowsMetricsTable;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The type of the PDFs for HTML pages: {@code @font-face} rules that inline, as data URLs, subsets
 * of the faces of {@link FontConfig} cut down to the characters a page uses, so the page shows the
 * same type as its PDF with no external resource and stays small.
 * <p>
 * Each face is parsed at most once per instance, when a page first needs it. Safe to share between
 * threads (the builder renders languages in parallel): FontBox fonts are not, so each face is
 * read and subset under its own lock. The output depends only on the fonts and the page's text.
 */
public final class WebFonts {
    /** The generic family every stack ends with, for a character no face draws. */
    public static final String GENERIC = "serif";

    /**
     * The tables a subset keeps: outlines, metrics, the character map, names, and the hinting
     * programs (which do not name glyphs). GSUB, GPOS and GDEF go: TTFSubsetter copies them as they
     * are, and their old glyph numbers would point at other glyphs of the subset (so no kerning).
     */
    private static final List<String> TABLES = List.of(
            "head", "hhea", "maxp", "loca", "glyf", "hmtx", "cmap", "name", "OS/2", "post", "cvt ", "fpgm", "prep", "gasp");

    private final FontConfig config;
    private final List<WebFace> faces;

    public WebFonts(FontConfig config) {
        this.config = Objects.requireNonNull(config, "The parameter 'config' must not be null");
        this.faces = config.faces().stream().map(WebFace::new).toList();
    }

    /** The families of language {@code tag} in fallback order (from fonts.yaml). */
    public List<String> families(String tag) {
        return config.families(tag);
    }

    /** A CSS {@code font-family} value: the language's families, quoted, then {@value #GENERIC}. */
    public String stack(String tag) {
        return stack(families(tag));
    }

    /** A CSS {@code font-family} value: {@code families}, quoted, then {@value #GENERIC}. */
    public static String stack(List<String> families) {
        StringBuilder css = new StringBuilder();
        for (String family : families) {
            css.append(quoted(family)).append(", ");
        }
        return css.append(GENERIC).toString();
    }

    /**
     * The style sheet a page needs: its font stacks, one rule per language tag the page marks
     * (the first tag is the page's own: {@code [lang="hy"] { font-family: … }}, so a quote in
     * another language inside gets that language's stack), then an {@code @font-face} rule for
     * every face of these stacks that draws at least one character of {@code page}, subset to the
     * characters of the page it draws.
     *
     * @param page every character a reader may see (extra characters only make the fonts larger)
     * @param tags the language tags on the page's elements
     */
    public String css(CharSequence page, Collection<String> tags) {
        SequencedSet<String> families = new LinkedHashSet<>();
        StringBuilder css = new StringBuilder();
        for (String tag : new LinkedHashSet<>(tags)) {
            families.addAll(families(tag));
            css.append("[lang=\"").append(tag).append("\"] { font-family: ").append(stack(tag)).append("; }\n");
        }
        css.append(fontFaces(page, families));
        return css.toString();
    }

    /**
     * {@code @font-face} rules, in the order of fonts.yaml, for the faces of {@code families} that
     * draw at least one character of {@code page}; each inlines the subset of its face with those
     * characters.
     */
    public String fontFaces(CharSequence page, Collection<String> families) {
        TreeSet<Integer> codePoints = new TreeSet<>();
        page.codePoints().forEach(codePoints::add);
        StringBuilder css = new StringBuilder();
        for (WebFace face : faces) {
            if (families.contains(face.face.family())) {
                face.subset(codePoints).ifPresent(subset -> css.append(rule(face, subset)));
            }
        }
        return css.toString();
    }

    private static String rule(WebFace face, byte[] subset) {
        return "@font-face { font-family: " + quoted(face.face.family())
                + "; font-style: " + (face.italic ? "italic" : "normal")
                + "; font-weight: " + face.weight
                + "; src: url(data:font/ttf;base64," + Base64.getEncoder().encodeToString(subset) + ") format(\"truetype\"); }\n";
    }

    /** A family name as a CSS string; fonts.yaml names never hold quotes or backslashes, but a user's might. */
    private static String quoted(String family) {
        return "\"" + family.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** One face of fonts.yaml, parsed when first needed; every use holds its lock. */
    private final class WebFace {
        private final FontConfig.Face face;
        private TrueTypeFont font;
        private CmapLookup cmap;
        private int weight;
        private boolean italic;

        WebFace(FontConfig.Face face) {
            this.face = face;
        }

        /** The face cut down to the characters of {@code codePoints} it draws, or empty if it draws none. */
        synchronized Optional<byte[]> subset(TreeSet<Integer> codePoints) {
            parse();
            TreeSet<Integer> drawn = new TreeSet<>();
            for (int codePoint : codePoints) {
                if (cmap.getGlyphId(codePoint) != 0) {
                    drawn.add(codePoint);
                }
            }
            if (drawn.isEmpty()) {
                return Optional.empty();
            }
            try {
                TTFSubsetter subsetter = new TTFSubsetter(font, TABLES);
                subsetter.addAll(drawn);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                subsetter.writeToStream(out);
                return Optional.of(out.toByteArray());
            } catch (IOException | RuntimeException e) {
                throw config.unreadable(face, "cannot subset it for the HTML page: " + e.getMessage());
            }
        }

        private void parse() {
            if (font != null) {
                return;
            }
            try {
                TrueTypeFont parsed = new TTFParser().parse(new RandomAccessReadBuffer(face.bytes()));
                CmapLookup lookup = parsed.getUnicodeCmapLookup(false);
                if (lookup == null) {
                    throw config.unreadable(face, "it has no Unicode character map");
                }
                OS2WindowsMetricsTable os2 = parsed.getOS2Windows();
                // OS/2 says weight and italic; fonts without it (old Mac fonts) say so in head.macStyle.
                int macStyle = parsed.getHeader().getMacStyle();
                weight = os2 != null && os2.getWeightClass() > 0 ? os2.getWeightClass() : (macStyle & 1) != 0 ? 700 : 400;
                italic = os2 != null ? (os2.getFsSelection() & 1) != 0 || (macStyle & 2) != 0 : (macStyle & 2) != 0;
                cmap = lookup;
                font = parsed;
            } catch (IOException | RuntimeException e) {
                if (e instanceof InvalidInputException invalid) {
                    throw invalid;
                }
                throw config.unreadable(face, e.getMessage());
            }
        }
    }

    /** For tests: the weight and style each face declares, in fonts.yaml order ("Noto Serif 700 italic"). */
    List<String> describeFaces() {
        List<String> described = new ArrayList<>();
        for (WebFace face : faces) {
            synchronized (face) {
                face.parse();
                described.add(face.face.family() + " " + face.weight + (face.italic ? " italic" : " normal"));
            }
        }
        return described;
    }
}
