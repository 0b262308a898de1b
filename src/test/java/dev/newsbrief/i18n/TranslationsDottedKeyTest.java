package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A message key written as {@code a.b} and again as {@code a: {b}} was accepted silently, the last one winning. */
class TranslationsDottedKeyTest {
    @Test
    void theBuildRefusesAKeyWrittenDottedAndNested(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ru/messages.yaml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "label.published: Опубликовано\nlabel:\n  published: Вышло\n");
        assertThatThrownBy(() -> new Translations(new ResourceSet("translations", dir)).catalog("ru"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(file + ":3:3: label.published: written twice (first at line 1), once as a dotted key and once nested; keep one of them");
    }
}
