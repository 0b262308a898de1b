package dev.newsbrief.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.LanguageTags;
import dev.newsbrief.model.SafeYaml;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.ConcurrentHashMap;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The languages under {@code translations/}: one directory per BCP 47 tag holding
 * {@code messages.yaml} and {@code lexicon.yaml}. A language is available when its
 * directory exists, embedded or in the override directory; adding a language is adding
 * such a directory. An override file is merged over the embedded one key by key (messages)
 * and entry by entry, form by form (lexicon), so it need only hold what it changes.
 * A story bundle's {@code <tag>.yaml} ({@code messages:} and {@code lexicon:}) is merged
 * the same way over the shared catalog ({@link #catalog(String, StorySource)}).
 * Catalogs are parsed once and cached; thread-safe.
 */
public final class Translations {
    public static final String MESSAGES = "messages.yaml";
    public static final String LEXICON = "lexicon.yaml";
    /** Optional: the language's line-breaking rules ({@link Typography}). */
    public static final String TYPOGRAPHY = Typography.FILE;

    private final ResourceSet files;
    private final Limits limits;
    private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();
    private final Map<String, Typography> typographies = new ConcurrentHashMap<>();
    private volatile SortedSet<String> tags;

    public Translations(ResourceSet files) {
        this(files, files.limits());
    }

    /** Translations whose YAML files are parsed within {@code limits} (aliases, depth, size). */
    public Translations(ResourceSet files, Limits limits) {
        this.files = files;
        this.limits = java.util.Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
    }

    /**
     * The tags of every language that has translations, sorted. Each folder name must be a
     * language tag ({@link LanguageTags}): it becomes an output folder and a {@code lang} attribute.
     */
    public SortedSet<String> tags() {
        SortedSet<String> known = tags;
        if (known == null) {
            SortedSet<String> found = files.directories("");
            for (String tag : found) {
                LanguageTags.check(tag, files.overrideDirectory()
                        .filter(dir -> java.nio.file.Files.isDirectory(dir.resolve(tag)))
                        .map(dir -> dir.resolve(tag).toString())
                        .orElse("translations/" + tag));
            }
            known = java.util.Collections.unmodifiableSortedSet(found);
            tags = known;
        }
        return known;
    }

    /** The shared catalog of {@code tag}; fails with file and line if its files are malformed. */
    public Catalog catalog(String tag) {
        if (PseudoLocale.is(tag)) {
            // Made from en, not read: en-XA has no directory and is not among tags(), so no build makes it unasked.
            Catalog source = catalog(PseudoLocale.SOURCE);
            return catalogs.computeIfAbsent(PseudoLocale.TAG, t -> PseudoLocale.catalog(source));
        }
        return catalogs.computeIfAbsent(tag, this::load);
    }

    /**
     * The catalog of {@code tag} for one story: the shared one with the story bundle's
     * wording for that language merged over it, or the shared one if the story has none.
     */
    public Catalog catalog(String tag, StorySource story) {
        if (PseudoLocale.is(tag)) {
            return PseudoLocale.catalog(catalog(PseudoLocale.SOURCE, story));
        }
        Catalog shared = catalog(tag);
        StorySource.Text wording = story.wording().get(tag);
        if (wording == null) {
            return shared;
        }
        MappingNode root = parse(wording.displayName(), wording.content(), limits);
        Map<String, String> messages = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Lexicon lexicon = new Lexicon(wording.displayName(), List.of(), Map.of(), Map.of(), Map.of(), List.of());
        Map<String, MessageFormat> compiled = Map.of();
        for (NodeTuple section : root.getValue()) {
            String name = scalar(wording.displayName(), section.getKeyNode(), "");
            switch (name) {
                case "messages" -> {
                    flatten(wording.displayName(), "", mapping(wording.displayName(), section.getValueNode(), "messages"), messages, origins);
                    compiled = checkPatterns(wording.displayName(), messages, origins, shared.locale());
                }
                case "lexicon" -> lexicon = lexicon(wording.displayName(),
                        mapping(wording.displayName(), section.getValueNode(), "lexicon"), shared.locale(), shared.lexicon());
                default -> throw error(wording.displayName(), section.getKeyNode(), name,
                        "unknown section; a story's language file has 'messages' and 'lexicon'");
            }
        }
        return shared.withStoryWording(messages, origins, lexicon, compiled);
    }

    /**
     * The line-breaking rules of the language {@code tag} (matched without regard to case, and
     * by its primary subtag when the whole tag has no translations: {@code en-US} → {@code en}),
     * read from {@code <tag>/typography.yaml}; none when the language or its file does not exist.
     * An override file replaces the embedded one whole (rules are a list, not keys to merge), so
     * {@code rules: []} turns them off. Parsed once and cached.
     *
     * @throws InvalidInputException with file, line and column when the file is malformed
     */
    public Typography typography(String tag) {
        String known = knownTag(tag);
        if (known == null) {
            return Typography.none(tag);
        }
        return typographies.computeIfAbsent(known, this::loadTypography);
    }

    private String knownTag(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String primary = tag.split("[-_]", 2)[0];
        for (String candidate : List.of(tag, primary)) {
            for (String available : tags()) {
                if (available.equalsIgnoreCase(candidate)) {
                    return available;
                }
            }
        }
        return null;
    }

    private Typography loadTypography(String tag) {
        List<ResourceSet.Resource> layers = files.layers(tag + "/" + TYPOGRAPHY);
        if (layers.isEmpty()) {
            return Typography.none(tag);
        }
        ResourceSet.Resource top = layers.get(layers.size() - 1);
        return Typography.parse(tag, top.displayName(), top.text(), ULocale.forLanguageTag(tag), limits);
    }

    /** Whether {@code tag} can be built: a language of {@link #tags()}, or the pseudo-locale {@value PseudoLocale#TAG}. */
    public boolean has(String tag) {
        return tags().contains(tag) || PseudoLocale.is(tag);
    }

    /** Checks that every language file of a story bundle is for a language that exists. */
    public void checkBundleLanguages(StorySource story) {
        for (var entry : story.wording().entrySet()) {
            if (!tags().contains(entry.getKey())) {
                throw new InvalidInputException(entry.getValue().displayName(), 0, 0, "",
                        "no language '" + entry.getKey() + "' under translations/ (available: " + String.join(", ", tags())
                                + "); name the file after one of them, or add that language's translations");
            }
        }
    }

    private Catalog load(String tag) {
        if (!tags().contains(tag)) {
            throw new InvalidInputException("translations/" + tag, 0, 0, "",
                    "no translations for language '" + tag + "'; available: " + String.join(", ", tags())
                            + ". To add one, create translations/" + tag + "/" + MESSAGES + " and " + LEXICON);
        }
        ULocale locale = ULocale.forLanguageTag(tag);
        List<ResourceSet.Resource> messageLayers = require(tag, MESSAGES);
        Map<String, String> messages = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Map<String, MessageFormat> compiled = new java.util.HashMap<>();
        for (ResourceSet.Resource layer : messageLayers) {
            Map<String, String> layerMessages = new LinkedHashMap<>();
            Map<String, Origin> layerOrigins = new LinkedHashMap<>();
            flatten(layer.displayName(), "", parse(layer.displayName(), layer.text(), limits), layerMessages, layerOrigins);
            compiled.putAll(checkPatterns(layer.displayName(), layerMessages, layerOrigins, locale));
            messages.putAll(layerMessages);
            origins.putAll(layerOrigins);
        }
        Lexicon lexicon = null;
        for (ResourceSet.Resource layer : require(tag, LEXICON)) {
            MappingNode root = parse(layer.displayName(), layer.text(), limits);
            Lexicon parsed = lexicon(layer.displayName(), root, locale, lexicon);
            lexicon = lexicon == null ? parsed : lexicon.merge(parsed);
        }
        // Rules are checked with the catalogue, so a bad typography file fails before anything renders.
        typography(tag);
        return new Catalog(tag, locale, messageLayers.get(messageLayers.size() - 1).displayName(), messages, origins, lexicon)
                .withCompiled(compiled).withTypography(this::typography);
    }

    private List<ResourceSet.Resource> require(String tag, String name) {
        List<ResourceSet.Resource> layers = files.layers(tag + "/" + name);
        if (layers.isEmpty()) {
            throw new InvalidInputException("translations/" + tag + "/" + name, 0, 0, "",
                    "file missing; every language needs " + MESSAGES + " and " + LEXICON);
        }
        return layers;
    }

    private static MappingNode parse(String file, String text, Limits limits) {
        // A key written as `a.b` and again as `a: {b}`, which YAML alone accepts: refused with both lines.
        List<InvalidInputException> twice = TranslationFiles.dottedDuplicates(file, text);
        if (!twice.isEmpty()) {
            throw twice.get(0);
        }
        // Recursive aliases, alias bombs, deep nesting and duplicate keys are refused here, with positions.
        Node node = SafeYaml.compose(file, text, limits);
        if (node == null) {
            throw new InvalidInputException(file, 1, 1, "", "the file is empty; expected a mapping of keys to text");
        }
        if (!(node instanceof MappingNode mapping)) {
            throw new InvalidInputException(file, 1, 1, "", "expected a mapping of keys to text");
        }
        return mapping;
    }

    private static void flatten(String file, String prefix, MappingNode node, Map<String, String> into, Map<String, Origin> origins) {
        for (NodeTuple tuple : node.getValue()) {
            String key = prefix + scalar(file, tuple.getKeyNode(), prefix);
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(file, key + ".", nested, into, origins);
            } else if (value instanceof ScalarNode text) {
                into.put(key, text.getValue());
                origins.put(key, origin(file, value));
            } else {
                throw error(file, value, key, "expected text or a nested mapping");
            }
        }
    }

    /** Compiles every pattern, failing at the first that is not ICU MessageFormat; the compiled ones are kept for rendering. */
    private static Map<String, MessageFormat> checkPatterns(String file, Map<String, String> messages, Map<String, Origin> origins,
                                                            ULocale locale) {
        Map<String, MessageFormat> compiled = new java.util.HashMap<>();
        messages.forEach((key, pattern) -> {
            try {
                compiled.put(key, new MessageFormat(pattern, locale));
            } catch (IllegalArgumentException e) {
                throw origins.get(key).error(key, "not a valid ICU MessageFormat pattern: " + e.getMessage());
            }
        });
        return compiled;
    }

    private static Origin origin(String file, Node node) {
        return new Origin(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /**
     * Reads a lexicon mapping. {@code below} is the layer it will be merged over (null for
     * the first): a new entry must have every form either layer requires; an entry that
     * exists below may add or change single forms.
     */
    private static Lexicon lexicon(String name, MappingNode root, ULocale locale, Lexicon below) {
        List<String> required = new ArrayList<>();
        List<String> precedence = new ArrayList<>();
        Map<String, Map<String, String>> entries = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Map<String, String> compositions = new LinkedHashMap<>();
        List<NodeTuple> entryNodes = new ArrayList<>();
        for (NodeTuple section : root.getValue()) {
            String sectionName = scalar(name, section.getKeyNode(), "");
            switch (sectionName) {
                case "required" -> required.addAll(list(name, section.getValueNode(), "required", "a list of form names, e.g. [nom, gen]"));
                case "precedence" -> precedence.addAll(list(name, section.getValueNode(), "precedence",
                        "a list of entity ids that lead any list they are in, e.g. [azerbaijan]"));
                case "compose" -> {
                    MappingNode mapping = mapping(name, section.getValueNode(), "compose");
                    for (NodeTuple composition : mapping.getValue()) {
                        String form = scalar(name, composition.getKeyNode(), "compose");
                        String pattern = scalar(name, composition.getValueNode(), "compose." + form);
                        try {
                            new MessageFormat(pattern.replace("CASE", "nom"), locale);
                        } catch (IllegalArgumentException e) {
                            throw error(name, composition.getValueNode(), "compose." + form, "not a valid ICU MessageFormat pattern: " + e.getMessage());
                        }
                        compositions.put(form, pattern);
                    }
                }
                case "entries" -> entryNodes.addAll(mapping(name, section.getValueNode(), "entries").getValue());
                default -> throw error(name, section.getKeyNode(), sectionName,
                        "unknown section; a lexicon has 'required', 'precedence', 'compose' and 'entries'");
            }
        }
        List<String> mustHave = new ArrayList<>(below == null ? List.of() : below.required());
        required.stream().filter(form -> !mustHave.contains(form)).forEach(mustHave::add);
        for (NodeTuple entry : entryNodes) {
            String id = scalar(name, entry.getKeyNode(), "entries");
            Map<String, String> forms = new LinkedHashMap<>();
            for (NodeTuple form : mapping(name, entry.getValueNode(), "entries." + id).getValue()) {
                String formName = scalar(name, form.getKeyNode(), "entries." + id);
                forms.put(formName, scalar(name, form.getValueNode(), "entries." + id + "." + formName));
            }
            Map<String, String> combined = new LinkedHashMap<>(below == null ? Map.of() : below.entries().getOrDefault(id, Map.of()));
            combined.putAll(forms);
            for (String needed : mustHave) {
                if (!combined.containsKey(needed)) {
                    throw error(name, entry.getValueNode(), "entries." + id,
                            "form '" + needed + "' is missing; every entry of this language needs " + String.join(", ", mustHave));
                }
            }
            entries.put(id, Map.copyOf(forms));
            origins.put(id, origin(name, entry.getKeyNode()));
        }
        return new Lexicon(name, required, entries, origins, compositions, precedence);
    }

    private static List<String> list(String file, Node node, String path, String expected) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(file, node, path, "expected " + expected);
        }
        List<String> items = new ArrayList<>();
        sequence.getValue().forEach(item -> items.add(scalar(file, item, path)));
        return items;
    }

    private static MappingNode mapping(String file, Node node, String path) {
        if (node instanceof MappingNode mapping) {
            return mapping;
        }
        throw error(file, node, path, "expected a mapping");
    }

    /** The text of a scalar node, else an error at it (shared with {@link Typography}). */
    static String scalar(String file, Node node, String path) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        throw error(file, node, path, "expected text");
    }

    /** An input error at {@code node}'s line and column (shared with {@link Typography}). */
    static InvalidInputException error(String file, Node node, String path, String problem) {
        return new InvalidInputException(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, path, problem);
    }
}
