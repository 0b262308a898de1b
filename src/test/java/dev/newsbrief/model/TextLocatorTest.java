package dev.newsbrief.model;

import static dev.newsbrief.model.StoryYaml.load;
import static dev.newsbrief.model.StoryYaml.with;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which field holds a character, so a PDF font problem can name the story field. */
class TextLocatorTest {
    private static final Story STORY = load(with("""
            quotes:
              - { speaker: armenia, language: en, text: "Peace now", translations: { ru: "Мир 🕊" } }
              - { speaker: azerbaijan, language: en, text: "Ünity", translations: { ru: "Единство" } }
            """));

    @Test
    void aCharacterOutsideTheBasicPlaneIsFoundInAMapOfARecordInAList() {
        assertThat(TextLocator.find(STORY, 0x1F54A)).contains("quotes[0].translations.ru");
    }

    @Test
    void laterItemsOfAListAreSearched() {
        assertThat(TextLocator.find(STORY, 'Ü')).contains("quotes[1].text");
        assertThat(TextLocator.find(STORY, 'Е')).contains("quotes[1].translations.ru");
    }

    @Test
    void theFirstFieldInDocumentOrderWins() {
        assertThat(TextLocator.find(STORY, 't')).contains("id");
        assertThat(TextLocator.find(STORY, 'S')).contains("sources[0].title");
        assertThat(TextLocator.find(STORY, 'P')).contains("quotes[0].text");
    }

    @Test
    void entityReferencesAreText() {
        assertThat(TextLocator.find(STORY, 'z')).contains("entities.azerbaijan.id");
        assertThat(TextLocator.find(STORY, 'd')).contains("entities.london.id");
    }

    @Test
    void aCharacterNowhereInTheStoryIsNotFound() {
        assertThat(TextLocator.find(STORY, 'Ж')).isEmpty();
        assertThat(TextLocator.find(STORY, 0x1F600)).isEmpty();
    }
}
