package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsbrief.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.client.EmbeddedValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every generated page passes the W3C Nu Html Checker (vnu) with zero errors. */
class HtmlValidityTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void defaultBriefIsValidHtml(String tag) throws Exception {
        assertValid(Fixtures.defaultBuild().resolve(tag).resolve(Fixtures.DEFAULT_ID + ".html"));
    }

    /** Every story of the repository, in every language. */
    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void everyRepositoryStoryIsValidHtml(String tag) throws Exception {
        for (var story : Fixtures.allStories()) {
            assertValid(Fixtures.storiesBuild().resolve(tag).resolve(story.story().id() + ".html"));
        }
    }

    private static void assertValid(Path page) throws Exception {
        EmbeddedValidator validator = new EmbeddedValidator();
        validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
        JsonNode report = new ObjectMapper().readTree(validator.validate(page));
        List<String> errors = new ArrayList<>();
        for (JsonNode message : report.path("messages")) {
            if (!message.path("type").asText().equals("info")) {
                errors.add(message.path("type").asText() + " line " + message.path("lastLine").asText() + ": " + message.path("message").asText());
            }
        }
        assertThat(errors).as("vnu errors in %s", page).isEmpty();
    }
}
