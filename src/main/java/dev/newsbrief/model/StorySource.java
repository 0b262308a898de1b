package dev.newsbrief.model;

/**
 * A loaded story with the file it came from, so that checks made later (against the
 * translations, say) can still report file, line and field.
 */
public record StorySource(Story story, String file, YamlLocator locator) {

    /** An error about the field at {@code path} of this story. */
    public InvalidInputException error(String path, String problem) {
        YamlLocator.Position position = locator.find(path);
        return new InvalidInputException(file, position.line(), position.column(), path, problem);
    }
}
