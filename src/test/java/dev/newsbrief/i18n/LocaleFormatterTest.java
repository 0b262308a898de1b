package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.RelativeTime;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleFormatterTest {
    private static final LocalDate SIGNING = LocalDate.of(2025, 8, 8);

    private static LocaleFormatter of(String tag) {
        return new LocaleFormatter(ULocale.forLanguageTag(tag));
    }

    private static Quantity years(int n) {
        return new Quantity(BigDecimal.valueOf(n), Quantity.Unit.YEAR);
    }

    /** CLDR cardinal categories for 1, 2, 5, 21 and 100. */
    @ParameterizedTest
    @CsvSource({
        "en, one, other, other, other, other",
        "hy, one, other, other, other, other",
        "az, one, other, other, other, other",
        "ru, one, few, many, one, many"})
    void pluralCategories(String tag, String p1, String p2, String p5, String p21, String p100) {
        LocaleFormatter formatter = of(tag);
        assertThat(List.of(1, 2, 5, 21, 100)).extracting(formatter::plural).containsExactly(p1, p2, p5, p21, p100);
    }

    /** The noun after a numeral: ru changes with the category, az and hy keep the singular. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "en | 1 year    | 2 years  | 5 years | 21 years | 100 years",
        "hy | 1 տարի    | 2 տարի   | 5 տարի  | 21 տարի  | 100 տարի",
        "az | 1 il      | 2 il     | 5 il    | 21 il    | 100 il",
        "ru | 1 год     | 2 года   | 5 лет   | 21 год   | 100 лет"})
    void pluralNounsAfterNumerals(String tag, String y1, String y2, String y5, String y21, String y100) {
        LocaleFormatter formatter = of(tag);
        assertThat(List.of(1, 2, 5, 21, 100)).extracting(n -> formatter.quantity(years(n), "long"))
                .containsExactly(y1, y2, y5, y21, y100);
    }

    /** Surefire runs every test with -Duser.language=tr and -Duser.timezone=Pacific/Kiritimati (UTC+14). */
    @Test
    void datesFollowEachLocaleWhateverTheJvmDefaults() {
        // ICU keeps "г." on the year's line with a narrow no-break space (U+202F), as Russian typesetting wants.
        assertThat(of("ru").date(SIGNING, "long")).isEqualTo("8 августа 2025\u202Fг.");
        assertThat(of("ru").date(SIGNING, "full")).isEqualTo("пятница, 8 августа 2025\u202Fг.");
        assertThat(of("az").date(SIGNING, "long")).isEqualTo("8 avqust 2025");
        assertThat(of("hy").date(SIGNING, "long")).isEqualTo("08 օգոստոսի, 2025 թ.");
        assertThat(of("hy").date(SIGNING, "full")).isEqualTo("2025 թ. օգոստոսի 8, ուրբաթ");
        assertThat(of("en").date(SIGNING, "full")).isEqualTo("Friday, August 8, 2025");
    }

    @Test
    void unitsAreWrittenOutPerLocale() {
        Quantity km = new Quantity(BigDecimal.valueOf(32), Quantity.Unit.KILOMETER);
        assertThat(of("ru").quantity(km, "long")).isEqualTo("32 километра");
        assertThat(of("ru").quantity(km, "short")).isEqualTo("32 км");
        assertThat(of("hy").quantity(km, "long")).isEqualTo("32 կիլոմետր");
        assertThat(of("az").quantity(km, "long")).isEqualTo("32 kilometr");
        assertThat(of("en").quantity(km, "long")).isEqualTo("32 kilometers");
        assertThat(of("ru").quantity(years(99), "long")).isEqualTo("99 лет");
    }

    @Test
    void quantitiesInWordsAgreeInGenderAndCase() {
        Quantity decades = new Quantity(BigDecimal.valueOf(3), Quantity.Unit.DECADE);
        assertThat(of("ru").quantity(decades, "gen", true)).isEqualTo("трех десятилетий");
        assertThat(of("ru").quantity(decades, "nom", true)).isEqualTo("три десятилетия");
        assertThat(of("en").quantity(decades, "nom", true)).isEqualTo("three decades");
        assertThat(of("hy").quantity(decades, "nom", true)).isEqualTo("երեք տասնամյակ");
    }

    @Test
    void spelloutDropsIcuSoftHyphens() {
        assertThat(of("hy").spellout(35, null)).isEqualTo("երեսունհինգ").doesNotContain("\u00AD");
        assertThat(of("ru").spellout(9, "%spellout-cardinal-feminine-instrumental")).isEqualTo("девятью");
        assertThat(of("az").spellout(9, null)).isEqualTo("doqquz");
    }

    @Test
    void azerbaijaniCaseMappingDotsTheCapitalI() {
        assertThat(of("az").upper("Vaşinqton, ilham")).isEqualTo("VAŞİNQTON, İLHAM");
        assertThat(of("az").capitalize("iran")).isEqualTo("İran");
        assertThat(of("en").upper("ilham")).isEqualTo("ILHAM");
        assertThat(of("az").lower("İLHAM")).isEqualTo("ilham");
        assertThat(of("az").title("izmir və ilham")).isEqualTo("İzmir Və İlham");
        assertThat(of("en").title("izmir and ilham")).isEqualTo("Izmir And Ilham");
    }

    @Test
    void listsUseEachLanguagesConjunction() {
        List<String> three = List.of("A", "B", "C");
        assertThat(of("en").andList(three)).isEqualTo("A, B, and C");
        assertThat(of("ru").andList(three)).isEqualTo("A, B и C");
        assertThat(of("hy").andList(three)).isEqualTo("A, B և C");
        assertThat(of("az").andList(three)).isEqualTo("A, B və C");
    }

    @Test
    void relativeTimeIsWordedByIcu() {
        RelativeTime nextWeek = new RelativeTime(RelativeTime.Direction.NEXT, RelativeTime.Unit.WEEK);
        assertThat(of("ru").relative(nextWeek)).isEqualTo("на следующей неделе");
        assertThat(of("az").relative(nextWeek)).isEqualTo("gələn həftə");
        assertThat(of("hy").relative(nextWeek)).isEqualTo("հաջորդ շաբաթ");
    }

    @Test
    void languageNamesForTheSwitcher() {
        assertThat(of("hy").languageName("hy")).isEqualTo("Հայերեն");
        assertThat(of("ru").languageName("ru")).isEqualTo("Русский");
        assertThat(of("az").languageName("az")).isEqualTo("Azərbaycan");
        assertThat(of("ru").languageName("en")).isEqualTo("Английский");
    }

    @Test
    void collationFollowsTheAlphabetOfEachLanguage() {
        // Azerbaijani: c < ç, e < ə, i after ı; Russian: е and ё sort together.
        assertThat(of("az").sort(List.of("Əliyev", "Fərid", "Emin", "Çingiz", "Cavid"), s -> s))
                .containsExactly("Cavid", "Çingiz", "Emin", "Əliyev", "Fərid");
        assertThat(of("en").sort(List.of("Əliyev", "Fərid", "Emin"), s -> s)).containsExactly("Emin", "Əliyev", "Fərid");
        assertThat(of("ru").sort(List.of("Трамп", "Алиев", "Пашинян"), s -> s)).containsExactly("Алиев", "Пашинян", "Трамп");
        // Where code-point order is wrong: Ё (U+0401) sorts with Е, not before А; case is not primary.
        assertThat(of("ru").sort(List.of("Жуков", "Ёлкин", "Ежов", "абрамов", "Борисов"), s -> s))
                .containsExactly("абрамов", "Борисов", "Ежов", "Ёлкин", "Жуков");
    }

    /** A sentence start is title-cased by the language's rules, and scripts without capitals are left alone. */
    @Test
    void capitalisationFollowsTheScriptAndTheLanguage() {
        assertThat(of("az").capitalize("ilham")).isEqualTo("İlham");
        assertThat(of("hy").capitalize("և Հայաստանը")).as("hy և title-cases to Եվ, not ԵՎ").isEqualTo("Եվ Հայաստանը");
        assertThat(of("hy").upper("և")).isEqualTo("ԵՎ");
        assertThat(of("ka").capitalize("საქართველო და სომხეთი")).as("Georgian has no capitals in running text")
                .isEqualTo("საქართველო და სომხეთი");
        assertThat(of("en").capitalize("")).isEmpty();
        assertThat(of("ru").capitalize("ёлка")).isEqualTo("Ёлка");
    }

    @Test
    void theFormatterIsOfItsLocale() {
        assertThat(of("hy").locale()).isEqualTo(new ULocale("hy"));
    }

    @Test
    void datesBySkeletonLetTheLocaleOrderThem() {
        assertThat(of("en").dateSkeleton(SIGNING, "yMMMMd")).isEqualTo("August 8, 2025");
        assertThat(of("ru").dateSkeleton(SIGNING, "MMMMd")).isEqualTo("8 августа");
        assertThat(of("az").dateSkeleton(SIGNING, "EEEE")).isEqualTo("cümə");
        assertThat(LocaleFormatter.isoDate(SIGNING)).isEqualTo("2025-08-08");
    }

    /** West of Greenwich, a civil date formatted in the JVM's zone would fall on the day before. */
    @Test
    void datesDoNotDependOnTheDefaultTimeZoneEvenWestOfGreenwich() {
        java.util.TimeZone jdkDefault = java.util.TimeZone.getDefault();
        TimeZone icuDefault = TimeZone.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            assertThat(of("en").date(SIGNING, "full")).isEqualTo("Friday, August 8, 2025");
            assertThat(of("en").dateSkeleton(SIGNING, "yMMMMEEEEd")).isEqualTo("Friday, August 8, 2025");
        } finally {
            TimeZone.setDefault(icuDefault);
            java.util.TimeZone.setDefault(jdkDefault);
        }
    }

    /** Message arguments of dates are calendars: the day's midnight UTC, whatever the clock says now. */
    @Test
    void aCivilDateIsItsDaysMidnightUtc() {
        Calendar calendar = of("ru").civilCalendar(SIGNING);
        assertThat(calendar.getTimeInMillis()).isEqualTo(SIGNING.toEpochDay() * 86_400_000L);
        assertThat(calendar.get(Calendar.DAY_OF_MONTH)).isEqualTo(8);
        assertThat(calendar.get(Calendar.HOUR_OF_DAY)).isZero();
        assertThat(calendar.getTimeZone().getRawOffset()).isZero();
    }

    @Test
    void numbersAreGroupedPerLocale() {
        assertThat(of("en").number(25500)).isEqualTo("25,500");
        assertThat(of("ru").number(new BigDecimal("25500.5"))).isEqualTo("25\u00A0500,5");
        assertThat(of("az").number(25500)).isEqualTo("25.500");
    }

    @Test
    void quantitiesInACaseWithDigits() {
        Quantity km = new Quantity(BigDecimal.valueOf(32), Quantity.Unit.KILOMETER);
        assertThat(of("ru").quantity(km, "gen", false)).isEqualTo("32 километров");
        assertThat(of("ru").quantity(km, "ins", false)).isEqualTo("32 километрами");
        assertThat(of("en").quantity(km, "gen", false)).as("no case forms in English").isEqualTo("32 kilometers");
    }

    /** Where ICU words the number itself (the Arabic dual, "two years"), the words form is ICU's text. */
    @Test
    void quantitiesWhoseNumberIcuAlreadyWordsAreLeftAsTheyAre() {
        assertThat(of("ar").quantity(years(2), "nom", true)).isEqualTo("سنتان");
    }

    /** Korean has no cardinal spell-out rules by gender or case: the locale's default (Sino-Korean numerals, as years take) applies. */
    @Test
    void quantitiesInWordsWithoutCardinalRulesUseTheDefaultSpellout() {
        assertThat(of("ko").quantity(years(21), "nom", true)).isEqualTo("이십일년");
    }
}
