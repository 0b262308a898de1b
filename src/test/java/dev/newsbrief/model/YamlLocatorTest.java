package dev.newsbrief.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;

class YamlLocatorTest {
    private static final YamlLocator LOCATOR = YamlLocator.of("""
            id: x
            event:
              parties: [armenia, azerbaijan]
              details:
                - { claim: vote }
            """, new LoaderOptions());

    @Test
    void aFieldIsWhereItsValueStarts() {
        assertThat(LOCATOR.find("id")).isEqualTo(new YamlLocator.Position(1, 5));
        assertThat(LOCATOR.find("event.parties[1]")).isEqualTo(new YamlLocator.Position(3, 22));
        assertThat(LOCATOR.find("event.details[0].claim")).isEqualTo(new YamlLocator.Position(5, 16));
    }

    @Test
    void aFieldNotWrittenIsWhereItsNearestAncestorIs() {
        assertThat(LOCATOR.find("event.details[0].args.who")).isEqualTo(new YamlLocator.Position(5, 7));
        assertThat(LOCATOR.find("event.parties[7]")).isEqualTo(new YamlLocator.Position(3, 12));
        assertThat(LOCATOR.find("event.hosts")).isEqualTo(new YamlLocator.Position(3, 3));
    }

    @Test
    void aTopLevelFieldNotWrittenIsTheStartOfTheDocument() {
        assertThat(LOCATOR.find("kind")).isEqualTo(new YamlLocator.Position(1, 1));
        assertThat(LOCATOR.find("")).isEqualTo(new YamlLocator.Position(1, 1));
        assertThat(LOCATOR.find("[0]")).isEqualTo(new YamlLocator.Position(1, 1));
    }

    @Test
    void textThatIsNoYamlHasNoPositions() {
        YamlLocator broken = YamlLocator.of("id: [unclosed\nkind: *nowhere\n", new LoaderOptions());
        assertThat(broken.find("id")).isEqualTo(new YamlLocator.Position(0, 0));
        assertThat(YamlLocator.of("", new LoaderOptions()).find("id")).isEqualTo(new YamlLocator.Position(0, 0));
    }
}
