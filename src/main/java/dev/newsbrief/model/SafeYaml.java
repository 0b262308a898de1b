package dev.newsbrief.model;

import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.MappingStartEvent;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.nodes.Node;

/**
 * The one way newsbrief parses a user's YAML: stories, translations, story wording and
 * {@code fonts.yaml}. Before anything is built from a text, its events are checked against
 * the {@link Limits}: nesting depth, aliases to collections, aliases that contain themselves
 * (which would send every walk of the tree into endless recursion) and the size the aliases
 * expand the document to (a "billion laughs"). Every problem is an {@link InvalidInputException}
 * with the file, line and column.
 */
public final class SafeYaml {
    private SafeYaml() { }

    /** SnakeYAML's own guards, from the limits; {@link #checkShape} reports the same limits first, with positions. */
    public static LoaderOptions options(Limits limits) {
        LoaderOptions options = new LoaderOptions();
        // A code point takes at least one UTF-8 byte: a text within input-bytes is within this.
        options.setCodePointLimit((int) Math.min(limits.inputBytes(), Integer.MAX_VALUE));
        options.setMaxAliasesForCollections(limits.yamlAliases());
        options.setNestingDepthLimit(limits.yamlDepth());
        options.setAllowRecursiveKeys(false);
        options.setAllowDuplicateKeys(false);
        return options;
    }

    /**
     * Checks the shape of {@code text} without building it.
     *
     * @throws InvalidInputException for a syntax error, a duplicate key, or a recursive or undefined alias
     * @throws LimitExceededException when the text is longer, deeper or more aliased than {@code limits} allow
     */
    public static void checkShape(String file, String text, Limits limits) {
        if (text.length() > limits.inputBytes()) {
            // Texts that did not come through InputFile (e.g. given by a caller): their length is a lower bound of their bytes.
            throw new LimitExceededException(file, "input-bytes",
                    "the text has " + text.length() + " characters, more than the limit of " + limits.inputBytes() + " bytes");
        }
        Deque<Open> open = new ArrayDeque<>();
        Map<String, Long> anchoredSizes = new HashMap<>();
        Set<String> collectionAnchors = new HashSet<>();
        long expandedLimit = limits.inputBytes();
        int aliases = 0;
        long documentSize = 0;
        try {
            for (Event event : new Yaml(options(limits)).parse(new StringReader(text))) {
                if (event instanceof ScalarEvent || event instanceof AliasEvent || event instanceof CollectionStartEvent) {
                    countChild(file, open.peek(), event);
                }
                if (event instanceof CollectionStartEvent start) {
                    open.push(new Open(start.getAnchor(), start instanceof MappingStartEvent));
                    if (open.size() > limits.yamlDepth()) {
                        throw limit(file, event.getStartMark(), "yaml-depth",
                                "the YAML nests deeper than the limit of " + limits.yamlDepth() + " levels");
                    }
                } else if (event instanceof CollectionEndEvent) {
                    Open closed = open.pop();
                    long size = closed.size + 1;
                    if (closed.anchor != null) {
                        anchoredSizes.put(closed.anchor, size);
                        collectionAnchors.add(closed.anchor);
                    }
                    documentSize = add(file, event, open, size, documentSize, expandedLimit);
                } else if (event instanceof ScalarEvent scalar) {
                    if (scalar.getAnchor() != null) {
                        anchoredSizes.put(scalar.getAnchor(), 1L);
                        collectionAnchors.remove(scalar.getAnchor());
                    }
                    documentSize = add(file, event, open, 1, documentSize, expandedLimit);
                } else if (event instanceof AliasEvent alias) {
                    String anchor = alias.getAnchor();
                    if (open.stream().anyMatch(o -> anchor.equals(o.anchor))) {
                        throw new InvalidInputException(file, line(event.getStartMark()), column(event.getStartMark()), "",
                                "the alias *" + anchor + " is inside the collection &" + anchor
                                        + " it refers to (a recursive alias); write the values out instead");
                    }
                    Long size = anchoredSizes.get(anchor);
                    if (size == null) {
                        throw new InvalidInputException(file, line(event.getStartMark()), column(event.getStartMark()), "",
                                "the alias *" + anchor + " has no anchor &" + anchor + " before it");
                    }
                    if (collectionAnchors.contains(anchor) && ++aliases > limits.yamlAliases()) {
                        throw limit(file, event.getStartMark(), "yaml-aliases",
                                "more aliases to lists and mappings than the limit of " + limits.yamlAliases());
                    }
                    documentSize = add(file, event, open, size, documentSize, expandedLimit);
                }
            }
        } catch (MarkedYAMLException e) {
            throw syntax(file, e);
        } catch (YAMLException e) {
            throw other(file, e);
        }
    }

    /** Counts {@code size} values into the innermost open collection, or the document when none is open. */
    private static long add(String file, Event event, Deque<Open> open, long size, long documentSize, long limit) {
        long document = open.isEmpty() ? documentSize + size : documentSize;
        if (!open.isEmpty()) {
            open.peek().size += size;
        }
        // The open collections' counts are disjoint (each holds only its finished children): their sum is the size so far.
        long total = document;
        for (Open o : open) {
            total += o.size;
        }
        if (total > limit) {
            throw limit(file, event.getStartMark(), "input-bytes",
                    "with its aliases expanded the document has more than " + limit + " values (one per byte of the limit)");
        }
        return document;
    }

    /**
     * Counts a key or value into the open mapping, refusing a key seen before in it. Done on
     * events, not nodes: Jackson (stories) and SnakeYAML's composer (everything else) would
     * otherwise each report duplicates in their own words, or not at all.
     */
    private static void countChild(String file, Open parent, Event event) {
        if (parent == null || !parent.mapping) {
            return;
        }
        if (parent.children++ % 2 == 0 && event instanceof ScalarEvent key && !parent.keys.add(key.getValue())) {
            throw new InvalidInputException(file, line(event.getStartMark()), column(event.getStartMark()), "",
                    "duplicate key '" + key.getValue() + "'; each key may appear once");
        }
    }

    /** A list or mapping whose end has not been read yet. */
    private static final class Open {
        final String anchor;
        final boolean mapping;
        final Set<String> keys = new HashSet<>();
        long children;
        /** Values inside it so far, aliases expanded. */
        long size;

        Open(String anchor, boolean mapping) {
            this.anchor = anchor;
            this.mapping = mapping;
        }
    }

    /**
     * Checks {@code text} ({@link #checkShape}, which also refuses duplicate keys: SnakeYAML checks
     * those only when it constructs objects, not nodes), then composes it into nodes with positions.
     *
     * @return the root node, or null for a text with no document (empty, or only comments)
     */
    public static Node compose(String file, String text, Limits limits) {
        checkShape(file, text, limits);
        Node root;
        try {
            root = new Yaml(options(limits)).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            throw syntax(file, e);
        } catch (YAMLException e) {
            throw other(file, e);
        }
        return root;
    }

    private static InvalidInputException syntax(String file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark();
        String problem = e.getProblem() == null ? "not valid YAML" : e.getProblem();
        if (e.getContext() != null && e.getContextMark() != null) {
            // An unclosed quote or bracket fails at the end of the file: say where it began.
            problem += " (" + e.getContext() + " that starts at " + line(e.getContextMark()) + ":" + column(e.getContextMark()) + ")";
        }
        return new InvalidInputException(file, line(mark), column(mark), "", problem);
    }

    /** SnakeYAML's unmarked errors: its own limits (which {@link #checkShape} reports first) and the like. */
    private static InvalidInputException other(String file, YAMLException e) {
        String message = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        if (message.startsWith("The incoming YAML document exceeds the limit")) {
            return new LimitExceededException(file, "input-bytes", "the text is longer than the limit allows");
        }
        return new InvalidInputException(file, 0, 0, "", "not valid YAML: " + message);
    }

    /**
     * A limit hit at a place in the file. {@link LimitExceededException} carries no position,
     * so the place goes into the problem.
     */
    private static LimitExceededException limit(String file, Mark mark, String limit, String problem) {
        return new LimitExceededException(file, line(mark), column(mark), limit, problem);
    }

    private static int line(Mark mark) {
        return mark == null ? 0 : mark.getLine() + 1;
    }

    private static int column(Mark mark) {
        return mark == null ? 0 : mark.getColumn() + 1;
    }
}
