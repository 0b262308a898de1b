package dev.newsbrief.font;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fonts an HTML page inlines: the right faces, cut to the page's characters, the same bytes every time. */
class WebFontsTest {
    /** The vendored Noto faces of templates/fonts, as fonts.yaml names them. */
    private static final String NOTO = """
            fonts:
              - { family: Noto Serif, file: fonts/NotoSerif-Regular.ttf }
              - { family: Noto Serif, file: fonts/NotoSerif-Bold.ttf }
              - { family: Noto Serif, file: fonts/NotoSerif-Italic.ttf }
              - { family: Noto Serif, file: fonts/NotoSerif-BoldItalic.ttf }
              - { family: Noto Serif Armenian, file: fonts/NotoSerifArmenian-Regular.ttf }
              - { family: Noto Serif Armenian, file: fonts/NotoSerifArmenian-Bold.ttf }
            locales:
              default: [Noto Serif]
              hy: [Noto Serif Armenian, Noto Serif]
            """;
    private static final String LATIN_AND_CYRILLIC = "Azərbaycan İlham Əliyev, ğ ş ç ö ü ı — «Белый дом», 8 августа 2025 г.; Trump’s “peace” & <Washington>";
    private static final String ARMENIAN = "Հայաստանը և Ադրբեջանը ստորագրել են «խաղաղության համաձայնագիր»։ ԱՄՆ-ի";
    private static final Pattern FACE = Pattern.compile(
            "@font-face \\{ font-family: \"([^\"]+)\"; font-style: (\\w+); font-weight: (\\d+); src: url\\(data:font/ttf;base64,([A-Za-z0-9+/=]+)\\) format\\(\"truetype\"\\); \\}");

    private static FontConfig config;

    @BeforeAll
    static void loadConfig(@TempDir Path templates) throws IOException {
        config = config(templates, NOTO);
    }

    private static FontConfig config(Path templates, String yaml) throws IOException {
        Files.createDirectories(templates.resolve("pdf"));
        Files.writeString(templates.resolve(FontConfig.FILE), yaml);
        return FontConfig.load(new ResourceSet("templates", templates, Limits.DEFAULT), Limits.DEFAULT);
    }

    /** Each @font-face rule as "family style weight", mapped to its font's bytes, in order. */
    private static Map<String, byte[]> faces(String css) {
        Map<String, byte[]> faces = new LinkedHashMap<>();
        Matcher matcher = FACE.matcher(css);
        while (matcher.find()) {
            faces.put(matcher.group(1) + " " + matcher.group(2) + " " + matcher.group(3), Base64.getDecoder().decode(matcher.group(4)));
        }
        return faces;
    }

    private static TrueTypeFont parse(byte[] font) throws IOException {
        return new TTFParser().parse(new RandomAccessReadBuffer(font));
    }

    @Test
    void everyFaceOfTheStackDrawsEveryCharacterOfThePage() throws IOException {
        String css = new WebFonts(config).fontFaces(LATIN_AND_CYRILLIC, List.of("Noto Serif"));
        Map<String, byte[]> faces = faces(css);
        assertThat(faces).containsOnlyKeys("Noto Serif normal 400", "Noto Serif normal 700", "Noto Serif italic 400", "Noto Serif italic 700");
        for (var face : faces.entrySet()) {
            TrueTypeFont subset = parse(face.getValue());
            CmapLookup cmap = subset.getUnicodeCmapLookup();
            LATIN_AND_CYRILLIC.codePoints().forEach(codePoint ->
                    assertThat(cmap.getGlyphId(codePoint)).as("%s draws U+%04X", face.getKey(), codePoint).isNotZero());
            // A subset: the characters of the page (and .notdef), not the thousands of the face.
            assertThat(subset.getNumberOfGlyphs()).as(face.getKey()).isLessThan(LATIN_AND_CYRILLIC.length() + 10);
            assertThat(cmap.getGlyphId('Q')).as("%s has no Q, which the page lacks", face.getKey()).isZero();
        }
    }

    @Test
    void aPageWithArmenianGetsTheArmenianFaces() throws IOException {
        WebFonts fonts = new WebFonts(config);
        Map<String, byte[]> faces = faces(fonts.css(ARMENIAN + " English", List.of("hy", "en")));
        assertThat(faces).containsKeys("Noto Serif Armenian normal 400", "Noto Serif Armenian normal 700", "Noto Serif normal 400");
        CmapLookup armenian = parse(faces.get("Noto Serif Armenian normal 400")).getUnicodeCmapLookup();
        ARMENIAN.codePoints().filter(Character::isLetter).filter(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARMENIAN)
                .forEach(codePoint -> assertThat(armenian.getGlyphId(codePoint)).as("U+%04X", codePoint).isNotZero());
        assertThat(armenian.getGlyphId('։')).isNotZero();
    }

    /** Not in the page's stacks, or drawing none of its characters: not inlined. */
    @Test
    void aFaceThePageDoesNotNeedIsAbsent() {
        WebFonts fonts = new WebFonts(config);
        // An English page names no Armenian stack, so Armenian characters in it are not a reason to inline the face.
        assertThat(faces(fonts.css(LATIN_AND_CYRILLIC + ARMENIAN, List.of("en"))).keySet())
                .noneMatch(face -> face.startsWith("Noto Serif Armenian"));
        // An Armenian stack on a page of Latin and Cyrillic letters only: Noto Serif Armenian draws none of them.
        assertThat(faces(fonts.css("AzərbaycanİlhamƏliyevБелыйдом", List.of("hy"))).keySet())
                .noneMatch(face -> face.startsWith("Noto Serif Armenian"))
                .contains("Noto Serif normal 400");
        assertThat(fonts.fontFaces(LATIN_AND_CYRILLIC, List.of("Some Other Family"))).isEmpty();
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        String page = LATIN_AND_CYRILLIC + ARMENIAN;
        String first = new WebFonts(config).css(page, List.of("hy", "en"));
        WebFonts second = new WebFonts(config);
        assertThat(second.css(page, List.of("hy", "en"))).isEqualTo(first);
        assertThat(second.css(page, List.of("hy", "en"))).isEqualTo(first);
    }

    /** The builder renders languages in parallel with one WebFonts. */
    @Test
    void parallelPagesGetTheSameFontsAsOneAtATime() throws Exception {
        WebFonts shared = new WebFonts(config);
        List<String> pages = List.of(LATIN_AND_CYRILLIC, ARMENIAN, LATIN_AND_CYRILLIC + ARMENIAN, "Русский English");
        List<String> expected = pages.stream().map(page -> new WebFonts(config).css(page, List.of("hy", "ru"))).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 4; round++) {
                for (String page : pages) {
                    results.add(pool.submit(() -> shared.css(page, List.of("hy", "ru"))));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(expected.get(i % pages.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Weight and style come from each font (OS/2), not from its file name. */
    @Test
    void weightAndStyleAreTheFonts() {
        assertThat(new WebFonts(config).describeFaces()).containsExactly(
                "Noto Serif 400 normal", "Noto Serif 700 normal", "Noto Serif 400 italic", "Noto Serif 700 italic",
                "Noto Serif Armenian 400 normal", "Noto Serif Armenian 700 normal");
    }

    /** Each language's stack: its families in fallback order, then the generic serif; each marked language gets its rule. */
    @Test
    void stacksFollowFontsYaml() {
        WebFonts fonts = new WebFonts(config);
        assertThat(fonts.stack("hy")).isEqualTo("\"Noto Serif Armenian\", \"Noto Serif\", serif");
        assertThat(fonts.stack("ru")).isEqualTo("\"Noto Serif\", serif");
        assertThat(fonts.css("", List.of("hy", "en")))
                .isEqualTo("[lang=\"hy\"] { font-family: \"Noto Serif Armenian\", \"Noto Serif\", serif; }\n"
                        + "[lang=\"en\"] { font-family: \"Noto Serif\", serif; }\n");
    }

    /** A file that starts like a font but is not one stops the build at its fonts.yaml line, when a page needs it. */
    @Test
    void aBrokenFontIsAnInputErrorAtItsLine(@TempDir Path templates) throws IOException {
        Files.createDirectories(templates.resolve("fonts"));
        byte[] broken = new byte[64];
        broken[1] = 1; // 00 01 00 00: the TrueType signature, then nothing usable
        Files.write(templates.resolve("fonts/Broken.ttf"), broken);
        FontConfig brokenConfig = config(templates, """
                fonts:
                  - { family: Broken, file: fonts/Broken.ttf }
                locales:
                  default: [Broken]
                """);
        assertThatThrownBy(() -> new WebFonts(brokenConfig).css("text", List.of("en")))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fonts.yaml:2:")
                .hasMessageContaining("fonts/Broken.ttf");
    }
}
