package dev.newsbrief.font;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.LanguageTags;
import dev.newsbrief.model.SafeYaml;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The type of every brief, from {@code templates/pdf/fonts.yaml}: the font files (faces) of each
 * family, and per language the families to draw its text with, in fallback order. The PDF
 * embeds subsets of these faces and each HTML page inlines subsets of them, so a brief looks the
 * same in both and on any machine. Only reads and checks the file: parsing the fonts is up to
 * each output ({@code PdfFonts}, {@code WebFonts}).
 */
public final class FontConfig {
    public static final String FILE = "pdf/fonts.yaml";
    /** The entry for every language the file does not name. */
    public static final String DEFAULT = "default";

    /**
     * One font file of a family (a regular, bold or italic face): its name in the file, its bytes,
     * and where those were read (a file path or a classpath name, for libraries that reopen it).
     */
    public record Face(String family, String file, byte[] bytes, String origin) { }

    private final String name;
    private final List<Face> faces;
    /** Where each face's {@code file:} value is, for errors found when an output parses the font. */
    private final List<Node> fileNodes;
    private final Map<String, List<String>> locales;

    private FontConfig(String name, List<Face> faces, List<Node> fileNodes, Map<String, List<String>> locales) {
        this.name = name;
        this.faces = List.copyOf(faces);
        this.fileNodes = List.copyOf(fileNodes);
        this.locales = Map.copyOf(locales);
    }

    /** Every face the file names, in its order. */
    public List<Face> faces() {
        return faces;
    }

    /** The families of language {@code tag} (its own entry, else {@code default}), in fallback order: never empty. */
    public List<String> families(String tag) {
        return locales.getOrDefault(tag, locales.get(DEFAULT));
    }

    /** Reads and checks the configuration; every mistake is an {@link InvalidInputException} with its line and column. */
    public static FontConfig load(ResourceSet templates, Limits limits) {
        ResourceSet.Resource config = templates.find(FILE).orElseThrow(() ->
                new InvalidInputException("templates/" + FILE, 0, 0, "", "missing; the briefs need their font list"));
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
        List<Face> faces = new ArrayList<>();
        List<Node> fileNodes = new ArrayList<>();
        for (int i = 0; i < fontNodes.getValue().size(); i++) {
            String path = "fonts[" + i + "]";
            Node node = fontNodes.getValue().get(i);
            Map<String, Node> font = fields(name, node, path, "{family: …, file: …}", "family", "file");
            String family = scalar(name, required(name, font, node, path, "family"), path + ".family", "a family name");
            Node fileNode = required(name, font, node, path, "file");
            String file = scalar(name, fileNode, path + ".file", "one font file");
            byte[] bytes = read(name, fileNode, path + ".file", file, templates);
            faces.add(new Face(family, file, bytes, templates.origin(file).orElse(file)));
            fileNodes.add(fileNode);
        }
        if (localeMap == null) {
            throw new InvalidInputException(name, 1, 1, "locales", "missing; say which families languages use by default");
        }
        Map<String, List<String>> locales = new LinkedHashMap<>();
        for (NodeTuple entry : mapping(name, localeMap, "locales", "a mapping of language tags to families").getValue()) {
            String tag = scalar(name, entry.getKeyNode(), "locales", "a language tag");
            String path = "locales." + tag;
            if (!tag.equals(DEFAULT)) {
                LanguageTags.problem(tag).ifPresent(problem -> {
                    throw error(name, entry.getKeyNode(), path, problem);
                });
            }
            locales.put(tag, families(name, entry.getValueNode(), path, faces));
        }
        if (!locales.containsKey(DEFAULT)) {
            throw new InvalidInputException(name, 0, 0, "locales.default", "missing; say which families languages use by default");
        }
        return new FontConfig(name, faces, fileNodes, locales);
    }

    private static final String SHAPE = "a mapping with 'fonts:' (a list of {family: …, file: …}) "
            + "and 'locales:' (language tags, and 'default', each mapped to a family or a list of families in fallback order)";
    private static final String FAMILIES = "a family, or a list of families in fallback order (e.g. [Noto Serif, Noto Serif Armenian])";

    /** A language's families: one name, or a list tried in order for each character. */
    private static List<String> families(String file, Node node, String path, List<Face> faces) {
        List<Node> names = node instanceof SequenceNode list ? list.getValue() : List.of(node);
        if (names.isEmpty()) {
            throw error(file, node, path, "expected " + FAMILIES + ", found an empty list");
        }
        List<String> families = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Node at = names.get(i);
            String where = node instanceof SequenceNode ? path + "[" + i + "]" : path;
            String family = scalar(file, at, where, FAMILIES);
            if (faces.stream().noneMatch(face -> face.family().equals(family))) {
                throw error(file, at, where, "family '" + family + "' has no font file under 'fonts:'");
            }
            if (families.contains(family)) {
                throw error(file, at, where, "family '" + family + "' is listed twice; list each family once");
            }
            families.add(family);
        }
        return List.copyOf(families);
    }

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
        throw error(file, node, path, "expected " + expected + ", found " + found(node));
    }

    private static String scalar(String file, Node node, String path, String expected) {
        if (node instanceof ScalarNode scalar && !scalar.getValue().isEmpty()) {
            return scalar.getValue();
        }
        throw error(file, node, path, "expected " + expected + ", found " + found(node));
    }

    private static String found(Node node) {
        return node instanceof SequenceNode ? "a list" : node instanceof MappingNode ? "a mapping"
                : ((ScalarNode) node).getValue().isEmpty() ? "nothing" : "'" + ((ScalarNode) node).getValue() + "'";
    }

    private static InvalidInputException error(String file, Node node, String path, String problem) {
        return new InvalidInputException(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path, problem);
    }

    private static byte[] read(String configName, Node at, String path, String file, ResourceSet templates) {
        byte[] bytes = templates.findBytes(file).orElseGet(() -> classpath(file));
        if (bytes == null) {
            throw error(configName, at, path, "font file '" + file
                    + "' is neither a classpath resource nor a file in the templates directory");
        }
        if (!looksLikeAFont(bytes)) {
            throw error(configName, at, path, "'" + file + "' is not a TrueType or OpenType font (.ttf, .otf)");
        }
        return bytes;
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
        try (InputStream in = FontConfig.class.getClassLoader().getResourceAsStream(file)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }

    /** Where a face's parse failed, as an input error at its {@code file:} line. */
    public InvalidInputException unreadable(Face face, String problem) {
        int index = faces.indexOf(face);
        return error(name, fileNodes.get(index), "fonts[" + index + "].file", "cannot read font '" + face.file() + "': " + problem);
    }
}
