package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A small valid story as YAML text, for tests that change one field and check what the
 * loader makes of it. Its lines, for the positions tests expect:
 * <pre>
 *  1 id            6 sources[0]      11 event          16.. whatever {@link #with} appends
 *  2 kind          7 entities        12 event.kind
 *  3 timeZone      8 armenia         13 event.date
 *  4 published     9 azerbaijan      14 event.city
 *  5 sources      10 london          15 event.parties
 * </pre>
 */
final class StoryYaml {
    static final String FILE = "story.yaml";
    static final String BASE = """
            id: test-story
            kind: agreement
            timeZone: UTC
            published: 2025-08-08
            sources:
              - { title: Source, language: en }
            entities:
              armenia: { kind: country }
              azerbaijan: { kind: country }
              london: { kind: city }
            event:
              kind: summit
              date: 2025-08-08
              city: london
              parties: [armenia, azerbaijan]
            """;

    /** Thread-safe and reusable; one for all tests, as building it takes longer than loading a story. */
    private static final StoryLoader LOADER = new StoryLoader();

    private StoryYaml() { }

    /** The base story with {@code yaml} appended from line 16. */
    static String with(String yaml) {
        return BASE + yaml;
    }

    /** The base story with one piece of text replaced (which must be there). */
    static String replacing(String old, String replacement) {
        assertThat(BASE).contains(old);
        return BASE.replace(old, replacement);
    }

    static Story load(String yaml) {
        return LOADER.load(FILE, yaml);
    }

    /** The one-line message the loader gives for {@code yaml}, which must be rejected as bad input. */
    static String problem(String yaml) {
        InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> load(yaml));
        assertThat(e).as("the story should be rejected as bad input").isNotNull();
        return e.getMessage();
    }
}
