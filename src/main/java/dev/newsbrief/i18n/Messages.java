package dev.newsbrief.i18n;

import com.ibm.icu.text.MessageFormat;
import dev.newsbrief.model.Entity;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.RelativeTime;
import dev.newsbrief.model.Story;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Formats the messages of one language for one story.
 *
 * <p>A message names its arguments by what they are and, after an underscore, which
 * form it needs: {@code {host_gen}} is the genitive of the entity in argument
 * {@code host}; {@code {signatories_titled_acc}} lists each signatory with their title in
 * the accusative; {@code {length}} is a quantity with its unit written out,
 * {@code {length_short}} abbreviated, {@code {length_gen}} in a case (where ICU has unit
 * case forms), {@code {length_words_gen}} with the number in words agreeing in gender and
 * case, {@code {length_value}} the bare number (for {@code plural} and {@code spellout}),
 * {@code {length_unit}} the CLDR unit id (for {@code select}); {@code {parties_count}} the size of a list;
 * {@code {event_date}} a field of a nested record. Arguments come from a record (its
 * components), a claim's arguments or a map.
 * {@code {x_kind}} is an entity's kind (country, exclave, armed_group…), for {@code select}. A list
 * is joined by ICU's list format in this language's order (its lexicon's {@code precedence}
 * leads); {@code {x_first}} is the first item in that order. A date of year, month or day
 * precision ({@code PartialDate}) is {@code {d}} standing alone, {@code {d_in}} in running text
 * by the messages {@code when.year|month|day} ("in January 2025", "в январе 2025 года"),
 * {@code {d_value}} its year as a number (for {@code selectordinal}: az 2023-cü),
 * {@code {d_date}} for an ICU date skeleton. Money is {@code {m}} ("25.5 billion British
 * pounds"), {@code {m_short}} ("£25.5B"), {@code {m_full}}.
 */
public final class Messages {
    private final Catalog catalog;
    private final LocaleFormatter formatter;
    private final Story story;

    public Messages(Catalog catalog, LocaleFormatter formatter, Story story) {
        this.catalog = catalog;
        this.formatter = formatter;
        this.story = story;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The message {@code key} with arguments taken from {@code source} (a record, a map, or null). */
    public String format(String key, Object source) {
        MessageFormat message = catalog.message(key).orElseThrow(() -> catalog.origin(key).error(key,
                "no message for language '" + catalog.tag() + "'; add it (a story's own wording goes in its bundle's "
                        + catalog.tag() + ".yaml under 'messages:')"));
        Map<String, Object> arguments = new HashMap<>();
        List<String> notGiven = new ArrayList<>();
        for (String name : catalog.argumentNames(key)) {
            try {
                arguments.put(name, resolve(source, name));
            } catch (NotGiven e) {
                // Fine as long as the branch that uses it is not chosen (ICU leaves "{name}" when it is).
                notGiven.add(name);
            } catch (IllegalArgumentException e) {
                throw catalog.origin(key).error(key, "argument {" + name + "}: " + e.getMessage());
            }
        }
        String text = message.format(arguments);
        for (String name : notGiven) {
            if (text.contains("{" + name + "}")) {
                throw catalog.origin(key).error(key, "argument {" + name + "} is not given in the story; give it there, or word the message without it");
            }
        }
        return text;
    }

    /** A list in this language's order: entities its lexicon puts first lead (see {@link Lexicon#precedence}). */
    private List<?> ordered(List<?> items) {
        return catalog.lexicon().ordered(items, item -> item instanceof EntityRef ref ? ref.id() : "");
    }

    /** Entities in this language's order (see {@link Lexicon#precedence}). */
    public List<EntityRef> ordered(Collection<EntityRef> refs) {
        return catalog.lexicon().ordered(List.copyOf(refs), EntityRef::id);
    }

    /**
     * A date standing alone (a table cell, a timeline), by the messages {@code date.year},
     * {@code date.month} and {@code date.day} of this language: each press orders and
     * punctuates dates its own way ("2025 թ. օգոստոսի 8"), which ICU's styles do not always match.
     */
    public String standalone(PartialDate date) {
        return format("date." + date.precision().name().toLowerCase(java.util.Locale.ROOT), dateArguments(date));
    }

    /** A day with its weekday, by the message {@code date.full}. */
    public String full(LocalDate date) {
        return format("date.full", dateArguments(PartialDate.of(date)));
    }

    private Map<String, Object> dateArguments(PartialDate date) {
        Map<String, Object> arguments = new HashMap<>();
        arguments.put("date", formatter.civilCalendar(date.start()));
        arguments.put("year", Integer.toString(date.year()));
        arguments.put("month", Integer.toString(date.month()));
        arguments.put("yearValue", date.year());
        return arguments;
    }

    /** The form {@code form} of an entity, e.g. {@code gen} or {@code titled_dat}. */
    public String name(EntityRef ref, String form) {
        return entityForm(ref, form, 0);
    }

    private Object resolve(Object source, String path) {
        int cut = path.indexOf('_');
        String head = cut < 0 ? path : path.substring(0, cut);
        String rest = cut < 0 ? "" : path.substring(cut + 1);
        Object value = member(source, head);
        return value(value, rest, head);
    }

    private Object member(Object source, String name) {
        if (source instanceof Map<?, ?> map) {
            if (!map.containsKey(name)) {
                throw new IllegalArgumentException("no argument '" + name + "' here; available: " + map.keySet());
            }
            return map.get(name);
        }
        if (source instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getName().equals(name)) {
                    try {
                        return component.getAccessor().invoke(record);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
            List<String> names = new ArrayList<>();
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                names.add(component.getName());
            }
            throw new IllegalArgumentException("no field '" + name + "' in " + record.getClass().getSimpleName() + "; available: " + names);
        }
        throw new IllegalArgumentException("no argument '" + name + "' (this message is given no arguments)");
    }

    private Object value(Object value, String facet, String name) {
        if (value == null) {
            throw new NotGiven(name);
        }
        if (value instanceof EntityRef ref) {
            if (facet.equals("kind")) {
                return story.entity(ref).kind().name().toLowerCase(java.util.Locale.ROOT);
            }
            return entityForm(ref, facet.isEmpty() ? "nom" : facet, 0);
        }
        if (value instanceof List<?> items) {
            if (facet.equals("count")) {
                return items.size();
            }
            if (facet.equals("first") || facet.startsWith("first_")) {
                if (items.isEmpty()) {
                    throw new NotGiven(name);
                }
                return value(ordered(items).get(0), facet.equals("first") ? "" : facet.substring("first_".length()), name);
            }
            List<String> parts = new ArrayList<>();
            for (Object item : ordered(items)) {
                Object part = value(item, facet, name);
                parts.add(part instanceof Number number ? formatter.number(number)
                        : part instanceof com.ibm.icu.util.Calendar ? formatter.date(LocalDate.ofEpochDay(
                                ((com.ibm.icu.util.Calendar) part).getTimeInMillis() / 86_400_000L), "long")
                        : String.valueOf(part));
            }
            return formatter.andList(parts);
        }
        if (value instanceof PartialDate date) {
            return switch (facet) {
                case "" -> standalone(date);
                case "in" -> format("when." + date.precision().name().toLowerCase(java.util.Locale.ROOT), dateArguments(date));
                case "value" -> date.year();
                case "year" -> Integer.toString(date.year());
                case "date" -> formatter.civilCalendar(date.start());
                case "precision" -> date.precision().name().toLowerCase(java.util.Locale.ROOT);
                default -> throw new IllegalArgumentException("'" + name + "' is a date; its forms are {" + name + "}, {"
                        + name + "_in}, {" + name + "_value}, {" + name + "_year}, {" + name + "_date} and {" + name + "_precision}");
            };
        }
        if (value instanceof Money money) {
            return switch (facet) {
                case "" -> formatter.money(money, "long");
                case "short", "full" -> formatter.money(money, facet);
                case "value" -> money.amount();
                case "currency" -> money.currency();
                default -> throw new IllegalArgumentException("'" + name + "' is money; its forms are {" + name + "}, {"
                        + name + "_short}, {" + name + "_full}, {" + name + "_value} and {" + name + "_currency}");
            };
        }
        if (value instanceof Quantity quantity) {
            return switch (facet) {
                case "" -> formatter.quantity(quantity, "long");
                case "short", "narrow" -> formatter.quantity(quantity, facet);
                case "value" -> quantity.value();
                case "unit" -> quantity.unit().cldrId();
                case "words" -> formatter.quantity(quantity, "nom", true);
                default -> facet.startsWith("words_")
                        ? formatter.quantity(quantity, facet.substring("words_".length()), true)
                        : formatter.quantity(quantity, facet, false);
            };
        }
        if (value instanceof LocalDate date) {
            requireNoFacet(facet, name);
            return formatter.civilCalendar(date);
        }
        if (value instanceof RelativeTime time) {
            requireNoFacet(facet, name);
            return formatter.relative(time);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
            requireNoFacet(facet, name);
            return value;
        }
        if (value instanceof com.ibm.icu.util.Calendar) {
            requireNoFacet(facet, name);
            return value;
        }
        if (value instanceof Enum<?> constant) {
            requireNoFacet(facet, name);
            return constant.name().toLowerCase(java.util.Locale.ROOT);
        }
        if (value instanceof String || value instanceof Boolean) {
            requireNoFacet(facet, name);
            return value.toString();
        }
        if (value instanceof Record && !facet.isEmpty()) {
            return resolve(value, facet);
        }
        throw new IllegalArgumentException("'" + name + "' cannot be written as text; ask for one of its fields, e.g. {" + name + "_…}");
    }

    /** A value the story does not give; an error only if the message really shows it. */
    private static final class NotGiven extends IllegalArgumentException {
        NotGiven(String name) {
            super("'" + name + "' is not given in the story");
        }
    }

    private static void requireNoFacet(String facet, String name) {
        if (!facet.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' has no form '" + facet + "'");
        }
    }

    private String entityForm(EntityRef ref, String form, int depth) {
        Lexicon lexicon = catalog.lexicon();
        var direct = lexicon.form(ref.id(), form);
        if (direct.isPresent()) {
            return direct.get();
        }
        if (!lexicon.has(ref.id())) {
            throw new InvalidInputException(lexicon.file(), 0, 0, "entries." + ref.id(),
                    "no name for '" + ref.id() + "' in language '" + catalog.tag() + "'; add its forms ("
                            + String.join(", ", lexicon.required()) + ") under 'lexicon: entries:' in the story's "
                            + catalog.tag() + ".yaml, or to the shared lexicon if other stories name it too");
        }
        int cut = form.lastIndexOf('_');
        if (cut > 0 && depth < 4) {
            String composite = form.substring(0, cut);
            String grammaticalCase = form.substring(cut + 1);
            String pattern = lexicon.compositions().get(composite);
            if (pattern != null) {
                return compose(ref, pattern.replace("CASE", grammaticalCase), depth + 1);
            }
        } else if (depth < 4 && lexicon.compositions().containsKey(form)) {
            return compose(ref, lexicon.compositions().get(form).replace("CASE", "nom"), depth + 1);
        }
        throw lexicon.origin(ref.id()).error("entries." + ref.id(),
                "no form '" + form + "' in language '" + catalog.tag() + "'; add it (forms here: "
                        + String.join(", ", new java.util.TreeSet<>(lexicon.entries().get(ref.id()).keySet())) + ")");
    }

    /** The form a composition asks of {self}, e.g. {@code ins} for {@code {self_ins}}; nom when it has none. */
    private static String selfForm(String pattern) {
        for (String name : Catalog.argumentNamesOf(pattern)) {
            if (name.startsWith("self_")) {
                return name.substring("self_".length());
            }
        }
        return "nom";
    }

    /** Builds a composite form; the pattern sees {self}, and for people {office} and {of}. */
    private String compose(EntityRef ref, String pattern, int depth) {
        MessageFormat format = catalog.compile(pattern);
        Map<String, Object> arguments = new HashMap<>();
        Entity entity = story.entity(ref);
        for (String name : Catalog.argumentNamesOf(pattern)) {
            int cut = name.indexOf('_');
            String head = cut < 0 ? name : name.substring(0, cut);
            String form = cut < 0 ? "nom" : name.substring(cut + 1);
            EntityRef target = switch (head) {
                case "self" -> ref;
                case "office" -> entity.office() == null ? null : EntityRef.of(entity.office());
                case "of" -> entity.of();
                default -> throw new InvalidInputException(catalog.lexicon().file(), 0, 0, "compose",
                        "a composition may use {self_…}, {office_…} and {of_…}, not {" + name + "}");
            };
            if (target == null) {
                // Not a person (a country hosting, say): the composition is just the entity, in the same form.
                return entityForm(ref, selfForm(pattern), depth);
            }
            arguments.put(name, entityForm(target, form, depth));
        }
        return format.format(arguments);
    }
}
