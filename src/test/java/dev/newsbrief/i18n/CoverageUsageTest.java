package dev.newsbrief.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What counts as a use of a message key. */
class CoverageUsageTest {
    /** A literal key is used; a literal prefix joined to an expression uses every key under it; nothing else does. */
    @Test
    void literalKeysAndConcatenatedPrefixesAreUses() {
        CoverageUsage usage = CoverageUsage.scan(Map.of("a.ftlh",
                "${nb.msg(\"section.terms\")} ${nb.msg( \"event.\" + event.kindId(), event)} ${nb.msg(fact.labelKey())}"
                        + " ${nb.cssPageCounter(\"pdf.pageOf\")}"), List.of());

        assertThat(usage.uses("section.terms")).isTrue();
        assertThat(usage.uses("event.signing")).isTrue();
        assertThat(usage.uses("pdf.pageOf")).isTrue();
        assertThat(usage.uses("date.year")).as("formatted by newsbrief itself").isTrue();
        assertThat(usage.uses("section.termsOld")).isFalse();
        assertThat(usage.uses("section.people")).isFalse();
    }

    /** The embedded templates are all read, those under kinds/ and newsletter/ too. */
    @Test
    void readsEveryEmbeddedTemplate() {
        Map<String, String> templates = CoverageUsage.templates(new dev.newsbrief.resource.ResourceSet("templates", null));

        assertThat(templates).containsKeys("brief.ftlh", "article.ftlh", "kinds/ceasefire/key-facts.ftlh", "newsletter/email.ftl");
        assertThat(CoverageUsage.scan(templates, List.of()).uses("newsletter.unsubscribe")).isTrue();
    }
}
