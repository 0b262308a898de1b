package dev.newsbrief.i18n;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.SafeYaml;
import dev.newsbrief.resource.ResourceSet;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Translation coverage of the shared messages, per language, against the source language
 * ({@value PseudoLocale#SOURCE}): which keys are present, missing, unused ({@link CoverageUsage})
 * and stale. Stale needs to know what English a translation was made from: each language may
 * keep {@code translations/<tag>/}{@value #LOCK}, mapping a key to a short SHA-256 of the English
 * text it was last translated (or reviewed) from, written by {@code newsbrief translations
 * --accept <tag>} ({@link #lock}). A translation whose English has changed since is stale; a key
 * with no record is unreviewed (not known to be stale). Sorted, deterministic; immutable.
 *
 * @param languages one row per language, the source first, then by tag
 * @param usage     what counts as used
 */
public record Coverage(List<Language> languages, CoverageUsage usage) {
    /** The file, next to a language's messages, recording the English each translation was made from. */
    public static final String LOCK = "source.lock.yaml";
    /** Hex digits of SHA-256 kept per key: 48 bits, enough to tell one English text from its next version. */
    private static final int HASH_DIGITS = 12;

    /**
     * One language's coverage; keys sorted. For the source language {@code missing},
     * {@code stale} and {@code unreviewed} are empty.
     */
    public record Language(String tag, SortedSet<String> present, SortedSet<String> missing, SortedSet<String> unused,
                           SortedSet<String> stale, SortedSet<String> unreviewed) {
        public Language {
            present = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(present));
            missing = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(missing));
            unused = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(unused));
            stale = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(stale));
            unreviewed = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(unreviewed));
        }

        public boolean isSource() {
            return tag.equals(PseudoLocale.SOURCE);
        }
    }

    public Coverage {
        languages = List.copyOf(languages);
        Objects.requireNonNull(usage, "The parameter 'usage' must not be null");
    }

    /** Coverage of every language of {@code files} (the translations, embedded and override merged). */
    public static Coverage of(ResourceSet files, CoverageUsage usage) {
        Translations translations = new Translations(files);
        Map<String, String> source = translations.catalog(PseudoLocale.SOURCE).messages();
        List<Language> rows = new ArrayList<>();
        List<String> tags = new ArrayList<>(translations.tags());
        tags.remove(PseudoLocale.SOURCE);
        tags.add(0, PseudoLocale.SOURCE);
        for (String tag : tags) {
            Map<String, String> messages = translations.catalog(tag).messages();
            SortedSet<String> present = new TreeSet<>(messages.keySet());
            SortedSet<String> unused = new TreeSet<>();
            present.stream().filter(key -> !usage.uses(key)).forEach(unused::add);
            SortedSet<String> missing = new TreeSet<>();
            SortedSet<String> stale = new TreeSet<>();
            SortedSet<String> unreviewed = new TreeSet<>();
            if (!tag.equals(PseudoLocale.SOURCE)) {
                source.keySet().stream().filter(key -> !messages.containsKey(key)).forEach(missing::add);
                Map<String, String> lock = readLock(files, tag);
                for (String key : present) {
                    String english = source.get(key);
                    if (english == null) {
                        continue;
                    }
                    String recorded = lock.get(key);
                    if (recorded == null) {
                        unreviewed.add(key);
                    } else if (!recorded.equals(hash(english))) {
                        stale.add(key);
                    }
                }
            }
            rows.add(new Language(tag, present, missing, unused, stale, unreviewed));
        }
        return new Coverage(rows, usage);
    }

    /** The row of {@code tag}, if that language exists. */
    public java.util.Optional<Language> language(String tag) {
        return languages.stream().filter(row -> row.tag().equals(tag)).findFirst();
    }

    /** A short SHA-256 of an English message, as the lock file records it. */
    public static String hash(String english) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(english.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_DIGITS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * The lock file recording that every key {@code tag} now has was translated from today's
     * English: the text of {@code <tag>/}{@value #LOCK}, keys sorted (so a diff shows what changed).
     */
    public static String lock(ResourceSet files, String tag) {
        Translations translations = new Translations(files);
        if (tag.equals(PseudoLocale.SOURCE)) {
            throw new InvalidInputException("--accept", 0, 0, "", "'" + tag + "' is the source language; accept a translation of it");
        }
        Map<String, String> source = translations.catalog(PseudoLocale.SOURCE).messages();
        Map<String, String> messages = translations.catalog(tag).messages();
        StringBuilder out = new StringBuilder();
        out.append("# The English (").append(PseudoLocale.SOURCE).append(") each ").append(tag)
                .append(" message was translated from: key -> first ").append(HASH_DIGITS)
                .append(" hex digits of the SHA-256 of that English text.\n")
                .append("# Written by `newsbrief translations --accept ").append(tag)
                .append("`; a key whose English has changed since shows as stale. Do not edit by hand.\n");
        for (String key : new TreeSet<>(messages.keySet())) {
            String english = source.get(key);
            if (english != null) {
                out.append('"').append(key).append("\": \"").append(hash(english)).append("\"\n");
            }
        }
        return out.toString();
    }

    /** The lock of {@code tag}: key → hash; empty when it has none. The user's file replaces the embedded one whole. */
    static Map<String, String> readLock(ResourceSet files, String tag) {
        Map<String, String> lock = new TreeMap<>();
        List<ResourceSet.Resource> layers = files.layers(tag + "/" + LOCK);
        if (layers.isEmpty()) {
            return lock;
        }
        ResourceSet.Resource top = layers.get(layers.size() - 1);
        Node root = SafeYaml.compose(top.displayName(), top.text(), files.limits());
        if (root == null) {
            return lock;
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new InvalidInputException(top.displayName(), 1, 1, "", "expected a mapping of message keys to hashes; "
                    + "rewrite it with `newsbrief translations --accept " + tag + "`");
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = Translations.scalar(top.displayName(), tuple.getKeyNode(), "");
            if (!(tuple.getValueNode() instanceof ScalarNode value)) {
                throw Translations.error(top.displayName(), tuple.getValueNode(), key, "expected a hash; "
                        + "rewrite the file with `newsbrief translations --accept " + tag + "`");
            }
            lock.put(key, value.getValue());
        }
        return lock;
    }

    /** The coverage as an aligned table, then the keys behind each non-zero count. */
    public String table() {
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"language", "present", "missing", "unused", "stale", "unreviewed"});
        for (Language row : languages) {
            cells.add(new String[] {row.isSource() ? row.tag() + " (source)" : row.tag(),
                Integer.toString(row.present().size()),
                row.isSource() ? "-" : Integer.toString(row.missing().size()),
                Integer.toString(row.unused().size()),
                row.isSource() ? "-" : Integer.toString(row.stale().size()),
                row.isSource() ? "-" : Integer.toString(row.unreviewed().size())});
        }
        int[] widths = new int[cells.get(0).length];
        cells.forEach(line -> {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        });
        StringBuilder out = new StringBuilder();
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                String pad = " ".repeat(widths[i] - line[i].length());
                // The language left-aligned, the counts right-aligned so digits line up.
                text.append(i == 0 ? line[i] + pad : "  " + pad + line[i]);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        for (Language row : languages) {
            list(out, row.tag(), "missing", row.missing());
            list(out, row.tag(), "stale", row.stale());
            list(out, row.tag(), "unused", row.unused());
        }
        return out.toString();
    }

    private static void list(StringBuilder out, String tag, String what, SortedSet<String> keys) {
        if (!keys.isEmpty()) {
            out.append('\n').append(tag).append(' ').append(what).append(" (").append(keys.size()).append("):");
            keys.forEach(key -> out.append("\n  ").append(key));
            out.append('\n');
        }
    }

    /** The coverage as JSON: {@code {"source":"en","languages":[{"tag":…,"present":n,"missing":[keys]…}]}}. */
    public String json() {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = mapper.createObjectNode();
        root.put("source", PseudoLocale.SOURCE);
        var list = root.putArray("languages");
        for (Language row : languages) {
            var node = list.addObject();
            node.put("tag", row.tag());
            node.put("present", row.present().size());
            row.missing().forEach(node.putArray("missing")::add);
            row.unused().forEach(node.putArray("unused")::add);
            row.stale().forEach(node.putArray("stale")::add);
            row.unreviewed().forEach(node.putArray("unreviewed")::add);
        }
        try {
            return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
