package dev.newsbrief.pdf;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.LanguageTags;
import dev.newsbrief.model.SafeYaml;
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
import org.openpdf.text.pdf.BaseFont;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

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
    public static PdfFonts load(ResourceSet templates) {
        return load(templates, templates.limits());
    }

    /**
     * Reads the configuration within {@code limits} and parses every font it names. Every
     * mistake in {@code fonts.yaml} is an {@link InvalidInputException} with its line and column.
     */
    public static PdfFonts load(ResourceSet templates, Limits limits) {
        ResourceSet.Resource config = templates.find(CONFIG).orElseThrow(() ->
                new InvalidInputException("templates/" + CONFIG, 0, 0, "", "missing; the PDF needs its font list"));
        String name = config.displayName();
        Node root = SafeYaml.compose(name, config.text(), limits);
        if (root == null) {
            throw new InvalidInputException(name, 1, 1, "", "the file is empty; expected " + SHAPE);
        }
        MappingNode top = mapping(name, root, "", SHAPE);
        Node fontList = null;
        Node localeMap = null;
        for (NodeTuple section : top.getValue()) {
            String key = scalar(name, section.getKeyNode(), "", "a section name");
            switch (key) {
                case "fonts" -> fontList = section.getValueNode();
                case "locales" -> localeMap = section.getValueNode();
                default -> throw error(name, section.getKeyNode(), key, "unknown section; expected " + SHAPE);
            }
        }
        if (fontList == null) {
            throw new InvalidInputException(name, 1, 1, "fonts", "missing; expected " + SHAPE);
        }
        if (!(fontList instanceof SequenceNode fontNodes)) {
            throw error(name, fontList, "fonts", "expected a list of {family: …, file: …}");
        }
        List<LoadedFont> fonts = new ArrayList<>();
        for (int i = 0; i < fontNodes.getValue().size(); i++) {
            String path = "fonts[" + i + "]";
            Map<String, Node> font = fields(name, fontNodes.getValue().get(i), path, "{family: …, file: …}", "family", "file");
            String family = scalar(name, required(name, font, fontNodes.getValue().get(i), path, "family"), path + ".family", "a family name");
            Node fileNode = required(name, font, fontNodes.getValue().get(i), path, "file");
            String file = scalar(name, fileNode, path + ".file", "one font file");
            fonts.add(new LoadedFont(family, file, parse(name, fileNode, path + ".file", file, templates)));
        }
        if (localeMap == null) {
            throw new InvalidInputException(name, 1, 1, "locales", "missing; say which families languages use by default");
        }
        Map<String, Families> locales = new LinkedHashMap<>();
        for (NodeTuple entry : mapping(name, localeMap, "locales", "a mapping of language tags to {text: …, display: …}").getValue()) {
            String tag = scalar(name, entry.getKeyNode(), "locales", "a language tag");
            String path = "locales." + tag;
            if (!tag.equals("default")) {
                LanguageTags.problem(tag).ifPresent(problem -> {
                    throw error(name, entry.getKeyNode(), path, problem);
                });
            }
            Map<String, Node> families = fields(name, entry.getValueNode(), path, "{text: …, display: …}", "text", "display");
            String text = scalar(name, required(name, families, entry.getValueNode(), path, "text"), path + ".text", "one family");
            String display = scalar(name, required(name, families, entry.getValueNode(), path, "display"), path + ".display", "one family");
            for (var family : Map.of("text", text, "display", display).entrySet()) {
                if (fonts.stream().noneMatch(font -> font.family().equals(family.getValue()))) {
                    throw error(name, families.get(family.getKey()), path + "." + family.getKey(),
                            "family '" + family.getValue() + "' has no font file under 'fonts:'");
                }
            }
            locales.put(tag, new Families(text, display));
        }
        if (!locales.containsKey("default")) {
            throw new InvalidInputException(name, 0, 0, "locales.default", "missing; say which families languages use by default");
        }
        return new PdfFonts(fonts, locales);
    }

    private static final String SHAPE = "a mapping with 'fonts:' (a list of {family: …, file: …}) "
            + "and 'locales:' (language tags, and 'default', mapped to {text: family, display: family})";
    private static final String NO_FALLBACK = "one font file per language; fallback lists are not supported yet";

    /** The keys of a mapping node, refusing keys other than {@code allowed}. */
    private static Map<String, Node> fields(String file, Node node, String path, String expected, String... allowed) {
        Map<String, Node> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping(file, node, path, expected).getValue()) {
            String key = scalar(file, tuple.getKeyNode(), path, "a key");
            if (!List.of(allowed).contains(key)) {
                throw error(file, tuple.getKeyNode(), path + "." + key, "unknown key; expected " + expected);
            }
            fields.put(key, tuple.getValueNode());
        }
        return fields;
    }

    private static Node required(String file, Map<String, Node> fields, Node parent, String path, String key) {
        Node value = fields.get(key);
        if (value == null) {
            throw error(file, parent, path, "'" + key + "' is missing; add it");
        }
        return value;
    }

    private static MappingNode mapping(String file, Node node, String path, String expected) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(file, node, path, node instanceof SequenceNode && isFontChoice(path) ? NO_FALLBACK + "; expected " + expected
                : "expected " + expected + ", found " + found(node));
    }

    private static String scalar(String file, Node node, String path, String expected) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
            return scalar.getValue();
        }
        throw error(file, node, path, node instanceof SequenceNode && isFontChoice(path) ? NO_FALLBACK
                : "expected " + expected + ", found " + found(node));
    }

    /** Where a list would be a font fallback list (issue 9): a language's families, or a font's file. */
    private static boolean isFontChoice(String path) {
        return path.startsWith("locales.") || path.endsWith(".file");
    }

    private static String found(Node node) {
        return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a mapping"
                : ((ScalarNode) node).getValue().isEmpty() ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static InvalidInputException error(String file, Node node, String path, String problem) {
        return new InvalidInputException(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path, problem);
    }

    private static BaseFont parse(String configName, Node at, String path, String file, ResourceSet templates) {
        byte[] bytes = templates.findBytes(file).orElseGet(() -> classpath(file));
        if (bytes == null) {
            throw error(configName, at, path, "font file '" + file
                    + "' is neither a classpath resource nor a file in the templates directory");
        }
        if (!looksLikeAFont(bytes)) {
            throw error(configName, at, path, "'" + file + "' is not a TrueType or OpenType font (.ttf, .otf)");
        }
        try {
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, bytes, null);
            font.setSubset(true);
            return font;
        } catch (IOException | RuntimeException e) {
            // OpenPDF parses the font's tables trusting their offsets: a damaged file fails in any
            // number of unchecked ways (ExceptionConverter, index out of bounds), all of them bad input.
            throw error(configName, at, path, "cannot read font '" + file + "': " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage().lines().findFirst().orElse("")));
        }
    }

    /** TrueType (00 01 00 00 or 'true'), OpenType with CFF ('OTTO') or a collection ('ttcf'). */
    private static boolean looksLikeAFont(byte[] bytes) {
        if (bytes.length < 12) {
            return false;
        }
        int tag = ((bytes[0] & 0xFF) << 24) | ((bytes[1] & 0xFF) << 16) | ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        return tag == 0x00010000 || tag == 0x74727565 || tag == 0x4F54544F || tag == 0x74746366;
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
