package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plain-text email: 72 columns, language-aware breaks, links as numbered references. */
class PlainTextTest {
    private static final Pattern URL_LINE = Pattern.compile("(?:\\[\\d+\\] )?https?://\\S+");
    private static final Pattern REFERENCE = Pattern.compile("\\[(\\d+)\\]");
    private static final Pattern LIST_ENTRY = Pattern.compile("\\[(\\d+)\\] (\\S+)");
    private static final ULocale RU = ULocale.forLanguageTag("ru");
    private static final ULocale HY = ULocale.forLanguageTag("hy");

    private static int columns(String line) {
        return line.codePointCount(0, line.length());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void everyLineFitsInSeventyTwoColumnsExceptALoneUrl(String tag) {
        String text = EditionPagesTest.page(tag).text();
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSizeGreaterThan(20);
        assertThat(lines).allSatisfy(line -> {
            if (columns(line) > PlainText.WIDTH) {
                assertThat(line).as("a line over 72 columns must be one URL").matches(URL_LINE);
            }
        });
        // The text really is wrapped: some lines come close to the width.
        assertThat(lines.stream().filter(line -> !URL_LINE.matcher(line).matches()).mapToInt(PlainTextTest::columns).max().orElse(0))
                .isBetween(60, 72);
        assertThat(text).doesNotContain("\uE010", "\uE011", "\r");
    }

    /** Every [n] in the body is listed at the end, numbered 1, 2, 3… in order, each URL once; and they are the email's links. */
    @ParameterizedTest
    @ValueSource(strings = {"hy", "az", "ru", "en"})
    void numberedReferencesMatchTheListOfUrls(String tag) {
        String text = EditionPagesTest.page(tag).text();
        String heading = "\n\n" + dev.newsbrief.render.Renderer.functions(EditionPagesTest.TRANSLATIONS.catalog(tag)).msg("newsletter.links") + "\n";
        int cut = text.lastIndexOf(heading);
        assertThat(cut).isPositive();
        String body = text.substring(0, cut);
        Set<Integer> used = new LinkedHashSet<>();
        Matcher reference = REFERENCE.matcher(body);
        while (reference.find()) {
            used.add(Integer.parseInt(reference.group(1)));
        }
        Map<Integer, String> listed = new LinkedHashMap<>();
        for (String line : text.substring(cut + heading.length()).lines().toList()) {
            Matcher entry = LIST_ENTRY.matcher(line);
            assertThat(entry.matches()).as("list entry '%s'", line).isTrue();
            listed.put(Integer.parseInt(entry.group(1)), entry.group(2));
        }
        assertThat(listed.keySet()).containsExactlyElementsOf(used);
        List<Integer> oneToN = new ArrayList<>();
        for (int i = 1; i <= listed.size(); i++) {
            oneToN.add(i);
        }
        assertThat(used).containsExactlyElementsOf(oneToN);
        assertThat(new LinkedHashSet<>(listed.values())).hasSameSizeAs(listed.values())
                .containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(Jsoup.parse(EditionPagesTest.page(tag).emailHtml()).select("a").eachAttr("href")));
        // Each headline is followed by the reference of its brief.
        String firstBrief = EditionPaths.absolute(EditionPagesTest.NEWSLETTER,
                EditionPaths.brief(EditionPagesTest.SOURCES.get(0).story().id(), tag)).toString();
        int number = listed.entrySet().stream().filter(e -> e.getValue().equals(firstBrief)).findFirst().orElseThrow().getKey();
        String headline = Jsoup.parse(EditionPagesTest.page(tag).emailHtml()).selectFirst("h2 a").text();
        assertThat(body.replace('\u00A0', ' ').replaceAll("\\s+", " ")).contains(headline.replace('\u00A0', ' ') + " [" + number + "]");
    }

    /** Armenian and Russian paragraphs break between words only: joining the lines with spaces gives the paragraph back. */
    @ParameterizedTest
    @ValueSource(ints = {72, 50, 33, 20})
    void armenianAndRussianWrapAtSpacesNotInsideWords(int width) {
        List<String> paragraphs = List.of(
                "ԱՄՆ-ի և Ֆրանսիայի միջնորդությամբ կնքված հրադադարը վերջ դրեց «Հեզբոլլահի» և Իսրայելի միջև ավելի քան մեկ "
                        + "տարի տևած մարտերին և 60 օր ժամանակ տվեց Իսրայելի զորքերին՝ Հարավային Լիբանանից դուրս գալու համար։",
                "Перемирие, достигнутое при посредничестве США и Франции, прекратило длившиеся более года боевые действия "
                        + "между «Хезболлой» и Израилем и дало Израилю 60 дней на вывод войск с юга Ливана; Нагорно-Карабахский "
                        + "конфликт — старейший на Южном Кавказе.");
        for (int i = 0; i < paragraphs.size(); i++) {
            String paragraph = paragraphs.get(i);
            ULocale locale = i == 0 ? HY : RU;
            List<String> lines = PlainText.wrap(paragraph, width, locale).lines().toList();
            assertThat(lines).hasSizeGreaterThan(1);
            assertThat(String.join(" ", lines)).isEqualTo(paragraph);
            assertThat(lines).allSatisfy(line -> assertThat(columns(line)).isLessThanOrEqualTo(width));
            // A spaced dash stays at the end of a line; it never starts one.
            assertThat(lines).noneMatch(line -> line.startsWith("—"));
        }
    }

    /** Russian one-letter prepositions and conjunctions stay with the next word (translations/ru: newsletter.noBreakAfter). */
    @Test
    void russianOneLetterWordsNeverEndALine() {
        String line = "Великобритания и Индия подписали соглашение о свободной торговле в Чекерсе";
        assertThat(PlainText.wrap(line, 66, RU).lines().findFirst().orElseThrow()).endsWith(" в");
        String wrapped = PlainText.wrap(line, 66, RU, List.of("а", "в", "и", "к", "о", "с", "у", "я"));
        assertThat(wrapped.lines().toList()).containsExactly("Великобритания и Индия подписали соглашение о свободной торговле",
                "в Чекерсе");
        for (String tag : List.of("ru")) {
            assertThat(EditionPagesTest.page(tag).text().lines()).noneMatch(l -> l.matches("(?iu).*(^|\\s)[авикосуя]$"));
        }
    }

    @Test
    void aUrlIsNeverBrokenAndGetsALineOfItsOwn() {
        String url = "https://briefs.example.org/newsletters/morning/ru/" + "очень-длинный-адрес-".repeat(4) + "3.html?a=b-c";
        String text = PlainText.wrap("Полная версия выпуска на сайте: " + url + " и там же архив.", 72, RU);
        assertThat(text.lines().toList()).contains(url);
        assertThat(text.lines()).allSatisfy(l -> assertThat(columns(l) <= 72 || l.equals(url)).as(l).isTrue());
    }

    @Test
    void aWordLongerThanTheWidthTakesALineOfItsOwn() {
        assertThat(PlainText.wrap("ab cdefghijkl mn", 5, ULocale.ENGLISH).lines().toList()).containsExactly("ab", "cdefghijkl", "mn");
    }

    @Test
    void lineBreaksStayAndContinuationLinesKeepTheIndent() {
        String wrapped = PlainText.wrap("first line\n  an indented line that is too long\n\nlast", 20, ULocale.ENGLISH);
        assertThat(wrapped).isEqualTo("first line\n  an indented line\n  that is too long\n\nlast");
    }

    /** A link used twice keeps its number; text without links has no list. */
    @Test
    void eachUrlIsNumberedOnce() {
        String marked = "One\u00A0\uE010https://a.example/\uE011 two\u00A0\uE010https://b.example/\uE011 again\u00A0\uE010https://a.example/\uE011";
        assertThat(PlainText.render(marked, "Links", ULocale.ENGLISH))
                .isEqualTo("One\u00A0[1] two\u00A0[2] again\u00A0[1]\n\nLinks\n[1] https://a.example/\n[2] https://b.example/\n");
        assertThat(PlainText.render("No links here.", "Links", ULocale.ENGLISH)).isEqualTo("No links here.\n");
    }

    /** Combining marks and invisible characters take no column. */
    @Test
    void columnsCountWhatIsSeen() {
        assertThat(PlainText.columns("е\u0301ж\u00AD\u200Bз", 0, 6)).isEqualTo(3);
    }

    @Test
    void aLineOfExactlyTheWidthStaysWholeAndSoDoesAContinuationOfExactlyTheWidth() {
        assertThat(PlainText.wrap("aaa bbb", 7, ULocale.ENGLISH)).isEqualTo("aaa bbb");
        assertThat(PlainText.wrap("aaaa bbb ccc", 7, ULocale.ENGLISH).lines().toList()).containsExactly("aaaa", "bbb ccc");
        assertThat(PlainText.wrap("a", 1, ULocale.ENGLISH)).isEqualTo("a");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1})
    void aWidthBelowOneIsRefused(int width) {
        assertThatThrownBy(() -> PlainText.wrap("a b", width, ULocale.ENGLISH)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("width");
    }

    /** The last word is too long and no break follows it: it ends the text on a line of its own. */
    @Test
    void aTooLongLastWordOrAWholeLineWithoutBreaksStaysWhole() {
        assertThat(PlainText.wrap("ab cdefghijkl", 5, ULocale.ENGLISH).lines().toList()).containsExactly("ab", "cdefghijkl");
        assertThat(PlainText.wrap("abcdefghijkl", 5, ULocale.ENGLISH)).isEqualTo("abcdefghijkl");
    }

    /** With no break after a space in reach, one after a hyphen is taken. */
    @Test
    void aBreakAfterAHyphenIsTakenWhenNoSpaceFits() {
        assertThat(PlainText.wrap("Нагорно-Карабахский", 12, RU).lines().toList()).containsExactly("Нагорно-", "Карабахский");
        // The last such break that fits, not the first.
        assertThat(PlainText.wrap("северо-северо-западный", 15, RU).lines().toList()).containsExactly("северо-северо-", "западный");
    }

    /** A spaced em or en dash ends the line before it; a dash that ends the text may start a line, not being spaced. */
    @Test
    void aSpacedDashEndsALineAndNeverStartsOne() {
        assertThat(PlainText.wrap("aaaa \u2014 bbbb", 5, ULocale.ENGLISH).lines().toList()).containsExactly("aaaa \u2014", "bbbb");
        assertThat(PlainText.wrap("aaaa \u2013 bbbb", 5, ULocale.ENGLISH).lines().toList()).containsExactly("aaaa \u2013", "bbbb");
        assertThat(PlainText.wrap("aaaa\u2014 bbbb", 4, ULocale.ENGLISH).lines().toList()).containsExactly("aaaa\u2014", "bbbb");
        assertThat(PlainText.wrap("aaaa \u2014", 5, ULocale.ENGLISH).lines().toList()).containsExactly("aaaa", "\u2014");
    }

    /** A word of the no-break list binds only as a whole word: "bb" binds, the "b" ending it does not count alone. */
    @Test
    void aNoBreakWordIsMatchedWhole() {
        assertThat(PlainText.wrap("aaa bb cc", 6, ULocale.ENGLISH, List.of("bb")).lines().toList()).containsExactly("aaa", "bb cc");
        assertThat(PlainText.wrap("aaa bb cc", 6, ULocale.ENGLISH, List.of("b")).lines().toList()).containsExactly("aaa bb", "cc");
    }

    /** A line that starts with a tab (not an indent) wraps like any other. */
    @Test
    void aLineStartingWithATabWraps() {
        assertThat(PlainText.wrap("\tone two three", 5, ULocale.ENGLISH).lines().toList()).containsExactly("\tone", "two", "three");
        assertThat(PlainText.wrap("\tone two three", 5, RU, List.of("и")).lines().toList()).containsExactly("\tone", "two", "three");
    }

    @Test
    void enclosingMarksTakeNoColumn() {
        assertThat(PlainText.columns("1\u20DD2\u20DE", 0, 4)).isEqualTo(2);
        // Interlinear annotation controls: invisible format characters that are not default-ignorable.
        assertThat(PlainText.columns("a\uFFF9b\uFFFAc\uFFFB", 0, 6)).isEqualTo(3);
        // Default-ignorable letters (the Hangul fillers) show nothing either.
        assertThat(PlainText.columns("a\u3164b\u115F", 0, 4)).isEqualTo(2);
    }
}
