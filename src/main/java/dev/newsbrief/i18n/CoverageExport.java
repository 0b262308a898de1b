package dev.newsbrief.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.TimeZone;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.Story;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The file a translator fills in ({@code newsbrief translations --missing <tag>}): every key the
 * language lacks, and every stale one (marked, with its current translation), as
 * {@code "key": ""} under comments giving the English, each argument in words and an example
 * of the English rendered. Keys are written flat and dotted, which {@code --translations} reads
 * as the same nested keys, so the filled-in file is merged as it is. Stateless.
 */
public final class CoverageExport {
    /** The sample date of examples no story gives values for. */
    private static final LocalDate SAMPLE_DATE = LocalDate.of(2025, 8, 8);
    private static final int SAMPLE_NUMBER = 3;

    private CoverageExport() {
    }

    /**
     * The fill-in file for {@code tag}.
     *
     * @param coverage the coverage, which names the missing and stale keys
     * @param english  the en catalog with the example story's wording merged over it
     * @param story    the story whose values the examples use where its event has them (may be null)
     * @param current  the language's catalog, for the current wording of stale keys
     */
    public static String missing(Coverage coverage, String tag, Catalog english, Story story, Catalog current) {
        Coverage.Language row = coverage.language(tag).orElseThrow(() -> new IllegalArgumentException("no language " + tag));
        StringBuilder out = new StringBuilder();
        out.append("# Messages to translate into ").append(tag).append(": ").append(row.missing().size()).append(" missing, ")
                .append(row.stale().size()).append(" stale (their English changed since they were translated).\n")
                .append("# Fill in each \"\" with the ").append(tag).append(" text, keeping every {argument} and the ICU syntax\n")
                .append("# ({x, plural, one {…} other {…}}: give every plural category ").append(tag).append(" needs).\n")
                .append("# Then build with: newsbrief build --translations DIR, this file being DIR/").append(tag)
                .append("/messages.yaml (or merged into it), and run `newsbrief translations --accept ").append(tag).append("`.\n");
        Set<String> keys = new TreeSet<>(row.missing());
        keys.addAll(row.stale());
        for (String key : keys) {
            String pattern = english.pattern(key).orElse("");
            out.append('\n');
            if (row.stale().contains(key)) {
                out.append("# STALE: the English changed since this was translated. Now: ")
                        .append(oneLine(current.pattern(key).orElse(""))).append('\n');
            }
            out.append("# en: ").append(oneLine(pattern)).append('\n');
            Map<String, Argument> arguments = arguments(pattern);
            Object source = story == null ? null : story.event();
            if (!arguments.isEmpty()) {
                out.append("# arguments:\n");
                arguments.forEach((name, argument) -> out.append("#   {").append(name).append("}: ")
                        .append(describe(name, argument, member(source, name))).append('\n'));
            }
            out.append("# example: ").append(oneLine(example(key, pattern, arguments, english, story))).append('\n');
            out.append('"').append(key).append("\": \"\"\n");
        }
        return out.toString();
    }

    /** How one argument is used in a pattern: its ICU type and, for select, its keywords. */
    private record Argument(MessagePattern.ArgType type, String format, List<String> keywords) { }

    private static Map<String, Argument> arguments(String pattern) {
        Map<String, Argument> found = new LinkedHashMap<>();
        MessagePattern parsed = new MessagePattern(pattern);
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() != MessagePattern.Part.Type.ARG_START) {
                continue;
            }
            String name = parsed.getSubstring(parsed.getPart(i + 1));
            int limit = parsed.getLimitPartIndex(i);
            List<String> keywords = new ArrayList<>();
            String format = "";
            for (int j = i + 2; j < limit; j++) {
                MessagePattern.Part inner = parsed.getPart(j);
                if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                    keywords.add(parsed.getSubstring(inner));
                } else if (inner.getType() == MessagePattern.Part.Type.ARG_TYPE && format.isEmpty()) {
                    format = parsed.getSubstring(inner);
                }
                if (inner.getType() == MessagePattern.Part.Type.MSG_START) {
                    j = parsed.getLimitPartIndex(j);
                }
            }
            found.putIfAbsent(name, new Argument(part.getArgType(), format, keywords));
        }
        return found;
    }

    /** The argument in words: what kind of value it is and what its suffix asks for (see {@link Messages}). */
    private static String describe(String name, Argument argument, Object value) {
        int cut = name.indexOf('_');
        String head = cut < 0 ? name : name.substring(0, cut);
        String facet = cut < 0 ? "" : name.substring(cut + 1);
        String what = switch (argument.type()) {
            case PLURAL -> "a number; the branch is chosen by the language's plural rules (one, few, many, other…)";
            case SELECTORDINAL -> "a number; the branch is chosen by the language's ordinal rules";
            case SELECT -> "a word that picks a branch: " + String.join(", ", argument.keywords()) + " (keep these keywords as they are)";
            default -> "date".equals(argument.format()) ? "a date, written by the format after it"
                    : "number".equals(argument.format()) ? "a number" : "";
        };
        String form = switch (facet) {
            case "" -> "";
            case "count" -> "how many items the list {" + head + "} holds";
            case "kind" -> "the kind of {" + head + "} (country, exclave, armed_group…)";
            case "value" -> "the bare number of {" + head + "}";
            case "first" -> "the first item of the list {" + head + "} in this language's order";
            case "in" -> "the date {" + head + "} in running text, worded by the messages when.year|month|day";
            case "date" -> "the date {" + head + "} as a date, for an ICU date format";
            case "year" -> "the year of {" + head + "} as digits";
            case "short", "full", "narrow" -> "{" + head + "} written " + facet;
            default -> "{" + head + "} in the lexicon form '" + facet + "' (e.g. _gen genitive, _titled with the title)";
        };
        // A count, kind or bare value is not the list or name it is taken from.
        String type = Set.of("count", "kind", "value", "year").contains(facet) ? ""
                : value instanceof EntityRef || "first".equals(facet) && value instanceof List<?> ? "an entity's name (from the lexicon)"
                : value instanceof List<?> ? "a list of names joined with this language's 'and', in its order"
                : value instanceof PartialDate ? "a date of year, month or day precision"
                : value instanceof LocalDate && !"date".equals(argument.format()) ? "a date"
                : value instanceof Quantity ? "a quantity with its unit"
                : value instanceof Money ? "an amount of money"
                : value instanceof Enum<?> ? "a word"
                : "";
        List<String> parts = new ArrayList<>();
        for (String part : List.of(type, form, what)) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? "a value given by the template or the story (text)" : String.join("; ", parts);
    }

    /** The value of the event's field {@code head} for an argument name, or null. */
    private static Object member(Object source, String name) {
        if (!(source instanceof Record record)) {
            return null;
        }
        String head = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
        for (var component : record.getClass().getRecordComponents()) {
            if (component.getName().equals(head)) {
                try {
                    return component.getAccessor().invoke(record);
                } catch (ReflectiveOperationException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /**
     * The English rendered: with the story's event when the message's arguments are the event's
     * (headlines, standfirsts, key facts), else with sample values.
     */
    private static String example(String key, String pattern, Map<String, Argument> arguments, Catalog english, Story story) {
        if (arguments.isEmpty()) {
            return pattern.isEmpty() ? "(empty)" : new MessageFormat(pattern, english.locale()).format(Map.of());
        }
        if (story != null) {
            try {
                return new Messages(english, english.formatter(), story).format(key, story.event())
                        + "   (the story " + story.id() + ")";
            } catch (RuntimeException notTheEvents) {
                // Its arguments are not the event's fields: fall through to sample values.
            }
        }
        Map<String, Object> samples = new HashMap<>();
        arguments.forEach((name, argument) -> samples.put(name, sample(name, argument)));
        return new MessageFormat(pattern, english.locale()).format(samples) + "   (sample values)";
    }

    private static Object sample(String name, Argument argument) {
        return switch (argument.type()) {
            case PLURAL, SELECTORDINAL -> SAMPLE_NUMBER;
            case SELECT -> argument.keywords().stream().filter(keyword -> !keyword.equals("other")).findFirst().orElse("other");
            default -> {
                if ("date".equals(argument.format())) {
                    // A civil date in UTC, so the example is the same on every machine.
                    GregorianCalendar calendar = new GregorianCalendar(TimeZone.GMT_ZONE);
                    calendar.clear();
                    calendar.set(SAMPLE_DATE.getYear(), SAMPLE_DATE.getMonthValue() - 1, SAMPLE_DATE.getDayOfMonth());
                    yield calendar;
                }
                yield "number".equals(argument.format()) ? SAMPLE_NUMBER : "‹" + name + "›";
            }
        };
    }

    private static String oneLine(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
