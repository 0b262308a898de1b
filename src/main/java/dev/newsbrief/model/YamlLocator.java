package dev.newsbrief.model;

import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Maps a field path such as {@code benefits[0].claims[2].args.partners[1]} to the line
 * and column where its value starts in a YAML text, so that checks made after binding
 * can still point the user at the right place.
 */
public final class YamlLocator {
    /** A position in a file; 1-based. */
    public record Position(int line, int column) {
        static final Position UNKNOWN = new Position(0, 0);
    }

    private final String yaml;
    private final LoaderOptions options;
    private Map<String, Position> positions;

    private YamlLocator(String yaml, LoaderOptions options) {
        this.yaml = yaml;
        this.options = options;
    }

    /**
     * A locator for {@code yaml}. The text is parsed for positions only when one is first
     * asked for, that is only when there is an error to report: valid stories are parsed once.
     */
    public static YamlLocator of(String yaml, LoaderOptions options) {
        return new YamlLocator(yaml, options);
    }

    private synchronized Map<String, Position> positions() {
        if (positions == null) {
            positions = new HashMap<>();
            try {
                Node root = new Yaml(options).compose(new java.io.StringReader(yaml));
                if (root != null) {
                    index("", root, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
                }
            } catch (RuntimeException parseError) {
                // Jackson reports syntax errors with their own position; nothing to index.
            }
        }
        return positions;
    }

    /** {@code enclosing}: the nodes being indexed above this one; a recursive alias must not recurse forever. */
    private void index(String path, Node node, java.util.Set<Node> enclosing) {
        positions.put(path, new Position(node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1));
        if (!enclosing.add(node)) {
            return;
        }
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    index(path.isEmpty() ? key.getValue() : path + "." + key.getValue(), tuple.getValueNode(), enclosing);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            for (int i = 0; i < sequence.getValue().size(); i++) {
                index(path + "[" + i + "]", sequence.getValue().get(i), enclosing);
            }
        }
        enclosing.remove(node);
    }

    /** Where {@code path} starts, or where its nearest indexed ancestor starts. */
    public Position find(String path) {
        Map<String, Position> positions = positions();
        String probe = path;
        while (true) {
            Position found = positions.get(probe);
            if (found != null) {
                return found;
            }
            int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
            if (cut <= 0) {
                return positions.getOrDefault("", Position.UNKNOWN);
            }
            probe = probe.substring(0, cut);
        }
    }
}
