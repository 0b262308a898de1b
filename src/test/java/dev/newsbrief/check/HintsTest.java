package dev.newsbrief.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HintsTest {
    private static final List<String> ENTITIES = List.of("armenia", "azerbaijan", "washington", "white-house", "trump", "pashinyan");

    @Test
    void aTypoFindsTheNameItMeant() {
        assertThat(Hints.didYouMean("pashinian", ENTITIES)).isEqualTo("did you mean 'pashinyan'?");
        assertThat(Hints.didYouMean("trum", ENTITIES)).isEqualTo("did you mean 'trump'?");
    }

    @Test
    void twoLettersSwappedCountAsOneEdit() {
        assertThat(Hints.distance("armneia", "armenia")).isEqualTo(1);
        assertThat(Hints.didYouMean("armneia", ENTITIES)).isEqualTo("did you mean 'armenia'?");
    }

    @Test
    void caseIsIgnoredWhenComparing() {
        assertThat(Hints.nearest("Trump", ENTITIES)).contains("trump");
    }

    @Test
    void aNameFarFromEveryCandidateGetsNoHint() {
        assertThat(Hints.didYouMean("netanyahu", ENTITIES)).isEmpty();
        assertThat(Hints.didYouMean("x", List.of())).isEmpty();
    }

    @Test
    void theAllowanceIsAThirdOfTheLongerName() {
        // 'abcdef' → 'abcxyz': 3 edits, allowance 6 / 3 = 2: no hint; 'abcdxy': 2 edits: a hint.
        assertThat(Hints.nearest("abcdef", List.of("abcxyz"))).isEmpty();
        assertThat(Hints.nearest("abcdef", List.of("abcdxy"))).contains("abcdxy");
        assertThat(Hints.nearest("ab", List.of("xy"))).isEmpty();
        assertThat(Hints.nearest("ab", List.of("ax"))).contains("ax");
    }

    @Test
    void tiesGoToTheFirstInSortedOrderWhateverTheInputOrder() {
        assertThat(Hints.nearest("bat", List.of("cat", "bar", "hat"))).contains("bar");
        assertThat(Hints.nearest("bat", List.of("hat", "cat", "bar"))).contains("bar");
    }

    @Test
    void theNameItselfIsNoHint() {
        assertThat(Hints.nearest("trump", ENTITIES)).isEmpty();
    }
}
