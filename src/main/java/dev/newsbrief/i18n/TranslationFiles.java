package dev.newsbrief.i18n;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.SafeYaml;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.events.SequenceStartEvent;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads one translation file ({@code messages.yaml}, {@code lexicon.yaml}, a story's
 * {@code <tag>.yaml}) for {@code newsbrief check}: every problem is collected rather than
 * thrown, and what could be read is kept, so one bad key does not hide the others.
 * {@link Translations} uses the same rules (and throws the first problem) for {@code build}.
 */
public final class TranslationFiles {
    private TranslationFiles() { }

    /**
     * One message as written.
     *
     * @param key     dotted key, e.g. {@code label.sources}
     * @param pattern the ICU MessageFormat pattern
     * @param origin  where the value starts
     * @param start   index in the file's text of the pattern's first character when the value is
     *                written on one line as is (plain or quoted), else -1: to place ICU's errors
     */
    public record Message(String key, String pattern, Origin origin, int start) { }

    /** A messages file: its messages in file order, and what is wrong with it. */
    public record Messages(String file, String text, List<Message> messages, List<InvalidInputException> problems) {
        public Messages {
            messages = List.copyOf(messages);
            problems = List.copyOf(problems);
        }

        /**
         * Where index {@code index} of {@code message}'s pattern is in the file: exact when the
         * value is written on one line without escapes before it, else the start of the value.
         */
        public Origin at(Message message, int index) {
            if (index < 0 || message.start() < 0 || index > message.pattern().length()
                    || !text.regionMatches(message.start(), message.pattern(), 0, index)) {
                return message.origin();
            }
            int position = message.start() + index;
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < position; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new Origin(message.origin().file(), line, text.codePointCount(lineStart, position) + 1);
        }
    }

    /** One lexicon entry: its forms in file order, where it and each form were written. */
    public record Entry(String id, Map<String, String> forms, Origin origin, Map<String, Origin> formOrigins) {
        public Entry {
            forms = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(forms));
            formOrigins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(formOrigins));
        }
    }

    /** A lexicon file (or a story's {@code lexicon:} section): what it holds, and what is wrong with it. */
    public record LexiconFile(String file, List<String> required, Origin requiredOrigin, Map<String, String> compositions,
                              List<Entry> entries, List<InvalidInputException> problems) {
        public LexiconFile {
            required = List.copyOf(required);
            compositions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(compositions));
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }
    }

    /** Reads a shared {@code messages.yaml}. */
    public static Messages messages(String file, String text, Limits limits) {
        List<InvalidInputException> problems = new ArrayList<>(duplicates(file, text));
        List<Message> messages = new ArrayList<>();
        MappingNode root = root(file, text, limits, problems);
        if (root != null) {
            flatten(file, text, "", root, messages, problems);
        }
        return new Messages(file, text, messages, problems);
    }

    /** Reads a story's {@code <tag>.yaml}: its {@code messages:} and its {@code lexicon:}. */
    public static Map.Entry<Messages, LexiconFile> storyWording(String file, String text, Limits limits) {
        List<InvalidInputException> problems = new ArrayList<>(duplicates(file, text));
        List<InvalidInputException> lexiconProblems = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        LexiconFile lexicon = new LexiconFile(file, List.of(), null, Map.of(), List.of(), List.of());
        MappingNode root = root(file, text, limits, problems);
        if (root != null) {
            for (NodeTuple section : root.getValue()) {
                String name = section.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : "";
                if (name.equals("messages") && section.getValueNode() instanceof MappingNode mapping) {
                    flatten(file, text, "", mapping, messages, problems);
                } else if (name.equals("lexicon") && section.getValueNode() instanceof MappingNode mapping) {
                    lexicon = lexicon(file, mapping, lexiconProblems);
                }
                // Other sections are the build's to refuse (Translations.catalog(tag, story)).
            }
        }
        return Map.entry(new Messages(file, text, messages, problems), lexicon);
    }

    /** Reads a shared {@code lexicon.yaml}. */
    public static LexiconFile lexicon(String file, String text, Limits limits) {
        List<InvalidInputException> problems = new ArrayList<>(duplicates(file, text));
        MappingNode root = root(file, text, limits, problems);
        if (root == null) {
            return new LexiconFile(file, List.of(), null, Map.of(), List.of(), problems);
        }
        return lexicon(file, root, problems);
    }

    private static LexiconFile lexicon(String file, MappingNode root, List<InvalidInputException> problems) {
        List<String> required = new ArrayList<>();
        Origin requiredOrigin = null;
        Map<String, String> compositions = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (NodeTuple section : root.getValue()) {
            if (!(section.getKeyNode() instanceof ScalarNode key)) {
                continue;
            }
            Node value = section.getValueNode();
            switch (key.getValue()) {
                case "required" -> {
                    requiredOrigin = origin(file, value);
                    if (value instanceof SequenceNode list) {
                        list.getValue().stream().filter(ScalarNode.class::isInstance)
                                .forEach(item -> required.add(((ScalarNode) item).getValue()));
                    }
                }
                case "compose" -> {
                    if (value instanceof MappingNode mapping) {
                        for (NodeTuple composition : mapping.getValue()) {
                            if (composition.getKeyNode() instanceof ScalarNode name && composition.getValueNode() instanceof ScalarNode pattern) {
                                compositions.put(name.getValue(), pattern.getValue());
                            }
                        }
                    }
                }
                case "entries" -> {
                    if (!(value instanceof MappingNode mapping)) {
                        problems.add(Translations.error(file, value, "entries", "expected a mapping of entry ids to their forms"));
                        continue;
                    }
                    for (NodeTuple entry : mapping.getValue()) {
                        if (!(entry.getKeyNode() instanceof ScalarNode id)) {
                            continue;
                        }
                        if (!(entry.getValueNode() instanceof MappingNode formsNode)) {
                            problems.add(Translations.error(file, entry.getValueNode(), "entries." + id.getValue(),
                                    "expected a mapping of form names to text, e.g. { nom: …, gen: … }"));
                            continue;
                        }
                        Map<String, String> forms = new LinkedHashMap<>();
                        Map<String, Origin> formOrigins = new LinkedHashMap<>();
                        for (NodeTuple form : formsNode.getValue()) {
                            if (form.getKeyNode() instanceof ScalarNode formName && form.getValueNode() instanceof ScalarNode text) {
                                forms.put(formName.getValue(), text.getValue());
                                formOrigins.put(formName.getValue(), origin(file, form.getKeyNode()));
                            } else {
                                problems.add(Translations.error(file, form.getValueNode(), "entries." + id.getValue(), "expected text"));
                            }
                        }
                        entries.add(new Entry(id.getValue(), forms, origin(file, entry.getKeyNode()), formOrigins));
                    }
                }
                default -> {
                    // Unknown sections are refused by the build's reader (Translations), which the check runs too.
                }
            }
        }
        return new LexiconFile(file, required, requiredOrigin, compositions, entries, problems);
    }

    private static MappingNode root(String file, String text, Limits limits, List<InvalidInputException> problems) {
        if (!problems.isEmpty()) {
            // A key written twice is refused by SafeYaml too, in fewer words: read the rest without it.
            text = withoutDuplicates(text);
        }
        Node node;
        try {
            node = SafeYaml.compose(file, text, limits);
        } catch (InvalidInputException e) {
            // A duplicate that could not be set aside is already reported, in more words.
            if (problems.stream().noneMatch(known -> known.line() == e.line() && known.column() == e.column())) {
                problems.add(e);
            }
            return null;
        }
        if (node == null) {
            problems.add(new InvalidInputException(file, 1, 1, "", "the file is empty; expected a mapping of keys to text"));
            return null;
        }
        if (!(node instanceof MappingNode mapping)) {
            problems.add(new InvalidInputException(file, 1, 1, "", "expected a mapping of keys to text"));
            return null;
        }
        return mapping;
    }

    private static void flatten(String file, String text, String prefix, MappingNode node, List<Message> into,
                                List<InvalidInputException> problems) {
        for (NodeTuple tuple : node.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                problems.add(Translations.error(file, tuple.getKeyNode(), prefix, "expected text as a key"));
                continue;
            }
            String key = prefix + keyNode.getValue();
            Node value = tuple.getValueNode();
            if (value instanceof MappingNode nested) {
                flatten(file, text, key + ".", nested, into, problems);
            } else if (value instanceof ScalarNode scalar) {
                into.add(new Message(key, scalar.getValue(), origin(file, value), start(text, scalar)));
            } else {
                problems.add(Translations.error(file, value, key, "expected text or a nested mapping"));
            }
        }
    }

    /** Where a one-line scalar's text starts in the file, or -1 when it is not written as is. */
    private static int start(String text, ScalarNode scalar) {
        if (scalar.getStartMark() == null || scalar.getEndMark() == null
                || scalar.getStartMark().getLine() != scalar.getEndMark().getLine()) {
            return -1;
        }
        int index = scalar.getStartMark().getIndex();
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        if (style == DumperOptions.ScalarStyle.PLAIN) {
            return index;
        }
        if (style == DumperOptions.ScalarStyle.DOUBLE_QUOTED || style == DumperOptions.ScalarStyle.SINGLE_QUOTED) {
            return index + 1;
        }
        return -1;
    }

    private static Origin origin(String file, Node node) {
        return new Origin(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /**
     * Every key written twice in a file, compared as the build reads them: {@code a.b: x} and
     * {@code a: {b: y}} are the same key. Each is reported at its second writing, with the line
     * of the first. A file that is not valid YAML reports what was found before the error (the
     * syntax error itself is {@link SafeYaml}'s to report).
     */
    public static List<InvalidInputException> duplicates(String file, String text) {
        return scan(text).stream().map(twice -> twice.error(file)).toList();
    }

    /**
     * The keys that only the dotted reading makes duplicates ({@code a.b: x} and {@code a: {b: y}}),
     * which YAML itself accepts; a key written twice in one mapping is {@link SafeYaml}'s to refuse.
     */
    public static List<InvalidInputException> dottedDuplicates(String file, String text) {
        return scan(text).stream().filter(twice -> !twice.sameMapping()).map(twice -> twice.error(file)).toList();
    }

    /** A key written a second time; {@code sameMapping} when YAML itself refuses it (not only the dotted reading). */
    private record Twice(int line, int column, String key, int firstLine, boolean sameMapping) {
        InvalidInputException error(String file) {
            String last = key.substring(key.lastIndexOf('.') + 1);
            return new InvalidInputException(file, line, column, key, sameMapping
                    ? "duplicate key '" + last + "'; each key may appear once (first at line " + firstLine + ")"
                    : "written twice (first at line " + firstLine + "), once as a dotted key and once nested; keep one of them");
        }
    }

    private static List<Twice> scan(String text) {
        List<Twice> found = new ArrayList<>();
        Deque<Frame> open = new ArrayDeque<>();
        try {
            for (Event event : new Yaml().parse(new StringReader(text))) {
                Frame parent = open.peek();
                if (event instanceof MappingStartEvent || event instanceof SequenceStartEvent) {
                    boolean mapping = event instanceof MappingStartEvent;
                    if (parent != null && parent.mapping && !parent.expectKey) {
                        // Under a key written twice, the keys are the duplicate's: reported once, as that key.
                        boolean shared = mapping && !parent.duplicateKey;
                        open.push(new Frame(mapping, parent.prefix + parent.key + ".", shared ? parent.leaves : new HashMap<>()));
                    } else {
                        // Inside a list, or at the top: keys start afresh.
                        if (parent != null && parent.mapping) {
                            parent.expectKey = false;
                        }
                        open.push(new Frame(mapping, "", new HashMap<>()));
                    }
                } else if (event instanceof CollectionEndEvent) {
                    open.pop();
                    Frame outer = open.peek();
                    if (outer != null && outer.mapping) {
                        outer.expectKey = true;
                    }
                } else if (parent != null && parent.mapping && (event instanceof ScalarEvent || event instanceof AliasEvent)) {
                    int line = event.getStartMark().getLine() + 1;
                    int column = event.getStartMark().getColumn() + 1;
                    if (parent.expectKey) {
                        parent.key = event instanceof ScalarEvent scalar ? scalar.getValue() : "*";
                        parent.keyLine = line;
                        parent.keyColumn = column;
                        Integer first = parent.ownKeys.putIfAbsent(parent.key, line);
                        parent.duplicateKey = first != null;
                        if (first != null) {
                            found.add(new Twice(line, column, parent.prefix + parent.key, first, true));
                        }
                        parent.expectKey = false;
                    } else {
                        String path = parent.prefix + parent.key;
                        Integer first = parent.leaves.putIfAbsent(path, parent.keyLine);
                        if (first != null && !parent.duplicateKey) {
                            found.add(new Twice(parent.keyLine, parent.keyColumn, path, first, false));
                        }
                        parent.expectKey = true;
                    }
                }
            }
        } catch (YAMLException e) {
            // Reported by SafeYaml with its position.
        }
        return found;
    }

    /**
     * The text with each later writing of a key that is written twice in the same mapping
     * turned into a comment, so the rest of the file can still be read and checked.
     */
    private static String withoutDuplicates(String text) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (Twice duplicate : scan(text)) {
            if (!duplicate.sameMapping()) {
                continue;
            }
            int index = duplicate.line() - 1;
            String line = lines.get(index);
            int indent = duplicate.column() - 1;
            if (line.strip().isEmpty() || indent > line.length() || !line.substring(0, indent).isBlank()) {
                continue;
            }
            // Only a key that starts its line (block style) can be commented out with its value.
            lines.set(index, line.substring(0, indent) + "#" + line.substring(indent));
            for (int next = index + 1; next < lines.size(); next++) {
                String following = lines.get(next);
                int ownIndent = following.length() - following.stripLeading().length();
                if (!following.isBlank() && ownIndent <= indent) {
                    break;
                }
                if (!following.isBlank()) {
                    lines.set(next, following.substring(0, indent) + "#" + following.substring(indent));
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** An open mapping or list while looking for keys written twice. */
    private static final class Frame {
        final boolean mapping;
        final String prefix;
        /** Dotted key → line, shared by nested mappings: {@code a.b} and {@code a: {b}} meet here. */
        final Map<String, Integer> leaves;
        final Map<String, Integer> ownKeys = new HashMap<>();
        boolean expectKey = true;
        boolean duplicateKey;
        String key = "";
        int keyLine;
        int keyColumn;

        Frame(boolean mapping, String prefix, Map<String, Integer> leaves) {
            this.mapping = mapping;
            this.prefix = prefix;
            this.leaves = leaves;
        }
    }
}
