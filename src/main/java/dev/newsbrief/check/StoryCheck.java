package dev.newsbrief.check;

import dev.newsbrief.build.Builder;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Origin;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.CheckedStory;
import dev.newsbrief.model.Claim;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.model.UnknownNameException;
import dev.newsbrief.model.YamlLocator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Stories and story bundles: every problem of each story file (see {@link StoryLoader#check}),
 * then, against the translations, what {@code build} would stop at one at a time — a bundle
 * file for a language that has no translations, wording (claims, section headings, key-fact
 * labels, entity names) missing in a language or in all of them, and claims whose arguments
 * differ from those their message uses. Problems of the shared translations themselves are
 * {@link TranslationCheck}'s: a language whose shared files do not load is skipped here.
 */
final class StoryCheck implements Check {

    /** A story that could be read, and the bundle folder its wording files live in (none for a single file). */
    private record Input(StorySource source, String bundle) { }

    @Override
    public void run(Project project, Problems problems) {
        Translations translations = new Translations(project.translationSet(), project.limits());
        SortedSet<String> tags = tags(translations);
        List<Input> inputs = new ArrayList<>();
        if (project.stories().isEmpty()) {
            // The embedded story is part of newsbrief, not input: a lowered --limit does not apply to it (as in build).
            StorySource source = Builder.embeddedDefaultSource(new StoryLoader(), tags);
            inputs.add(new Input(source, "(embedded) " + Builder.DEFAULT_STORY));
        } else {
            StoryLoader loader = new StoryLoader(project.limits());
            for (Path path : project.stories()) {
                CheckedStory checked = loader.check(path);
                checked.problems().forEach(problem -> problems.add(problem(problem)));
                if (checked.source() != null) {
                    inputs.add(new Input(checked.source(), Files.isDirectory(path) ? path.toString() : null));
                }
            }
        }
        uniqueIds(inputs, problems);
        for (Input input : inputs) {
            wording(input, translations, tags, problems);
        }
    }

    /** A loader's problem, with a "did you mean" when it named something unknown. */
    static Problem problem(InvalidInputException e) {
        return e instanceof UnknownNameException unknown ? Problem.of(e, Hints.didYouMean(unknown.name(), unknown.known())) : Problem.of(e);
    }

    /** The languages, or none when the translations folder itself is broken (which {@link TranslationCheck} reports). */
    private static SortedSet<String> tags(Translations translations) {
        try {
            return translations.tags();
        } catch (InvalidInputException e) {
            return new TreeSet<>();
        }
    }

    private static void uniqueIds(List<Input> inputs, Problems problems) {
        Map<String, StorySource> byId = new LinkedHashMap<>();
        for (Input input : inputs) {
            String id = input.source().story().id();
            if (id == null) {
                continue;
            }
            StorySource earlier = byId.putIfAbsent(id, input.source());
            if (earlier != null) {
                problems.add(Problem.of(input.source().error("id", "story id '" + id + "' is also used by " + earlier.file()
                        + "; each story needs its own id (it names the output files)")));
            }
        }
    }

    private static void wording(Input input, Translations translations, SortedSet<String> tags, Problems problems) {
        StorySource source = input.source();
        for (var entry : source.wording().entrySet()) {
            if (!tags.isEmpty() && !tags.contains(entry.getKey())) {
                problems.error(entry.getValue().displayName(), 0, 0, "", "no language '" + entry.getKey() + "' under translations/ (available: "
                        + String.join(", ", tags) + "); name the file after one of them, or add that language's translations",
                        Hints.didYouMean(entry.getKey(), tags));
            }
        }
        if (source.story().event() == null) {
            // A story without its event was reported already; its claims cannot be listed.
            return;
        }
        SortedMap<String, Catalog> catalogs = new TreeMap<>();
        for (String tag : tags) {
            try {
                translations.catalog(tag);
            } catch (InvalidInputException e) {
                continue;
            }
            try {
                catalogs.put(tag, translations.catalog(tag, source));
            } catch (InvalidInputException e) {
                problems.add(e);
            }
        }
        if (catalogs.isEmpty()) {
            return;
        }
        Story story = source.story();
        Map<String, Claim> claims = new LinkedHashMap<>();
        story.allClaims().forEach((path, claim) -> {
            if (claim.claim() != null) {
                claims.put(path, claim);
            }
        });
        claims.forEach((path, claim) -> messageKey(input, catalogs, path + ".claim", claim.messageKey(), "claim", problems));
        for (int i = 0; i < story.sections().size(); i++) {
            if (story.sections().get(i).id() != null) {
                messageKey(input, catalogs, "sections[" + i + "].id", story.sections().get(i).headingKey(), "section heading", problems);
            }
        }
        for (int i = 0; i < story.keyFacts().size(); i++) {
            if (story.keyFacts().get(i).label() != null) {
                messageKey(input, catalogs, "keyFacts[" + i + "].label", story.keyFacts().get(i).labelKey(), "key-fact label", problems);
            }
        }
        for (String id : story.entities().keySet()) {
            entityName(input, catalogs, id, problems);
        }
        claims.forEach((path, claim) -> arguments(source, catalogs, path, claim, problems));
    }

    /**
     * One problem when no language has the message (likely a typo: with a hint over the keys
     * the languages have), else one per language that lacks it, naming the file to add it to.
     */
    private static void messageKey(Input input, SortedMap<String, Catalog> catalogs, String field, String key, String what,
                                   Problems problems) {
        List<String> missing = catalogs.values().stream().filter(catalog -> catalog.pattern(key).isEmpty()).map(Catalog::tag).toList();
        if (missing.isEmpty()) {
            return;
        }
        int dot = key.indexOf('.');
        String group = key.substring(0, dot);
        String name = key.substring(dot + 1);
        String where = "under 'messages: " + group + ":'";
        YamlLocator.Position at = input.source().locator().find(field);
        String file = input.source().file();
        if (missing.size() == catalogs.size()) {
            Set<String> known = new TreeSet<>();
            catalogs.values().forEach(catalog -> catalog.messages().keySet().stream()
                    .filter(candidate -> candidate.startsWith(group + ".")).forEach(candidate -> known.add(candidate.substring(group.length() + 1))));
            problems.error(file, at.line(), at.column(), field, "no language has a message for " + what + " '" + name + "' (" + key
                    + "); add '" + name + "' " + where + " in " + files(input, missing, Translations.MESSAGES), hint(input, name, known));
            return;
        }
        for (String tag : missing) {
            problems.error(file, at.line(), at.column(), field, "no wording for " + what + " '" + name + "' in language '" + tag
                    + "'; add '" + name + "' " + where + " in " + wordingFile(input, tag), "");
        }
    }

    private static void entityName(Input input, SortedMap<String, Catalog> catalogs, String id, Problems problems) {
        List<Catalog> missing = catalogs.values().stream().filter(catalog -> !catalog.lexicon().has(id)).toList();
        if (missing.isEmpty()) {
            return;
        }
        String field = "entities." + id;
        YamlLocator.Position at = input.source().locator().find(field);
        String file = input.source().file();
        if (missing.size() == catalogs.size()) {
            Set<String> known = new TreeSet<>();
            catalogs.values().forEach(catalog -> known.addAll(catalog.lexicon().entries().keySet()));
            problems.error(file, at.line(), at.column(), field, "no language has a name for '" + id + "'; add its forms under 'lexicon: entries:' in "
                    + files(input, missing.stream().map(Catalog::tag).toList(), Translations.LEXICON), Hints.didYouMean(id, known));
            return;
        }
        for (Catalog catalog : missing) {
            problems.error(file, at.line(), at.column(), field, "no name for '" + id + "' in language '" + catalog.tag()
                    + "'; add its forms (" + String.join(", ", catalog.lexicon().required()) + ") under 'lexicon: entries:' in "
                    + wordingFile(input, catalog.tag()) + ", or to translations/" + catalog.tag() + "/lexicon.yaml if other stories name it too", "");
        }
    }

    /**
     * A message using an argument the claim does not give is an error (the build fails when it
     * is reached); a claim giving one a language does not use is a warning (that language may
     * word it without). When every language disagrees with the claim in the same way the claim
     * is wrong: one problem at the claim; otherwise one at each message that differs.
     */
    private static void arguments(StorySource source, SortedMap<String, Catalog> catalogs, String path, Claim claim, Problems problems) {
        String key = claim.messageKey();
        Set<String> given = new TreeSet<>(claim.args().keySet());
        Map<String, Set<String>> differing = new TreeMap<>();
        int worded = 0;
        for (Catalog catalog : catalogs.values()) {
            if (catalog.pattern(key).isEmpty()) {
                continue;
            }
            worded++;
            Set<String> used = catalog.argumentNames(key).stream().map(name -> name.split("_", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
            if (!used.equals(given)) {
                differing.put(catalog.tag(), used);
            }
        }
        if (differing.isEmpty()) {
            return;
        }
        YamlLocator.Position at = source.locator().find(claim.args().isEmpty() ? path : path + ".args");
        String field = claim.args().isEmpty() ? path : path + ".args";
        if (worded > 1 && differing.size() == worded && new TreeSet<>(differing.values().stream().map(Object::toString).toList()).size() == 1) {
            Set<String> used = differing.values().iterator().next();
            problems.add(new Problem(severity(used, given), source.file(), at.line(), at.column(), field,
                    "the claim gives " + names(given) + "; its message '" + key + "' uses " + names(used) + " in every language ("
                            + String.join(", ", differing.keySet()) + ")", advice(used, given)));
            return;
        }
        differing.forEach((tag, used) -> {
            Origin origin = catalogs.get(tag).origin(key);
            problems.add(new Problem(severity(used, given), origin.file(), origin.line(), origin.column(), key,
                    "message '" + key + "' in " + tag + " uses " + names(used) + "; the claim at " + source.file() + ":" + at.line() + ":"
                            + at.column() + " (" + path + ") gives " + names(given), advice(used, given)));
        });
    }

    private static Problem.Severity severity(Set<String> used, Set<String> given) {
        return given.containsAll(used) ? Problem.Severity.WARNING : Problem.Severity.ERROR;
    }

    private static String advice(Set<String> used, Set<String> given) {
        Set<String> lacking = new TreeSet<>(used);
        lacking.removeAll(given);
        Set<String> unused = new TreeSet<>(given);
        unused.removeAll(used);
        List<String> parts = new ArrayList<>();
        if (!lacking.isEmpty()) {
            parts.add("not given: " + names(lacking));
        }
        if (!unused.isEmpty()) {
            parts.add("not used: " + names(unused));
        }
        return String.join("; ", parts);
    }

    private static String names(Set<String> names) {
        return names.isEmpty() ? "no arguments" : names.stream().map(name -> "{" + name + "}").collect(Collectors.joining(", "));
    }

    /** "Did you mean", else, for a single-file story, where its own wording could live instead. */
    private static String hint(Input input, String name, Set<String> known) {
        String typo = Hints.didYouMean(name, known);
        if (!typo.isEmpty() || input.bundle() != null) {
            return typo;
        }
        return "wording that belongs to this story only goes in a bundle: a folder with story.yaml and a <language>.yaml per language";
    }

    /** The file that should hold the story's own wording in language {@code tag}. */
    private static String wordingFile(Input input, String tag) {
        if (input.bundle() == null) {
            return "translations/" + tag + "/messages.yaml (or make the story a bundle folder with its own " + tag + ".yaml)";
        }
        StorySource.Text existing = input.source().wording().get(tag);
        return existing != null ? existing.displayName() : input.bundle() + "/" + tag + ".yaml";
    }

    /** The files of {@code tags} that should hold a story's own wording; {@code shared}: the file of the shared translations. */
    private static String files(Input input, List<String> tags, String shared) {
        if (input.bundle() == null) {
            return tags.stream().map(tag -> "translations/" + tag + "/" + shared).collect(Collectors.joining(", "));
        }
        return tags.stream().map(tag -> tag + ".yaml").collect(Collectors.joining(", ")) + " of " + input.bundle();
    }
}
