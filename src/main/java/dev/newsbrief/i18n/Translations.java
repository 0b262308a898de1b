package dev.newsbrief.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The languages under {@code translations/}: one directory per BCP 47 tag holding
 * {@code messages.yaml} and {@code lexicon.yaml}. A language is available when its
 * directory exists, embedded or in the override directory; adding a language is adding
 * such a directory. Catalogs are parsed once and cached; thread-safe.
 */
public final class Translations {
    public static final String MESSAGES = "messages.yaml";
    public static final String LEXICON = "lexicon.yaml";

    private final ResourceSet files;
    private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();

    public Translations(ResourceSet files) {
        this.files = files;
    }

    /** The tags of every language that has translations, sorted. */
    public SortedSet<String> tags() {
        return files.directories("");
    }

    /** The catalog of {@code tag}; fails with file and line if its files are malformed. */
    public Catalog catalog(String tag) {
        return catalogs.computeIfAbsent(tag, this::load);
    }

    private Catalog load(String tag) {
        if (!tags().contains(tag)) {
            throw new InvalidInputException("translations/" + tag, 0, 0, "",
                    "no translations for language '" + tag + "'; available: " + String.join(", ", tags())
                            + ". To add one, create translations/" + tag + "/" + MESSAGES + " and " + LEXICON);
        }
        ULocale locale = ULocale.forLanguageTag(tag);
        ResourceSet.Resource messagesFile = require(tag, MESSAGES);
        Map<String, String> messages = new LinkedHashMap<>();
        MappingNode root = parse(messagesFile);
        flatten(messagesFile.displayName(), "", root, messages);
        for (var entry : messages.entrySet()) {
            checkPattern(messagesFile.displayName(), root, entry.getKey(), entry.getValue(), locale);
        }
        ResourceSet.Resource lexiconFile = require(tag, LEXICON);
        return new Catalog(tag, locale, messagesFile.displayName(), messages, lexicon(lexiconFile, locale));
    }

    private ResourceSet.Resource require(String tag, String name) {
        return files.find(tag + "/" + name).orElseThrow(() -> new InvalidInputException(
                "translations/" + tag + "/" + name, 0, 0, "", "file missing; every language needs " + MESSAGES + " and " + LEXICON));
    }

    private static MappingNode parse(ResourceSet.Resource file) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setCodePointLimit(4 << 20);
        Node node;
        try {
            node = new Yaml(options).compose(new java.io.StringReader(file.text()));
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new InvalidInputException(file.displayName(), mark == null ? 0 : mark.getLine() + 1,
                    mark == null ? 0 : mark.getColumn() + 1, "", e.getProblem());
        } catch (RuntimeException e) {
            throw new InvalidInputException(file.displayName(), 0, 0, "", "not valid YAML: " + e.getMessage());
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new InvalidInputException(file.displayName(), 1, 1, "", "expected a mapping of keys to text");
        }
        return mapping;
    }

    private static void flatten(String file, String prefix, MappingNode node, Map<String, String> into) {
        for (NodeTuple tuple : node.getValue()) {
            String key = prefix + scalar(file, tuple.getKeyNode(), prefix);
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(file, key + ".", nested, into);
            } else if (value instanceof ScalarNode text) {
                into.put(key, text.getValue());
            } else {
                throw error(file, value, key, "expected text or a nested mapping");
            }
        }
    }

    private static void checkPattern(String file, MappingNode root, String key, String pattern, ULocale locale) {
        try {
            new MessageFormat(pattern, locale);
        } catch (IllegalArgumentException e) {
            throw error(file, find(root, key), key, "not a valid ICU MessageFormat pattern: " + e.getMessage());
        }
    }

    private static Node find(MappingNode root, String dottedKey) {
        Node node = root;
        String remaining = dottedKey;
        outer:
        while (node instanceof MappingNode mapping && !remaining.isEmpty()) {
            for (NodeTuple tuple : mapping.getValue()) {
                String name = ((ScalarNode) tuple.getKeyNode()).getValue();
                if (remaining.equals(name)) {
                    return tuple.getValueNode();
                }
                if (remaining.startsWith(name + ".")) {
                    node = tuple.getValueNode();
                    remaining = remaining.substring(name.length() + 1);
                    continue outer;
                }
            }
            break;
        }
        return node;
    }

    private static Lexicon lexicon(ResourceSet.Resource file, ULocale locale) {
        String name = file.displayName();
        MappingNode root = parse(file);
        List<String> required = new ArrayList<>();
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        Map<String, String> compositions = new LinkedHashMap<>();
        for (NodeTuple section : root.getValue()) {
            String sectionName = scalar(name, section.getKeyNode(), "");
            switch (sectionName) {
                case "required" -> {
                    if (!(section.getValueNode() instanceof SequenceNode list)) {
                        throw error(name, section.getValueNode(), "required", "expected a list of form names, e.g. [nom, gen]");
                    }
                    list.getValue().forEach(form -> required.add(scalar(name, form, "required")));
                }
                case "compose" -> {
                    MappingNode mapping = mapping(name, section.getValueNode(), "compose");
                    for (NodeTuple composition : mapping.getValue()) {
                        String form = scalar(name, composition.getKeyNode(), "compose");
                        String pattern = scalar(name, composition.getValueNode(), "compose." + form);
                        checkPatternText(name, composition.getValueNode(), "compose." + form, pattern.replace("CASE", "nom"), locale);
                        compositions.put(form, pattern);
                    }
                }
                case "entries" -> {
                    MappingNode mapping = mapping(name, section.getValueNode(), "entries");
                    for (NodeTuple entry : mapping.getValue()) {
                        String id = scalar(name, entry.getKeyNode(), "entries");
                        Map<String, String> forms = new LinkedHashMap<>();
                        for (NodeTuple form : mapping(name, entry.getValueNode(), "entries." + id).getValue()) {
                            String formName = scalar(name, form.getKeyNode(), "entries." + id);
                            forms.put(formName, scalar(name, form.getValueNode(), "entries." + id + "." + formName));
                        }
                        for (String needed : required) {
                            if (!forms.containsKey(needed)) {
                                throw error(name, entry.getValueNode(), "entries." + id,
                                        "form '" + needed + "' is missing; this language requires " + String.join(", ", required));
                            }
                        }
                        entries.put(id, Map.copyOf(forms));
                    }
                }
                default -> throw error(name, section.getKeyNode(), sectionName,
                        "unknown section; a lexicon has 'required', 'compose' and 'entries'");
            }
        }
        return new Lexicon(name, required, entries, compositions);
    }

    private static void checkPatternText(String file, Node node, String key, String pattern, ULocale locale) {
        try {
            new MessageFormat(pattern, locale);
        } catch (IllegalArgumentException e) {
            throw error(file, node, key, "not a valid ICU MessageFormat pattern: " + e.getMessage());
        }
    }

    private static MappingNode mapping(String file, Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(file, node, path, "expected a mapping");
    }

    private static String scalar(String file, Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(file, node, path, "expected text");
    }

    private static InvalidInputException error(String file, Node node, String path, String problem) {
        return new InvalidInputException(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path, problem);
    }
}
