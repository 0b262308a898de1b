package dev.newsbrief.model;

import static dev.newsbrief.model.StoryYaml.load;
import static dev.newsbrief.model.StoryYaml.problem;
import static dev.newsbrief.model.StoryYaml.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Claim arguments are typed by their YAML shape alone; every other shape is refused with the list of shapes. */
class ClaimArgsDeserializerTest {
    private static final String SHAPES = "an entity id, a number, {value, unit}, {amount, currency}, {year: …}, {month: …}, {day: …}, {direction, unit}";

    /** The arguments of a term whose {@code args:} mapping is {@code args} (written on line 17). */
    private static Map<String, Object> args(String args) {
        return load(with("terms:\n  - { claim: term, args: " + args + " }\n")).terms().get(0).args();
    }

    private static String argsProblem(String args) {
        return problem(with("terms:\n  - { claim: term, args: " + args + " }\n"));
    }

    @Test
    void scalarsAreEntitiesAndNumbers() {
        Map<String, Object> args = args("{ army: armenia, firms: 9, share: 1.5 }");
        assertThat(args).containsExactly(
                Map.entry("army", EntityRef.of("armenia")),
                Map.entry("firms", BigInteger.valueOf(9)),
                Map.entry("share", new BigDecimal("1.5")));
    }

    @Test
    void mappingsAreTypedByTheirKeys() {
        Map<String, Object> args = args("{ length: { value: 32, unit: kilometer }, cost: { amount: 2.5, currency: EUR }, "
                + "when: { direction: last, unit: month } }");
        assertThat(args.get("length")).isEqualTo(new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER));
        assertThat(args.get("cost")).isEqualTo(new Money(new BigDecimal("2.5"), "EUR"));
        assertThat(args.get("when")).isEqualTo(new RelativeTime(RelativeTime.Direction.LAST, RelativeTime.Unit.MONTH));
    }

    @Test
    void datesOfEachPrecision() {
        Map<String, Object> args = args("{ founded: { year: 301 }, signed: { year: 2020 }, opened: { month: 2025-01 }, held: { day: 2025-08-08 } }");
        assertThat(args.get("founded")).isEqualTo(PartialDate.ofYear(301)).hasToString("0301");
        assertThat(args.get("signed")).isEqualTo(PartialDate.ofYear(2020));
        assertThat(args.get("opened")).isEqualTo(new PartialDate(2025, 1, 0));
        assertThat(args.get("held")).isEqualTo(new PartialDate(2025, 8, 8));
    }

    @Test
    void listsHoldValuesOfOneShape() {
        Map<String, Object> args = args("{ parties: [armenia, azerbaijan], years: [{ year: 2020 }, { year: 2023 }], counts: [1, 2] }");
        assertThat(args.get("parties")).isEqualTo(List.of(EntityRef.of("armenia"), EntityRef.of("azerbaijan")));
        assertThat(args.get("years")).isEqualTo(List.of(PartialDate.ofYear(2020), PartialDate.ofYear(2023)));
        assertThat(args.get("counts")).isEqualTo(List.of(BigInteger.ONE, BigInteger.TWO));
    }

    @Test
    void argsMustBeAMapping() {
        assertThat(argsProblem("[armenia]")).isEqualTo("story.yaml:17:26: terms[0].args: 'args' must be a mapping of argument name to value");
        assertThat(argsProblem("armenia")).isEqualTo("story.yaml:17:26: terms[0].args: 'args' must be a mapping of argument name to value");
    }

    @Test
    void listsAreNeitherEmptyNorMixedNorNested() {
        assertThat(argsProblem("{ parties: [] }")).isEqualTo("story.yaml:17:26: terms[0].args: argument 'parties' is an empty list; give at least one value");
        assertThat(argsProblem("{ parties: [armenia, 1] }")).isEqualTo("story.yaml:17:26: terms[0].args: argument 'parties' mixes kinds of value in one list");
        assertThat(argsProblem("{ parties: [[armenia]] }")).isEqualTo("story.yaml:17:26: terms[0].args: argument 'parties' must be " + SHAPES + " (lists cannot nest)");
    }

    @Test
    void otherShapesAreRefusedWithTheShapesThereAre() {
        String refused = "story.yaml:17:26: terms[0].args: argument 'a' must be " + SHAPES + " or a list of these";
        assertThat(argsProblem("{ a: true }")).isEqualTo(refused);
        assertThat(argsProblem("{ a: ~ }")).isEqualTo(refused);
        assertThat(argsProblem("{ a: { foo: 1 } }")).isEqualTo(refused);
        assertThat(argsProblem("{ a: { amount: 5 } }")).isEqualTo(refused);
        assertThat(argsProblem("{ a: { unit: day } }")).isEqualTo(refused);
        assertThat(argsProblem("{ a: { year: 2020, month: 2020-01 } }")).isEqualTo(refused);
    }

    @Test
    void impossibleDatesSayWhy() {
        assertThat(argsProblem("{ a: { month: 2020-13 } }"))
                .isEqualTo("story.yaml:17:26: terms[0].args: argument 'a': not a calendar date: there is no month 13; months are 01 to 12");
        assertThat(argsProblem("{ a: { day: 2023-02-29 } }"))
                .isEqualTo("story.yaml:17:26: terms[0].args: argument 'a': not a calendar date: 2023-02 has no day 29");
        assertThat(argsProblem("{ a: { day: soon } }"))
                .isEqualTo("story.yaml:17:26: terms[0].args: argument 'a': 'soon' is not a date; write YYYY, YYYY-MM or YYYY-MM-DD");
    }

    @Test
    void aKeyFactValueTakesTheSameShapes() {
        Story story = load(with("keyFacts:\n  - { label: length, value: { value: 32, unit: kilometer } }\n  - { label: year, value: { year: 2020 } }\n"));
        assertThat(story.keyFacts()).extracting(KeyFact::value)
                .containsExactly(new Quantity(new BigDecimal("32"), Quantity.Unit.KILOMETER), PartialDate.ofYear(2020));
        assertThat(problem(with("keyFacts:\n  - { label: length, value: true }\n"))).isEqualTo(
                "story.yaml:17:29: keyFacts[0].value: argument 'value' must be " + SHAPES + " or a list of these");
    }
}
