package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.ibm.icu.util.ULocale;
import org.junit.jupiter.api.Test;

class MessageShapeTest {
    private static final ULocale RU = ULocale.forLanguageTag("ru");

    @Test
    void argumentsNestedInBranchesAreFoundWithTheirForms() {
        MessageShape shape = MessageShape.of("{parties_ins} {hosts_count, plural, =0 {} other {, hosted by {hosts_titled}}}");
        assertThat(shape.arguments()).containsExactly("hosts_count", "hosts_titled", "parties_ins");
        assertThat(shape.heads()).containsExactly("hosts", "parties");
        assertThat(MessageShape.facet("hosts_titled_gen")).isEqualTo("titled_gen");
        assertThat(MessageShape.head("count")).isEqualTo("count");
    }

    @Test
    void aRussianPluralWithOnlyOneAndOtherLacksFewAndMany() {
        MessageShape.Choice choice = MessageShape.of("{count, plural, one {# файл} other {# файлов}}").choices().get(0);
        assertThat(choice.argument()).isEqualTo("count");
        assertThat(choice.ordinal()).isFalse();
        assertThat(choice.missingCategories(RU)).containsExactly("few", "many");
        assertThat(choice.missingCategories(ULocale.ENGLISH)).isEmpty();
    }

    @Test
    void explicitValuesAndOtherAloneNeedNoCategory() {
        MessageShape.Choice choice = MessageShape.of("{n, plural, =0 {none} other {some}}").choices().get(0);
        assertThat(choice.selectors()).containsExactly("=0", "other");
        assertThat(choice.missingCategories(RU)).isEmpty();
    }

    @Test
    void nestedChoicesAreCountedSeparately() {
        MessageShape shape = MessageShape.of(
                "{a, plural, one {x} few {y} many {z} other {{b, selectordinal, one {1st} other {nth}}}}");
        assertThat(shape.choices()).hasSize(2);
        assertThat(shape.choices().get(0).selectors()).containsExactly("few", "many", "one", "other");
        assertThat(shape.choices().get(1).ordinal()).isTrue();
        assertThat(shape.choices().get(1).missingCategories(ULocale.ENGLISH)).containsExactly("two", "few");
    }

    @Test
    void cldrCategoriesComeInCldrOrder() {
        assertThat(MessageShape.categories(RU, false)).containsExactly("one", "few", "many", "other");
        assertThat(MessageShape.categories(ULocale.forLanguageTag("az"), true)).containsExactly("one", "few", "many", "other");
    }

    @Test
    void theIndexIcuNamesIsRead() {
        assertThatThrownBy(() -> MessageShape.of("hello {a,, x}"))
                .isInstanceOfSatisfying(IllegalArgumentException.class, e -> assertThat(MessageShape.errorIndex(e)).isEqualTo(7));
        assertThat(MessageShape.errorIndex(new IllegalArgumentException("Unmatched '{' braces"))).isEqualTo(-1);
    }
}
