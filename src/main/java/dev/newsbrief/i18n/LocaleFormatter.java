package dev.newsbrief.i18n;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.number.FormattedNumber;
import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.text.BreakIterator;
import com.ibm.icu.text.Collator;
import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.DisplayOptions;
import com.ibm.icu.text.ListFormatter;
import com.ibm.icu.text.PluralRules;
import com.ibm.icu.text.RelativeDateTimeFormatter;
import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.GregorianCalendar;
import com.ibm.icu.util.MeasureUnit;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import com.ibm.icu.number.Notation;
import com.ibm.icu.number.Precision;
import com.ibm.icu.util.Currency;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.RelativeTime;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.function.Function;

/**
 * All locale-sensitive formatting of one language, over ICU4J. Never consults the JVM's
 * default locale or time zone. Thread-safe: shared ICU objects are immutable or frozen,
 * the rest are created per call.
 */
public final class LocaleFormatter {
    /** Civil dates carry no zone; formatting them at midnight UTC in UTC gives the same day everywhere. */
    static final TimeZone CIVIL = TimeZone.GMT_ZONE;

    private final ULocale locale;
    private final ListFormatter andList;
    private final Collator collator;
    private final PluralRules cardinal;
    private final LocalizedNumberFormatter numbers;
    /** Parsing the spell-out rules costs more than a whole brief; RBNF is not thread-safe, so one per thread. */
    private final ThreadLocal<RuleBasedNumberFormat> spellouts;
    private final java.util.Set<String> spelloutRuleSets;
    private final String defaultSpellout;

    public LocaleFormatter(ULocale locale) {
        this.locale = locale;
        this.andList = ListFormatter.getInstance(locale, ListFormatter.Type.AND, ListFormatter.Width.WIDE);
        this.collator = Collator.getInstance(locale).freeze();
        this.cardinal = PluralRules.forLocale(locale, PluralRules.PluralType.CARDINAL);
        this.numbers = NumberFormatter.withLocale(locale);
        this.spellouts = ThreadLocal.withInitial(() -> new RuleBasedNumberFormat(locale, RuleBasedNumberFormat.SPELLOUT));
        this.spelloutRuleSets = java.util.Set.of(spellouts.get().getRuleSetNames());
        this.defaultSpellout = spellouts.get().getDefaultRuleSetName();
    }

    public ULocale locale() {
        return locale;
    }

    /** The date in one of ICU's styles: {@code short}, {@code medium}, {@code long} or {@code full}. */
    public String date(LocalDate date, String style) {
        int icuStyle = switch (style) {
            case "short" -> DateFormat.SHORT;
            case "medium" -> DateFormat.MEDIUM;
            case "long" -> DateFormat.LONG;
            case "full" -> DateFormat.FULL;
            default -> throw new IllegalArgumentException("date style must be short, medium, long or full, not '" + style + "'");
        };
        DateFormat format = DateFormat.getDateInstance(icuStyle, locale);
        format.setTimeZone(CIVIL);
        return format.format(civil(date));
    }

    /** The date by an ICU skeleton such as {@code yMMMMd}: the locale picks order and punctuation. */
    public String dateSkeleton(LocalDate date, String skeleton) {
        DateFormat format = DateFormat.getInstanceForSkeleton(skeleton, locale);
        format.setTimeZone(CIVIL);
        return format.format(civil(date));
    }

    /** The ISO date, for machine-readable attributes. */
    public static String isoDate(LocalDate date) {
        return date.toString();
    }

    static Date civil(LocalDate date) {
        return new Date(date.toEpochDay() * 86_400_000L);
    }

    /**
     * The date as an ICU calendar in UTC: MessageFormat formats a Calendar in the calendar's
     * own zone, so date arguments never fall back to the JVM's default zone.
     */
    Calendar civilCalendar(LocalDate date) {
        Calendar calendar = new GregorianCalendar(CIVIL, locale);
        calendar.clear();
        calendar.set(date.getYear(), date.getMonthValue() - 1, date.getDayOfMonth());
        return calendar;
    }

    public String number(Number value) {
        return numbers.format(value).toString();
    }

    /** A quantity with its unit: {@code long} (32 километра), {@code short} (32 км) or {@code narrow}. */
    public String quantity(Quantity quantity, String width) {
        NumberFormatter.UnitWidth unitWidth = switch (width) {
            case "long" -> NumberFormatter.UnitWidth.FULL_NAME;
            case "short" -> NumberFormatter.UnitWidth.SHORT;
            case "narrow" -> NumberFormatter.UnitWidth.NARROW;
            default -> throw new IllegalArgumentException("unit width must be long, short or narrow, not '" + width + "'");
        };
        return unit(quantity).unitWidth(unitWidth).format(quantity.value()).toString();
    }

    /**
     * A quantity with its unit written out in a grammatical case where the language has
     * case forms for units (ru: {@code gen} → "32 километров"); in words when {@code words}
     * is true, the number agreeing with the unit's gender and case (ru: "трех десятилетий").
     *
     * @param grammaticalCase nom, gen, dat, acc, ins, pre, loc or abl
     */
    public String quantity(Quantity quantity, String grammaticalCase, boolean words) {
        DisplayOptions.GrammaticalCase icuCase = grammaticalCase(grammaticalCase);
        FormattedNumber formatted = unit(quantity).unitWidth(NumberFormatter.UnitWidth.FULL_NAME)
                .displayOptions(DisplayOptions.builder().setGrammaticalCase(icuCase).build())
                .format(quantity.value());
        String text = formatted.toString();
        if (!words) {
            return text;
        }
        String digits = numbers.format(quantity.value()).toString();
        int at = text.indexOf(digits);
        if (at < 0) {
            return text;
        }
        String ruleSet = spelloutRuleSet(formatted.getNounClass(), grammaticalCase);
        return text.substring(0, at) + spellout(quantity.value(), ruleSet) + text.substring(at + digits.length());
    }

    private LocalizedNumberFormatter unit(Quantity quantity) {
        return numbers.unit(MeasureUnit.forIdentifier(quantity.unit().cldrId()));
    }

    private static DisplayOptions.GrammaticalCase grammaticalCase(String name) {
        return switch (name) {
            case "", "nom" -> DisplayOptions.GrammaticalCase.NOMINATIVE;
            case "gen" -> DisplayOptions.GrammaticalCase.GENITIVE;
            case "dat" -> DisplayOptions.GrammaticalCase.DATIVE;
            case "acc" -> DisplayOptions.GrammaticalCase.ACCUSATIVE;
            case "ins" -> DisplayOptions.GrammaticalCase.INSTRUMENTAL;
            case "pre" -> DisplayOptions.GrammaticalCase.PREPOSITIONAL;
            case "loc" -> DisplayOptions.GrammaticalCase.LOCATIVE;
            case "abl" -> DisplayOptions.GrammaticalCase.ABLATIVE;
            default -> throw new IllegalArgumentException("unknown case '" + name + "'; use nom, gen, dat, acc, ins, pre, loc or abl");
        };
    }

    /** The locale's spell-out rules for a noun class and case, e.g. %spellout-cardinal-neuter-genitive, if it has them. */
    private String spelloutRuleSet(DisplayOptions.NounClass nounClass, String grammaticalCase) {
        java.util.Set<String> available = spelloutRuleSets;
        String gender = nounClass == null || nounClass == DisplayOptions.NounClass.UNDEFINED
                ? "" : "-" + nounClass.name().toLowerCase(java.util.Locale.ROOT);
        String caseName = grammaticalCase(grammaticalCase) == DisplayOptions.GrammaticalCase.NOMINATIVE
                ? "" : "-" + grammaticalCase(grammaticalCase).name().toLowerCase(java.util.Locale.ROOT);
        for (String candidate : new String[] {"%spellout-cardinal" + gender + caseName, "%spellout-cardinal" + gender, "%spellout-cardinal"}) {
            if (available.contains(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Money by ICU: {@code long} with the scale and currency in words ("25.5 billion British
     * pounds", "25,5 миллиарда британских фунтов стерлингов"), {@code short} with symbol and
     * abbreviated scale ("£25.5B"), {@code full} every digit.
     */
    public String money(Money money, String width) {
        LocalizedNumberFormatter currency = numbers.unit(Currency.getInstance(money.currency()));
        return switch (width) {
            case "long" -> currency.notation(Notation.compactLong()).precision(Precision.unlimited())
                    .unitWidth(NumberFormatter.UnitWidth.FULL_NAME).format(money.amount()).toString();
            case "short" -> currency.notation(Notation.compactShort()).precision(Precision.unlimited())
                    .format(money.amount()).toString();
            case "full" -> currency.unitWidth(NumberFormatter.UnitWidth.FULL_NAME).format(money.amount()).toString();
            default -> throw new IllegalArgumentException("money width must be long, short or full, not '" + width + "'");
        };
    }

    /** "next week", "на следующей неделе". */
    public String relative(RelativeTime time) {
        RelativeDateTimeFormatter formatter = RelativeDateTimeFormatter.getInstance(locale);
        return formatter.format(RelativeDateTimeFormatter.Direction.valueOf(time.direction().name()),
                RelativeDateTimeFormatter.AbsoluteUnit.valueOf(time.unit().name()));
    }

    /** "A, B and C" with this language's conjunction and commas. */
    public String andList(Collection<String> items) {
        return andList.format(items);
    }

    /** The CLDR plural category of {@code n}: one, few, many, other… */
    public String plural(Number n) {
        return cardinal.select(n.doubleValue());
    }

    /** {@code n} in words; {@code ruleSet} picks a form such as {@code %spellout-cardinal-feminine}, or null. */
    public String spellout(Number n, String ruleSet) {
        RuleBasedNumberFormat format = spellouts.get();
        // Set it every time, back to the locale's own default when none is asked for: the instance is reused.
        format.setDefaultRuleSet(ruleSet != null ? ruleSet : defaultSpellout);
        String words = format.format(n);
        // ICU puts soft hyphens inside some compounds (hy); they are hints, not text.
        return words.replace("\u00AD", "");
    }

    public String upper(String text) {
        return UCharacter.toUpperCase(locale, text);
    }

    public String lower(String text) {
        return UCharacter.toLowerCase(locale, text);
    }

    /**
     * Capitalises the first letter as a sentence start, by ICU's title-case mapping with this
     * language's rules: az i → İ, hy և → Եվ; scripts without capitals in running text
     * (Georgian) are left as they are, which upper-casing would not do.
     */
    public String capitalize(String text) {
        if (text.isEmpty()) {
            return text;
        }
        int first = text.offsetByCodePoints(0, 1);
        return UCharacter.toTitleCase(locale, text.substring(0, first), null,
                UCharacter.TITLECASE_NO_LOWERCASE | UCharacter.TITLECASE_NO_BREAK_ADJUSTMENT) + text.substring(first);
    }

    /** Title case by words, with this language's rules. */
    public String title(String text) {
        return UCharacter.toTitleCase(locale, text, BreakIterator.getWordInstance(locale), UCharacter.TITLECASE_NO_LOWERCASE);
    }

    /** The name of language {@code tag} in this language, capitalised as a label. */
    public String languageName(String tag) {
        return capitalize(ULocale.forLanguageTag(tag).getDisplayName(locale));
    }

    /** Sorts by this language's collation (az: ə after e; ru: ё with е). */
    public <T> List<T> sort(Collection<T> items, Function<T, String> key) {
        return items.stream().sorted(Comparator.comparing(key, collator::compare)).toList();
    }

}
