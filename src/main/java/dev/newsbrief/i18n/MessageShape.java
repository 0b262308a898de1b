package dev.newsbrief.i18n;

import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What an ICU MessageFormat pattern needs, read without formatting it: the names of its
 * arguments (nested ones included, as written with their forms, e.g. {@code party_gen}) and
 * each {@code plural} or {@code selectordinal} it holds with the categories it words.
 *
 * @param arguments every argument name, sorted
 * @param choices   every plural and selectordinal, in the order written
 */
public record MessageShape(Set<String> arguments, List<Choice> choices) {

    /**
     * One {@code plural} or {@code selectordinal}.
     *
     * @param argument  the argument it counts, e.g. {@code parties_count}
     * @param ordinal   true for {@code selectordinal}
     * @param selectors the categories and explicit values it words ({@code one}, {@code =0}, {@code other}), sorted
     */
    public record Choice(String argument, boolean ordinal, Set<String> selectors) {
        public Choice {
            selectors = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(selectors));
        }

        /**
         * The CLDR categories {@code locale} needs that this choice does not word, in CLDR order.
         * A choice that words only explicit values ({@code =0}) and {@code other} needs nothing more:
         * its author chose "other" for every count on purpose.
         */
        public List<String> missingCategories(ULocale locale) {
            if (selectors.stream().noneMatch(selector -> !selector.startsWith("=") && !selector.equals("other"))) {
                return List.of();
            }
            List<String> missing = new ArrayList<>();
            for (String category : categories(locale, ordinal)) {
                if (!selectors.contains(category)) {
                    missing.add(category);
                }
            }
            return missing;
        }
    }

    public MessageShape {
        arguments = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(arguments));
        choices = List.copyOf(choices);
    }

    /**
     * The shape of {@code pattern}.
     *
     * @throws IllegalArgumentException when it is not a valid ICU MessageFormat pattern (ICU's message names the index)
     */
    public static MessageShape of(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        Set<String> names = new TreeSet<>();
        List<Choice> choices = new ArrayList<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME || part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(parsed.getSubstring(part));
            }
            if (part.getType() == MessagePattern.Part.Type.ARG_START
                    && (part.getArgType() == MessagePattern.ArgType.PLURAL || part.getArgType() == MessagePattern.ArgType.SELECTORDINAL)) {
                String argument = parsed.getSubstring(parsed.getPart(i + 1));
                Set<String> selectors = new TreeSet<>();
                int limit = parsed.getLimitPartIndex(i);
                for (int j = i + 2; j < limit; j++) {
                    MessagePattern.Part inner = parsed.getPart(j);
                    if (inner.getType() == MessagePattern.Part.Type.ARG_SELECTOR) {
                        selectors.add(parsed.getSubstring(inner));
                    } else if (inner.getType() == MessagePattern.Part.Type.MSG_START) {
                        // A branch's own nested choices are found by the outer loop, not counted as ours.
                        j = parsed.getLimitPartIndex(j);
                    }
                }
                choices.add(new Choice(argument, part.getArgType() == MessagePattern.ArgType.SELECTORDINAL, selectors));
            }
        }
        return new MessageShape(names, choices);
    }

    /** The argument names without their forms ({@code party_gen} → {@code party}): what the message is given. */
    public Set<String> heads() {
        TreeSet<String> heads = new TreeSet<>();
        arguments.forEach(name -> heads.add(head(name)));
        return java.util.Collections.unmodifiableSortedSet(heads);
    }

    /** {@code party_gen} → {@code party}. */
    public static String head(String argument) {
        int cut = argument.indexOf('_');
        return cut < 0 ? argument : argument.substring(0, cut);
    }

    /** {@code party_gen} → {@code gen}; empty when the argument names no form. */
    public static String facet(String argument) {
        int cut = argument.indexOf('_');
        return cut < 0 ? "" : argument.substring(cut + 1);
    }

    /** The CLDR plural (or ordinal) categories of {@code locale}, in CLDR order (zero, one, two, few, many, other). */
    public static List<String> categories(ULocale locale, boolean ordinal) {
        Set<String> keywords = PluralRules.forLocale(locale, ordinal ? PluralRules.PluralType.ORDINAL : PluralRules.PluralType.CARDINAL)
                .getKeywords();
        return List.of("zero", "one", "two", "few", "many", "other").stream().filter(keywords::contains).toList();
    }

    /** The pattern index ICU names in a syntax error ("… [at pattern index 12] …"), or -1. */
    public static int errorIndex(IllegalArgumentException e) {
        String message = String.valueOf(e.getMessage());
        var matcher = java.util.regex.Pattern.compile("at pattern index (\\d+)").matcher(message);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}
