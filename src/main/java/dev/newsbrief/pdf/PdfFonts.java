package dev.newsbrief.pdf;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openpdf.pdf.ITextFontResolver;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.BaseFont;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The fonts of the PDFs, from {@code templates/pdf/fonts.yaml}: parsed once (a TrueType
 * parse costs ~100 ms) and registered with every renderer. Fonts are embedded as subsets
 * with Identity-H encoding, so text extracts with its own characters.
 */
public final class PdfFonts {
    public static final String CONFIG = "pdf/fonts.yaml";

    /** The families one language uses: {@code text} for body copy, {@code display} for headings. */
    public record Families(String text, String display) {
        List<String> all() {
            return text.equals(display) ? List.of(text) : List.of(text, display);
        }
    }

    private record LoadedFont(String family, String file, BaseFont font) { }

    private final List<LoadedFont> fonts;
    private final Map<String, Families> locales;

    private PdfFonts(List<LoadedFont> fonts, Map<String, Families> locales) {
        this.fonts = List.copyOf(fonts);
        this.locales = Map.copyOf(locales);
    }

    /** Reads the configuration and parses every font it names. */
    @SuppressWarnings("unchecked")
    public static PdfFonts load(ResourceSet templates) {
        ResourceSet.Resource config = templates.find(CONFIG).orElseThrow(() ->
                new InvalidInputException("templates/" + CONFIG, 0, 0, "", "missing; the PDF needs its font list"));
        Map<String, Object> root;
        try {
            root = new Yaml(new LoaderOptions()).load(config.text());
        } catch (RuntimeException e) {
            throw new InvalidInputException(config.displayName(), 0, 0, "", "not valid YAML: " + e.getMessage());
        }
        List<LoadedFont> fonts = new ArrayList<>();
        for (Object entry : (List<Object>) root.getOrDefault("fonts", List.of())) {
            Map<String, Object> font = (Map<String, Object>) entry;
            String family = String.valueOf(font.get("family"));
            String file = String.valueOf(font.get("file"));
            fonts.add(new LoadedFont(family, file, parse(config.displayName(), file, templates)));
        }
        Map<String, Families> locales = new LinkedHashMap<>();
        ((Map<String, Map<String, String>>) root.getOrDefault("locales", Map.of())).forEach((tag, families) ->
                locales.put(tag, new Families(families.get("text"), families.get("display"))));
        if (!locales.containsKey("default")) {
            throw new InvalidInputException(config.displayName(), 0, 0, "locales.default", "missing; say which families languages use by default");
        }
        for (Families families : locales.values()) {
            for (String family : families.all()) {
                if (fonts.stream().noneMatch(font -> font.family().equals(family))) {
                    throw new InvalidInputException(config.displayName(), 0, 0, "locales",
                            "family '" + family + "' has no font file under 'fonts:'");
                }
            }
        }
        return new PdfFonts(fonts, locales);
    }

    private static BaseFont parse(String configName, String file, ResourceSet templates) {
        byte[] bytes = templates.findBytes(file).orElseGet(() -> classpath(file));
        if (bytes == null) {
            throw new InvalidInputException(configName, 0, 0, "fonts", "font file '" + file
                    + "' is neither a classpath resource nor a file in the templates directory");
        }
        try {
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            return font;
        } catch (DocumentException | IOException e) {
            throw new InvalidInputException(configName, 0, 0, "fonts", "cannot read font '" + file + "': " + e.getMessage());
        }
    }

    private static byte[] classpath(String file) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** The families of language {@code tag} (its own entry, else {@code default}). */
    public Families families(String tag) {
        return locales.getOrDefault(tag, locales.get("default"));
    }

    /** Makes every font available to one renderer. */
    void register(ITextFontResolver resolver) {
        for (LoadedFont font : fonts) {
            resolver.addFont(font.font(), font.file(), font.family());
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

    /** The first code point of {@code text} that a family cannot draw, or -1. */
    int firstMissing(String text, String family) {
        BaseFont font = fonts.stream().filter(f -> f.family().equals(family)).findFirst().orElseThrow().font();
        return text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isISOControl(cp) && cp != 0x00AD && cp != 0x200B)
                .filter(cp -> !font.charExists(cp))
                .findFirst().orElse(-1);
    }
}
