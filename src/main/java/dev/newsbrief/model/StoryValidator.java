package dev.newsbrief.model;

import java.lang.reflect.RecordComponent;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks what binding alone cannot: that every entity reference resolves, that ids are
 * safe to use in file names, that language tags are well-formed. Walks the records
 * generically, so new model fields are checked without new code here.
 */
final class StoryValidator {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern ARGUMENT_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    private final String fileName;
    private final YamlLocator locator;

    StoryValidator(String fileName, YamlLocator locator) {
        this.fileName = fileName;
        this.locator = locator;
    }

    void validate(Story story) {
        if (!SLUG.matcher(story.id()).matches()) {
            fail("id", "'" + story.id() + "' is not a valid story id; use lower-case letters, digits and '-' (it names the output files)");
        }
        story.entities().forEach((id, entity) -> {
            String path = "entities." + id;
            if (!SLUG.matcher(id).matches()) {
                fail(path, "'" + id + "' is not a valid entity id; use lower-case letters, digits and '-'");
            }
            if (entity.kind() == Entity.Kind.PERSON && (entity.office() == null || entity.of() == null)) {
                fail(path, "a person needs 'office' (e.g. president) and 'of' (the entity whose office it is)");
            }
            if (entity.kind() != Entity.Kind.PERSON && (entity.office() != null || entity.of() != null)) {
                fail(path, "only a person has 'office' and 'of'");
            }
            if (entity.office() != null && !SLUG.matcher(entity.office()).matches()) {
                fail(path + ".office", "'" + entity.office() + "' is not a valid office id; use lower-case letters, digits and '-'");
            }
        });
        languageTag("source.language", story.source().language());
        for (int i = 0; i < story.quotes().size(); i++) {
            Quote quote = story.quotes().get(i);
            languageTag("quotes[" + i + "].language", quote.language());
            for (String tag : quote.translations().keySet()) {
                languageTag("quotes[" + i + "].translations." + tag, tag);
            }
        }
        walk("", story, story);
    }

    private void walk(String path, Object value, Story story) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Enum<?>
                || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.time.ZoneId) {
            return;
        }
        if (value instanceof EntityRef ref) {
            if (!story.entities().containsKey(ref.id())) {
                fail(path, "unknown entity '" + ref.id() + "'; declare it under 'entities:' or use one of: "
                        + String.join(", ", story.entities().keySet()));
            }
            return;
        }
        if (value instanceof Claim claim) {
            if (!SLUG.matcher(claim.claim()).matches()) {
                fail(path + ".claim", "'" + claim.claim() + "' is not a valid claim name; use lower-case letters, digits and '-'");
            }
            claim.args().forEach((name, arg) -> {
                if (!ARGUMENT_NAME.matcher(name).matches()) {
                    fail(path + ".args." + name, "'" + name + "' is not a valid argument name; use letters and digits, starting with a lower-case letter (no '_' or '-')");
                }
                walk(path + ".args." + name, arg, story);
            });
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                walk(path + "[" + i + "]", list.get(i), story);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            if (value == story.entities()) {
                map.forEach((key, entity) -> walk(join(path, key.toString()), entity, story));
                return;
            }
            map.forEach((key, element) -> walk(join(path, key.toString()), element, story));
            return;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    walk(join(path, component.getName()), component.getAccessor().invoke(record), story);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + component, e);
                }
            }
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void languageTag(String path, String tag) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(tag).build();
            if (locale.getLanguage().length() < 2 || locale.getLanguage().length() > 3) {
                fail(path, "'" + tag + "' is not a language tag; use a BCP 47 tag such as en, hy, az or ru");
            }
        } catch (IllformedLocaleException e) {
            fail(path, "'" + tag + "' is not a language tag; use a BCP 47 tag such as en, hy, az or ru");
        }
    }

    private void fail(String path, String problem) {
        YamlLocator.Position position = locator.find(path);
        throw new InvalidInputException(fileName, position.line(), position.column(), path, problem);
    }
}
