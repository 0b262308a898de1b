package dev.newsbrief.model;

import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Checks what binding alone cannot: that every entity reference resolves, that ids are
 * safe to use in file names and message keys, that lists which must not be empty are not,
 * that language tags, currencies and URLs are valid. Walks the records generically, so new
 * model fields are checked without new code here.
 *
 * <p>Each problem goes to a sink: {@code build} throws the first (so it stops where it always
 * did), {@code check} collects them all. Every check therefore tolerates what an earlier one
 * already reported (a field with no value, an entity with no kind) instead of failing on it.
 */
final class StoryValidator {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
    private static final Pattern KEY = Pattern.compile("[a-z][A-Za-z0-9-]{0,79}");
    private static final Pattern ARGUMENT_NAME = Pattern.compile("[a-z][A-Za-z0-9]{0,39}");

    private final String fileName;
    private final YamlLocator locator;
    private final Consumer<InvalidInputException> problems;

    /** A validator that throws the first problem it finds. */
    StoryValidator(String fileName, YamlLocator locator) {
        this(fileName, locator, problem -> {
            throw problem;
        });
    }

    /** A validator that hands every problem it finds to {@code problems}, in the order it checks them. */
    StoryValidator(String fileName, YamlLocator locator, Consumer<InvalidInputException> problems) {
        this.fileName = fileName;
        this.locator = locator;
        this.problems = problems;
    }

    void validate(Story story) {
        requireValues("", story);
        if (story.id() != null && !SLUG.matcher(story.id()).matches()) {
            fail("id", "'" + story.id() + "' is not a valid story id; use lower-case letters, digits and '-' (it names the output files)");
        }
        if (story.kind() != null && !SLUG.matcher(story.kind()).matches()) {
            fail("kind", "'" + story.kind() + "' is not a valid story kind; use lower-case letters, digits and '-' (it names a template folder)");
        }
        story.entities().forEach((id, entity) -> {
            String path = "entities." + id;
            if (!SLUG.matcher(id).matches()) {
                fail(path, "'" + id + "' is not a valid entity id; use lower-case letters, digits and '-'");
            }
            if (entity == null) {
                fail(path, "give the entity's kind, e.g. { kind: country }");
                return;
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
        if (story.event() != null && story.event().kind() == Event.Kind.SIGNING && story.event().signatories().isEmpty()) {
            fail("event", "a signing needs 'signatories': the people who signed");
        }
        for (int i = 0; i < story.sources().size(); i++) {
            Source source = story.sources().get(i);
            languageTag("sources[" + i + "].language", source.language());
            if (source.url() != null) {
                url("sources[" + i + "].url", source.url());
            }
        }
        for (int i = 0; i < story.quotes().size(); i++) {
            Quote quote = story.quotes().get(i);
            languageTag("quotes[" + i + "].language", quote.language());
            for (String tag : quote.translations().keySet()) {
                languageTag("quotes[" + i + "].translations." + tag, tag);
            }
        }
        for (int i = 0; i < story.sections().size(); i++) {
            key("sections[" + i + "].id", story.sections().get(i).id(), "section id");
        }
        for (int i = 0; i < story.keyFacts().size(); i++) {
            KeyFact fact = story.keyFacts().get(i);
            key("keyFacts[" + i + "].label", fact.label(), "key-fact label");
            if ((fact.value() == null) == (fact.text() == null)) {
                fail("keyFacts[" + i + "]", "give either 'value' (a typed value) or 'text' (a claim), not " + (fact.value() == null ? "neither" : "both"));
            }
        }
        walk("", story, story);
    }

    private void walk(String path, Object value, Story story) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Enum<?>
                || value instanceof java.time.temporal.TemporalAccessor || value instanceof java.time.ZoneId
                || value instanceof PartialDate) {
            return;
        }
        if (value instanceof EntityRef ref) {
            if (!story.entities().containsKey(ref.id())) {
                report(new UnknownNameException(fileName, locator.find(path), path, "unknown entity '" + ref.id()
                        + "'; declare it under 'entities:' or use one of: " + String.join(", ", story.entities().keySet()),
                        ref.id(), story.entities().keySet()));
            }
            return;
        }
        if (value instanceof Money money) {
            if (money.currency() == null) {
                return;
            }
            try {
                Currency.getInstance(money.currency());
            } catch (IllegalArgumentException e) {
                fail(path + ".currency", "'" + money.currency() + "' is not an ISO 4217 currency code; use e.g. USD, EUR, GBP");
            }
            return;
        }
        if (value instanceof Claim claim) {
            if (claim.claim() != null && !KEY.matcher(claim.claim()).matches()) {
                fail(path + ".claim", "'" + claim.claim() + "' is not a valid claim name; use letters, digits and '-', starting with a lower-case letter");
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
                Object item = list.get(i);
                if (item instanceof List<?> inner && inner.isEmpty()) {
                    fail(path + "[" + i + "]", "an empty list; give at least one item or remove it");
                }
                walk(path + "[" + i + "]", item, story);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, element) -> walk(join(path, key.toString()), element, story));
            return;
        }
        if (value instanceof Term term) {
            walk(path, term.asClaim(), story);
            if (term.within() != null && term.within().value() != null && term.within().unit() != null && (!DEADLINE_UNITS.contains(term.within().unit())
                    || term.within().value().stripTrailingZeros().scale() > 0 || term.within().value().signum() <= 0)) {
                fail(join(path, "within"), "a deadline is a whole number of days, weeks, months, years or decades after the event");
            }
            return;
        }
        if (value instanceof TimelineEntry entry) {
            walk(path, entry.asClaim(), story);
            return;
        }
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(record, component);
                String childPath = join(path, component.getName());
                if (component.isAnnotationPresent(NonEmpty.class) && child instanceof List<?> list && list.isEmpty()) {
                    fail(childPath, "an empty list; give at least one item");
                }
                walk(childPath, child, story);
            }
        }
    }

    private static final java.util.Set<Quantity.Unit> DEADLINE_UNITS = java.util.EnumSet.of(
            Quantity.Unit.DAY, Quantity.Unit.WEEK, Quantity.Unit.MONTH, Quantity.Unit.YEAR, Quantity.Unit.DECADE);

    /**
     * A required field written with no value ({@code id: ~}) passes Jackson's presence check:
     * find it before anything reads it, with the path of the field.
     */
    private void requireValues(String path, Object value) {
        if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                Object child = read(record, component);
                // JsonProperty cannot target a record component: it lands on the accessor.
                var property = component.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (child == null && property != null && property.required()) {
                    fail(join(path, component.getName()), "'" + component.getName() + "' has no value; give it one");
                }
                requireValues(join(path, component.getName()), child);
            }
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                requireValues(path + "[" + i + "]", list.get(i));
            }
        } else if (value instanceof Map<?, ?> map) {
            // An entity with no value gets its own message below ("give the entity's kind").
            map.forEach((key, element) -> requireValues(join(path, key.toString()), element));
        }
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component, e);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private void key(String path, String value, String what) {
        if (value != null && !KEY.matcher(value).matches()) {
            fail(path, "'" + value + "' is not a valid " + what + "; use letters, digits and '-', starting with a lower-case letter (it names a message)");
        }
    }

    private void url(String path, String value) {
        if (value == null) {
            return;
        }
        try {
            URI uri = new URI(value.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                fail(path, "'" + value + "' is not an http or https address; only those are linked");
            }
        } catch (URISyntaxException e) {
            fail(path, "'" + value + "' is not a valid http or https address: " + e.getReason());
        }
    }

    private void languageTag(String path, String tag) {
        if (tag == null) {
            return;
        }
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
        report(new InvalidInputException(fileName, position.line(), position.column(), path, problem));
    }

    private void report(InvalidInputException problem) {
        problems.accept(problem);
    }
}
