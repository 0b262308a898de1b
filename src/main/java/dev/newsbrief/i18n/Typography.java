package dev.newsbrief.i18n;

import static dev.newsbrief.i18n.Translations.error;
import static dev.newsbrief.i18n.Translations.scalar;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.SafeYaml;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * The line-breaking rules of one language, read from {@code translations/<tag>/typography.yaml}:
 * where a line must not break (a Russian one-letter preposition and the next word, a number and
 * its unit, the Armenian hyphen in {@code ԱՄՆ-ի}). A language without the file has no rules.
 *
 * <p>The file holds one key, {@code rules}: a list applied in order to each run of text (never
 * to markup). Each rule is one of
 * <ul>
 * <li>{@code keep-with-next: [words]} — the whitespace after any of these words, standing
 *     alone, becomes one no-break space, so the word starts the next line instead of ending this
 *     one. A word written in lower case matches its capitalised form too (в → В).</li>
 * <li>{@code keep-with-previous: [words]} — the whitespace before any of these words (or marks,
 *     such as the em dash) becomes one no-break space.</li>
 * <li>{@code pattern: regex} with {@code replace: text} — a Java regular expression and its
 *     replacement ({@code $1}, {@code ${name}} for groups); for what the two kinds above cannot say.
 *     {@code \s} matches only the ASCII whitespace that HTML collapses, not the no-break space.</li>
 * </ul>
 * Text is seen as written in the markup, except that a character reference ({@code &amp;},
 * {@code &#39;}) is seen as U+FFFC, which no rule may remove. Immutable; thread-safe.
 */
public final class Typography {
    public static final String FILE = "typography.yaml";
    /** What a rule joins words with. */
    public static final String NO_BREAK_SPACE = "\u00A0";

    /** Letters, marks and digits: what a word is made of, for the word boundaries of the list rules. */
    private static final String WORD_CHAR = "[\\p{L}\\p{M}\\p{N}]";
    /** How many characters a rule may look at between two checks for the render deadline. */
    private static final int CHECK_EVERY = 4096;

    /** One rule, compiled: every occurrence of {@code pattern} is replaced by {@code replacement}. */
    public record Rule(Pattern pattern, String replacement, Origin origin) { }

    private final String tag;
    private final String file;
    private final List<Rule> rules;

    private Typography(String tag, String file, List<Rule> rules) {
        this.tag = tag;
        this.file = file;
        this.rules = List.copyOf(rules);
    }

    /** No rules: for a language without a typography file. */
    public static Typography none(String tag) {
        return new Typography(tag, "", List.of());
    }

    public String tag() {
        return tag;
    }

    /** The file the rules come from; empty for {@link #none}. */
    public String file() {
        return file;
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /**
     * {@code text} with every rule applied, in order. A thread interrupted meanwhile (the render
     * deadline) stops with a {@link CancellationException}, even inside a slow regular expression.
     */
    public String apply(String text) {
        String current = text;
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(new Interruptible(current));
            current = matcher.replaceAll(rule.replacement());
        }
        return current;
    }

    /**
     * Reads a typography file.
     *
     * @throws InvalidInputException with file, line and column for anything it cannot use
     */
    public static Typography parse(String tag, String file, String text, ULocale locale, Limits limits) {
        Node root = SafeYaml.compose(file, text, limits);
        if (root == null) {
            return new Typography(tag, file, List.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw error(file, root, "", "expected a mapping with the key 'rules'");
        }
        List<Rule> rules = new ArrayList<>();
        for (NodeTuple section : mapping.getValue()) {
            String name = scalar(file, section.getKeyNode(), "");
            if (!name.equals("rules")) {
                throw error(file, section.getKeyNode(), name, "unknown key; a typography file has only 'rules'");
            }
            if (!(section.getValueNode() instanceof SequenceNode list)) {
                throw error(file, section.getValueNode(), "rules", "expected a list of rules");
            }
            for (int i = 0; i < list.getValue().size(); i++) {
                rules.add(rule(file, list.getValue().get(i), "rules[" + i + "]", locale));
            }
        }
        return new Typography(tag, file, rules);
    }

    private static Rule rule(String file, Node node, String path, ULocale locale) {
        if (!(node instanceof MappingNode mapping) || mapping.getValue().isEmpty()) {
            throw error(file, node, path, "expected a rule: keep-with-next, keep-with-previous, or pattern with replace");
        }
        Node keepWithNext = null;
        Node keepWithPrevious = null;
        Node pattern = null;
        Node replace = null;
        for (NodeTuple tuple : mapping.getValue()) {
            String key = scalar(file, tuple.getKeyNode(), path);
            switch (key) {
                case "keep-with-next" -> keepWithNext = tuple.getValueNode();
                case "keep-with-previous" -> keepWithPrevious = tuple.getValueNode();
                case "pattern" -> pattern = tuple.getValueNode();
                case "replace" -> replace = tuple.getValueNode();
                default -> throw error(file, tuple.getKeyNode(), path + "." + key,
                        "unknown key; a rule has keep-with-next, keep-with-previous, or pattern with replace");
            }
        }
        Origin origin = new Origin(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
        int kinds = (keepWithNext != null ? 1 : 0) + (keepWithPrevious != null ? 1 : 0) + (pattern != null || replace != null ? 1 : 0);
        if (kinds != 1) {
            throw error(file, node, path, "a rule is exactly one of keep-with-next, keep-with-previous, or pattern with replace; write each as its own list item");
        }
        if (keepWithNext != null) {
            List<String> words = words(file, keepWithNext, path + ".keep-with-next", locale);
            // The whitespace after a word that stands alone, when something follows on the same line.
            String regex = "(?<!" + WORD_CHAR + "|[-.])(" + alternatives(words) + ")\\s+(?=\\S)";
            return new Rule(Pattern.compile(regex), "$1" + NO_BREAK_SPACE, origin);
        }
        if (keepWithPrevious != null) {
            List<String> words = words(file, keepWithPrevious, path + ".keep-with-previous", locale);
            List<String> bounded = new ArrayList<>();
            for (String word : words) {
                // A word ending in a letter must end there (км, not кмх); a mark (—, г.) needs no boundary.
                int last = word.codePointBefore(word.length());
                bounded.add(Pattern.quote(word) + (UCharacter.isLetterOrDigit(last) ? "(?!" + WORD_CHAR + ")" : ""));
            }
            String regex = "(?<=\\S)\\s+(?=" + String.join("|", bounded) + ")";
            return new Rule(Pattern.compile(regex), NO_BREAK_SPACE, origin);
        }
        if (pattern == null || replace == null) {
            throw error(file, node, path, "'pattern' and 'replace' go together; give both");
        }
        String regex = scalar(file, pattern, path + ".pattern");
        Pattern compiled;
        try {
            compiled = Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            throw error(file, pattern, path + ".pattern", "not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex() + "; see java.util.regex.Pattern");
        }
        if (compiled.matcher("").matches()) {
            throw error(file, pattern, path + ".pattern", "matches empty text, so it would insert at every position; make it match at least one character");
        }
        String replacement = scalar(file, replace, path + ".replace");
        checkReplacement(file, replace, path + ".replace", compiled, replacement);
        return new Rule(compiled, replacement, origin);
    }

    /** The words of a list rule, each lower-case word with its capitalised form (by the language's own rules: az i → İ). */
    private static List<String> words(String file, Node node, String path, ULocale locale) {
        if (!(node instanceof SequenceNode sequence) || sequence.getValue().isEmpty()) {
            throw error(file, node, path, "expected a list of words, e.g. [в, к, с]");
        }
        Set<String> words = new LinkedHashSet<>();
        for (Node item : sequence.getValue()) {
            String word = scalar(file, item, path);
            if (word.isBlank() || word.codePoints().anyMatch(c -> Character.isWhitespace(c) || c == '<' || c == '&')) {
                throw error(file, item, path, "'" + word + "' is not a word: no spaces, '<' or '&'");
            }
            words.add(word);
            int first = word.codePointAt(0);
            if (UCharacter.isLowerCase(first)) {
                words.add(UCharacter.toUpperCase(locale, new String(Character.toChars(first))) + word.substring(Character.charCount(first)));
            }
        }
        return List.copyOf(words);
    }

    private static String alternatives(List<String> words) {
        // Longest first, so that a word is not cut short by another that begins it.
        return words.stream().sorted((a, b) -> b.length() - a.length()).map(Pattern::quote)
                .reduce((a, b) -> a + "|" + b).orElseThrow();
    }

    /** A replacement may insert text only, and may refer only to groups its pattern has. */
    private static void checkReplacement(String file, Node node, String path, Pattern pattern, String replacement) {
        if (replacement.indexOf('<') >= 0 || replacement.indexOf('&') >= 0) {
            throw error(file, node, path, "rules change text, not markup: no '<' or '&'; write the character itself (e.g. \"\\u00A0\")");
        }
        int groups = pattern.matcher("").groupCount();
        for (int i = 0; i < replacement.length(); i++) {
            char c = replacement.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '$') {
                if (i + 1 < replacement.length() && replacement.charAt(i + 1) == '{') {
                    int end = replacement.indexOf('}', i);
                    String name = end < 0 ? "" : replacement.substring(i + 2, end);
                    if (!pattern.namedGroups().containsKey(name)) {
                        throw error(file, node, path, "refers to the group '${" + name + "}', which the pattern does not name");
                    }
                    i = end;
                } else if (i + 1 < replacement.length() && Character.isDigit(replacement.charAt(i + 1))) {
                    int group = replacement.charAt(i + 1) - '0';
                    if (group > groups) {
                        throw error(file, node, path, "refers to group $" + group + ", but the pattern has " + groups
                                + (groups == 1 ? " group" : " groups"));
                    }
                } else {
                    throw error(file, node, path, "a '$' must name a group ($1, ${name}); write \\$ for a dollar sign");
                }
            }
        }
    }


    /** Text that a regular expression reads, checking now and then whether its thread was told to stop. */
    private static final class Interruptible implements CharSequence {
        private final CharSequence text;
        private int reads;

        Interruptible(CharSequence text) {
            this.text = text;
        }

        @Override
        public char charAt(int index) {
            if (++reads % CHECK_EVERY == 0 && Thread.currentThread().isInterrupted()) {
                throw new CancellationException("typesetting was interrupted");
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new Interruptible(text.subSequence(start, end));
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
