package dev.newsbrief.i18n;

import com.ibm.icu.text.MessageFormat;
import dev.newsbrief.model.Entity;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.RelativeTime;
import dev.newsbrief.model.Story;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Year;
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
 * {@code {invasion_year}} a field of a nested record. Arguments come from a record (its
 * components), a claim's arguments or a map. A year is written as plain digits;
 * {@code {year_value}} is its number, for {@code selectordinal} (az: 2023-cü). {@code {x_kind}} is an entity's kind
 * (country, exclave, person…), for {@code select}.
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
        MessageFormat message = catalog.message(key).orElseThrow(() -> new InvalidInputException(
                catalog.messagesFile(), 0, 0, key, "message missing; add it (every language needs the same keys)"));
        Map<String, Object> arguments = new HashMap<>();
        for (String name : catalog.argumentNames(key)) {
            try {
                arguments.put(name, resolve(source, name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(catalog.messagesFile(), 0, 0, key,
                        "argument {" + name + "}: " + e.getMessage());
            }
        }
        return message.format(arguments);
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
            throw new IllegalArgumentException("'" + name + "' is not given in the story");
        }
        if (value instanceof EntityRef ref) {
            if (facet.equals("kind")) {
                return story.entity(ref).kind().name().toLowerCase(java.util.Locale.ROOT);
            }
            return entityForm(ref, facet.isEmpty() ? "nom" : facet, 0);
        }
        if (value instanceof Collection<?> items) {
            if (facet.equals("count")) {
                return items.size();
            }
            List<String> parts = new ArrayList<>();
            for (Object item : items) {
                parts.add(String.valueOf(value(item, facet, name)));
            }
            return formatter.andList(parts);
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
        if (value instanceof Year year) {
            // Digits without grouping ("2023", never "2,023"); {x_value} is the number, for selectordinal.
            if (facet.equals("value")) {
                return year.getValue();
            }
            requireNoFacet(facet, name);
            return Integer.toString(year.getValue());
        }
        if (value instanceof RelativeTime time) {
            requireNoFacet(facet, name);
            return formatter.relative(time);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger || value instanceof BigDecimal) {
            requireNoFacet(facet, name);
            return value;
        }
        if (value instanceof String || value instanceof Boolean || value instanceof Enum<?>) {
            requireNoFacet(facet, name);
            return value.toString();
        }
        if (value instanceof Record && !facet.isEmpty()) {
            return resolve(value, facet);
        }
        throw new IllegalArgumentException("'" + name + "' cannot be written as text; ask for one of its fields, e.g. {" + name + "_…}");
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
                    "no entry for '" + ref.id() + "'; add its forms (" + String.join(", ", lexicon.required()) + ")");
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
        throw new InvalidInputException(lexicon.file(), 0, 0, "entries." + ref.id(),
                "no form '" + form + "'; add it (forms here: " + String.join(", ", lexicon.entries().get(ref.id()).keySet()) + ")");
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
                throw new InvalidInputException(catalog.lexicon().file(), 0, 0, "compose",
                        "'" + ref.id() + "' has no office in the story, so {" + name + "} cannot be built");
            }
            arguments.put(name, entityForm(target, form, depth));
        }
        return format.format(arguments);
    }
}
