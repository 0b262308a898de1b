package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.build.Builder;
import dev.newsbrief.model.Conflict;
import dev.newsbrief.model.Corridor;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.resource.ResourceSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MessagesTest {
    private static final Translations TRANSLATIONS = new Translations(new ResourceSet("translations", null));
    private static final Story STORY = new StoryLoader().load("default", Builder.embeddedDefaultStory());

    private static Messages messages(String tag) {
        Catalog catalog = TRANSLATIONS.catalog(tag);
        return new Messages(catalog, new LocaleFormatter(catalog.locale()), STORY);
    }

    @Test
    void formsComeFromTheLexiconAndCompositions() {
        Messages ru = messages("ru");
        assertThat(ru.name(EntityRef.of("armenia"), "ins")).isEqualTo("Арменией");
        assertThat(ru.name(EntityRef.of("aliyev"), "titled_ins")).isEqualTo("президентом Азербайджана Ильхамом Алиевым");
        assertThat(ru.name(EntityRef.of("pashinyan"), "titled_gen")).isEqualTo("премьер-министра Армении Никола Пашиняна");
        assertThat(messages("en").name(EntityRef.of("aliyev"), "titled")).isEqualTo("Azerbaijani President Ilham Aliyev");
    }

    @Test
    void caseAfterPrepositionsInRussian() {
        Messages ru = messages("ru");
        assertThat(ru.format("brief.headline", STORY)).isEqualTo("Армения и Азербайджан подписали мирное соглашение в Белом доме");
        assertThat(ru.format("signing.accord", STORY)).contains("между Арменией и Азербайджаном");
        assertThat(ru.format("claim.normalisation", STORY.benefits().get(0).claims().get(0).args()))
                .isEqualTo("Полная нормализация дипломатических отношений с Азербайджаном и США");
    }

    /** The talks message with 1, 2, 5, 21 and 100 firms: numeral and noun agree in each language. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ru | 1 | с одной заинтересованной компанией",
        "ru | 2 | с двумя заинтересованными компаниями",
        "ru | 5 | с пятью заинтересованными компаниями",
        "ru | 21 | с двадцатью одной заинтересованной компанией",
        "ru | 100 | ста заинтересованными компаниями",
        "en | 1 | at least one interested firm ",
        "en | 2 | at least two interested firms",
        "en | 21 | at least twenty-one interested firms",
        "en | 100 | at least one hundred interested firms"})
    void pluralsInMessages(String tag, int firms, String expected) {
        Corridor corridor = STORY.corridor();
        Corridor changed = new Corridor(corridor.route(), corridor.length(), corridor.origin(), corridor.destination(),
                corridor.through(), corridor.components(), corridor.developedUnder(), corridor.sovereignty(), corridor.lease(),
                firms, corridor.talksBegin(), corridor.accessTo());
        assertThat(messages(tag).format("corridor.talks", Map.of("corridor", changed))).contains(expected);
    }

    /** Azerbaijani ordinal suffixes after years follow CLDR's ordinal rules, not a table of years. */
    @ParameterizedTest
    @CsvSource({"2020, 2020-ci", "2023, 2023-cü", "2026, 2026-cı", "2029, 2029-cu", "1994, 1994-cü", "2100, 2100-cü"})
    void azerbaijaniYearSuffixes(int year, String expected) {
        Conflict conflict = STORY.conflict();
        Conflict changed = new Conflict(conflict.region(), conflict.recognisedAsPartOf(), conflict.populatedBy(),
                conflict.durationAtLeast(), conflict.stalemate(), conflict.wars(), conflict.controlRegainedBy(), java.time.Year.of(year));
        assertThat(messages("az").format("conflict.control", Map.of("conflict", changed))).startsWith(expected + " ildə ");
    }

    @Test
    void quantityFacets() {
        Messages ru = messages("ru");
        assertThat(ru.format("fact.conflictValue", STORY.conflict())).isEqualTo("Нагорный Карабах, более трех десятилетий");
        assertThat(ru.format("corridor.intro", STORY)).contains("протяженностью 32 километра");
        assertThat(ru.format("corridor.lease", STORY)).endsWith("на 99 лет.");
    }

    @Test
    void missingFormNamesTheLexiconAndTheEntry() {
        assertThatThrownBy(() -> messages("ru").name(EntityRef.of("armenia"), "vocative"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("translations/ru/lexicon.yaml")
                .hasMessageContaining("entries.armenia: no form 'vocative'");
    }

    @Test
    void unknownArgumentNamesTheMessageAndWhatIsAvailable() {
        assertThatThrownBy(() -> messages("en").format("fact.venueValue", List.of()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("fact.venueValue");
        assertThatThrownBy(() -> messages("en").format("fact.venueValue", STORY.corridor()))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("argument {city}: no field 'city' in Corridor; available: [route, length");
    }
}
