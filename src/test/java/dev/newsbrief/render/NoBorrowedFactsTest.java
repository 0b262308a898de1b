package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.Fixtures;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.Entity;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A brief states only its own story's facts: no name of an entity the story does not
 * refer to (in any form any lexicon gives it) and no number that is not in its data; and
 * every number of its data appears, as digits or in words, in every language.
 */
class NoBorrowedFactsTest {
    /** Built per test, not cached in a static: under mutation testing every test must exercise the code as mutated now. */
    private final Translations translations = new Translations(new ResourceSet("translations", null));
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    /** Lexicon forms that are grammar codes, not names. */
    private static final Set<String> NOT_NAMES = Set.of("gender", "surname");

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void noBriefNamesAnEntityItsStoryDoesNotReferTo(String tag) {
        List<StorySource> stories = Fixtures.allStories();
        for (StorySource source : stories) {
            Story story = source.story();
            String text = text(tag, story);
            Set<String> own = referenced(story);
            Set<String> ownForms = new TreeSet<>();
            Catalog mine = translations.catalog(tag, source);
            own.forEach(id -> mine.lexicon().entries().getOrDefault(id, Map.of()).forEach((form, name) -> ownForms.add(name)));
            List<String> leaks = new ArrayList<>();
            for (StorySource other : stories) {
                Catalog catalog = translations.catalog(tag, other);
                catalog.lexicon().entries().forEach((id, forms) -> {
                    if (own.contains(id)) {
                        return;
                    }
                    forms.forEach((form, name) -> {
                        if (!NOT_NAMES.contains(form) && name.codePointCount(0, name.length()) >= 4
                                && ownForms.stream().noneMatch(mineName -> mineName.contains(name))
                                && containsWord(text, name)) {
                            leaks.add(id + "." + form + " = " + name);
                        }
                    });
                });
            }
            assertThat(leaks).as("names in the %s brief of %s that the story does not refer to", tag, story.id()).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "hy", "az", "ru"})
    void everyNumberInABriefIsInItsDataAndEveryNumberOfTheDataIsInTheBrief(String tag) {
        for (StorySource source : Fixtures.allStories()) {
            Story story = source.story();
            String text = text(tag, story);
            Set<String> allowed = new TreeSet<>();
            List<BigDecimal> numbers = new ArrayList<>();
            collect(story, numbers, allowed);
            // Deadlines are computed from the data (the event's date plus a duration).
            story.terms().forEach(term -> term.deadline(story.event().date())
                    .ifPresent(day -> addDate(day.getYear(), day.getMonthValue(), day.getDayOfMonth(), new ArrayList<>(), allowed)));
            // Digits inside names (Resolution 1701, Section 907) are part of the names.
            Catalog catalog = translations.catalog(tag, source);
            referenced(story).forEach(id -> catalog.lexicon().entries().getOrDefault(id, Map.of()).values().forEach(name -> digitRuns(name, allowed)));
            story.quotes().forEach(quote -> {
                digitRuns(quote.text(), allowed);
                quote.translations().values().forEach(translation -> digitRuns(translation, allowed));
            });
            Matcher matcher = DIGITS.matcher(text);
            Set<String> stray = new TreeSet<>();
            while (matcher.find()) {
                if (!allowed.contains(strip(matcher.group()))) {
                    stray.add(matcher.group());
                }
            }
            assertThat(stray).as("numbers in the %s brief of %s that are not in its data", tag, story.id()).isEmpty();
            for (BigDecimal number : numbers) {
                assertThat(appears(text, number, tag)).as("%s of %s appears in the %s brief", number.toPlainString(), story.id(), tag).isTrue();
            }
        }
    }

    /** The article's text: not the language switcher (language names) nor the sources (titles and outlets as published). */
    private static String text(String tag, Story story) {
        Document doc = Fixtures.brief(Fixtures.storiesBuild(), tag, story.id());
        // The footer names sources; the timeline graphic is decoration (aria-hidden): its axis years are not facts.
        doc.select("article > footer, article [aria-hidden=true]").remove();
        return doc.select("article").text().replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** The story's entities, and the offices of its people. */
    private static Set<String> referenced(Story story) {
        Set<String> ids = new TreeSet<>(story.entities().keySet());
        story.entities().values().stream().filter(e -> e.office() != null).forEach(e -> ids.add(e.office()));
        return ids;
    }

    private static boolean containsWord(String text, String name) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}])").matcher(text).find();
    }

    private static boolean appears(String text, BigDecimal number, String tag) {
        Set<String> runs = new TreeSet<>();
        digitRuns(text, runs);
        if (runs.contains(strip(number.stripTrailingZeros().toPlainString().replaceAll("\\..*", "")))) {
            return true;
        }
        for (int scale = 3; scale <= 12; scale += 3) {
            BigDecimal scaled = number.movePointLeft(scale).stripTrailingZeros();
            if (scaled.compareTo(BigDecimal.ONE) >= 0 && scaled.scale() <= 3 && runs.contains(scaled.toBigInteger().toString())) {
                return true;
            }
        }
        if (number.compareTo(BigDecimal.valueOf(1000)) < 0 && number.stripTrailingZeros().scale() <= 0) {
            String lower = text.toLowerCase(Locale.ROOT);
            RuleBasedNumberFormat spellout = new RuleBasedNumberFormat(ULocale.forLanguageTag(tag), RuleBasedNumberFormat.SPELLOUT);
            for (String ruleSet : spellout.getRuleSetNames()) {
                if (ruleSet.startsWith("%spellout-cardinal")) {
                    String words = spellout.format(number.longValue(), ruleSet).replace("\u00AD", "").toLowerCase(Locale.ROOT);
                    if (lower.contains(words)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Every number of the story's data: the numbers themselves and the digit runs they may show as. */
    private static void collect(Object value, List<BigDecimal> numbers, Set<String> allowed) {
        if (value == null || value instanceof String || value instanceof EntityRef || value instanceof Entity) {
            return;
        }
        if (value instanceof Number number) {
            add(new BigDecimal(number.toString()), numbers, allowed);
        } else if (value instanceof Quantity quantity) {
            add(quantity.value(), numbers, allowed);
        } else if (value instanceof Money money) {
            add(money.amount(), numbers, allowed);
        } else if (value instanceof PartialDate date) {
            addDate(date.year(), date.month(), date.day(), numbers, allowed);
        } else if (value instanceof LocalDate date) {
            addDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(), numbers, allowed);
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> collect(item, numbers, allowed));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> collect(item, numbers, allowed));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(record), numbers, allowed);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private static void add(BigDecimal number, List<BigDecimal> numbers, Set<String> allowed) {
        numbers.add(number);
        digitRuns(number.toPlainString(), allowed);
        for (int scale = 3; scale <= 12; scale += 3) {
            digitRuns(number.movePointLeft(scale).stripTrailingZeros().toPlainString(), allowed);
        }
    }

    private static void addDate(int year, int month, int day, List<BigDecimal> numbers, Set<String> allowed) {
        numbers.add(BigDecimal.valueOf(year));
        allowed.add(Integer.toString(year));
        if (day != 0) {
            numbers.add(BigDecimal.valueOf(day));
            allowed.add(Integer.toString(day));
        }
    }

    private static void digitRuns(String text, Set<String> into) {
        Matcher matcher = DIGITS.matcher(text);
        while (matcher.find()) {
            into.add(strip(matcher.group()));
        }
    }

    private static String strip(String digits) {
        String stripped = digits.replaceFirst("^0+(?=\\d)", "");
        return stripped;
    }
}
