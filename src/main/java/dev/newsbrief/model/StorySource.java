package dev.newsbrief.model;

import java.util.Map;

/**
 * A loaded story with the file it came from, so that checks made later (against the
 * translations, say) can still report file, line and field; and, for a story bundle, the
 * story's own wording per language.
 *
 * @param wording BCP 47 tag → the bundle's {@code <tag>.yaml} (messages and lexicon entries
 *                of this story only); empty for a single-file story
 */
public record StorySource(Story story, String file, YamlLocator locator, Map<String, Text> wording) {

    /** A text file as read: the name to report in errors and its content. */
    public record Text(String displayName, String content) { }

    public StorySource {
        wording = Map.copyOf(wording);
    }

    /** An error about the field at {@code path} of this story. */
    public InvalidInputException error(String path, String problem) {
        YamlLocator.Position position = locator.find(path);
        return new InvalidInputException(file, position.line(), position.column(), path, problem);
    }
}
