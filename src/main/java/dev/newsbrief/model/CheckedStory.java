package dev.newsbrief.model;

import java.util.List;

/**
 * What {@code newsbrief check} learns from one story file or bundle: every problem found,
 * and the story itself when it could be read (it may still have the problems listed).
 *
 * @param source   the story as read, or {@code null} when it could not be read at all (a YAML
 *                 syntax error, a value of the wrong type, a missing file)
 * @param problems every problem found, in the order found; empty when the story is valid
 */
public record CheckedStory(StorySource source, List<InvalidInputException> problems) {
    public CheckedStory {
        problems = List.copyOf(problems);
    }

    static CheckedStory unreadable(InvalidInputException problem) {
        return new CheckedStory(null, List.of(problem));
    }
}
