package dev.newsbrief.i18n;

import dev.newsbrief.model.Story;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which message keys are used, for the "unused" column of {@code newsbrief translations}. A key
 * is used when
 * <ul>
 * <li>a template (embedded, or in {@code --templates}) calls {@code nb.msg("key"…)} or
 *     {@code nb.cssPageCounter("key")} with it as a literal;</li>
 * <li>a template builds it at run time as a literal prefix joined to an expression —
 *     {@code nb.msg("event." + event.kindId(), …)} — then every key under that prefix counts as
 *     used (which kinds exist is known only at run time);</li>
 * <li>a story uses it: its claims ({@code claim.<name>}), section headings and key-fact labels;</li>
 * <li>newsbrief itself formats it by name ({@link #ENGINE_KEYS}, {@link #ENGINE_PREFIXES}).</li>
 * </ul>
 * A key reached any other way (a template that passes a variable holding a whole key) is
 * reported as unused: the report says "no use found", not "safe to delete".
 *
 * @param keys     keys used as written
 * @param prefixes prefixes of keys built at run time
 */
public record CoverageUsage(Set<String> keys, Set<String> prefixes) {
    /** Keys newsbrief's own code formats by name (HTML switcher, quotation marks, the newsletter's email). */
    public static final Set<String> ENGINE_KEYS = Set.of("meta.languageName", "quote.inline", "quote.paraphrase",
            "newsletter.subject", "newsletter.preheader", "newsletter.separator", "newsletter.links", "newsletter.noBreakAfter");
    /** Prefixes newsbrief's own code completes at run time: dates by precision. */
    public static final Set<String> ENGINE_PREFIXES = Set.of("date.", "when.");

    /** {@code nb.msg(} or {@code nb.cssPageCounter(} then a string literal, then what follows it (a {@code +} or not). */
    private static final Pattern CALL = Pattern.compile(
            "nb\\.(?:msg|cssPageCounter)\\(\\s*\"([A-Za-z0-9_.\\-]*)\"\\s*(\\+)?");
    private static final List<String> TEMPLATE_ENDINGS = List.of(".ftl", ".ftlh", ".ftlx");

    public CoverageUsage {
        keys = Set.copyOf(keys);
        prefixes = Set.copyOf(prefixes);
    }

    /** Whether {@code key} is used by any of the ways above. */
    public boolean uses(String key) {
        return keys.contains(key) || prefixes.stream().anyMatch(key::startsWith);
    }

    /**
     * The usage found in {@code templates} (relative name → text) and {@code stories}, plus
     * newsbrief's own.
     */
    public static CoverageUsage scan(Map<String, String> templates, Collection<Story> stories) {
        Set<String> keys = new TreeSet<>(ENGINE_KEYS);
        Set<String> prefixes = new TreeSet<>(ENGINE_PREFIXES);
        templates.values().forEach(text -> {
            Matcher call = CALL.matcher(text);
            while (call.find()) {
                (call.group(2) != null ? prefixes : keys).add(call.group(1));
            }
        });
        stories.forEach(story -> keys.addAll(story.storyMessageKeys()));
        return new CoverageUsage(keys, prefixes);
    }

    /**
     * The text of every template newsbrief would use: the embedded ones, with the files of
     * {@code templates}' override replacing them by name. Sorted by name.
     */
    public static Map<String, String> templates(dev.newsbrief.resource.ResourceSet templates) {
        Map<String, String> found = new TreeMap<>();
        for (String name : templates.files("")) {
            if (TEMPLATE_ENDINGS.stream().anyMatch(name::endsWith)) {
                templates.find(name).ifPresent(template -> found.put(name, template.text()));
            }
        }
        return found;
    }
}
