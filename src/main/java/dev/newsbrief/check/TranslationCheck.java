package dev.newsbrief.check;

import com.ibm.icu.util.ULocale;
import dev.newsbrief.build.Builder;
import dev.newsbrief.i18n.MessageShape;
import dev.newsbrief.i18n.Origin;
import dev.newsbrief.i18n.TranslationFiles;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.Entity;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks {@code translations/<tag>/} ({@code messages.yaml}, {@code lexicon.yaml},
 * {@code typography.yaml}, the embedded files with the {@code --translations} ones merged over
 * them) and the wording in each story bundle: YAML syntax, keys written twice, invalid ICU
 * patterns, keys the source language (en) does not have, arguments that differ from en's,
 * plural and selectordinal categories the language's CLDR rules need, and lexicon forms
 * that a message asks of an entity the story can give it.
 */
final class TranslationCheck implements Check {
    /** The source language: every other language translates its keys. */
    static final String SOURCE = "en";

    /**
     * Messages given a fixed set of arguments rather than a record (see {@code Messages.dateArguments}):
     * a language may use any of them, whichever en uses.
     */
    private static final Map<String, Set<String>> FIXED_ARGUMENTS = Map.of(
            "date.", Set.of("date", "year", "month", "yearValue"),
            "when.", Set.of("date", "year", "month", "yearValue"));

    /** A message as merged for one language: the pattern and the file that wrote it. */
    private record Written(TranslationFiles.Message message, TranslationFiles.Messages file) { }

    @Override
    public void run(Project project, Problems problems) {
        ResourceSet files = project.translationSet();
        Translations translations = new Translations(files, project.limits());
        SortedSet<String> tags = translations.tags();
        Map<String, Map<String, Written>> messages = new TreeMap<>();
        Map<String, Lexicon> lexicons = new TreeMap<>();
        for (String tag : tags) {
            messages.put(tag, messages(files, tag, project, problems));
            lexicons.put(tag, lexicon(files, tag, project, problems));
        }
        Map<String, Written> source = messages.getOrDefault(SOURCE, Map.of());
        for (String tag : tags) {
            checkMessages(tag, messages.get(tag), source, true, problems);
        }
        for (String tag : tags) {
            List<Problem> known = problems.list();
            try {
                translations.typography(tag);
                translations.catalog(tag);
            } catch (InvalidInputException e) {
                // What the build refuses that the checks above did not already say (an unknown section, say).
                if (known.stream().noneMatch(p -> p.file().equals(e.file())
                        && (p.field().equals(e.field()) && !e.field().isEmpty() || p.line() == e.line() && p.column() == e.column()))) {
                    problems.add(e);
                }
            }
        }
        for (StorySource story : TranslationCheck.stories(project, tags)) {
            checkStory(story, tags, messages, lexicons, project, problems);
        }
    }

    /** The stories of the project that load; those that do not are the story check's to report. */
    static List<StorySource> stories(Project project, java.util.Collection<String> tags) {
        List<StorySource> stories = new ArrayList<>();
        if (project.stories().isEmpty()) {
            stories.add(Builder.embeddedDefaultSource(new StoryLoader(), tags));
            return stories;
        }
        StoryLoader loader = new StoryLoader(project.limits());
        for (Path path : project.stories()) {
            if (!Files.exists(path)) {
                continue;
            }
            try {
                stories.add(loader.loadSource(path));
            } catch (InvalidInputException e) {
                // Reported by StoryCheck.
            }
        }
        return stories;
    }

    private static Map<String, Written> messages(ResourceSet files, String tag, Project project, Problems problems) {
        Map<String, Written> merged = new TreeMap<>();
        for (ResourceSet.Resource layer : files.layers(tag + "/" + Translations.MESSAGES)) {
            TranslationFiles.Messages file = TranslationFiles.messages(layer.displayName(), layer.text(), project.limits());
            file.problems().forEach(problems::add);
            file.messages().forEach(message -> merged.put(message.key(), new Written(message, file)));
        }
        return merged;
    }

    /** A language's lexicon as merged: what every entry must have, the compositions, and each entry's forms and origin. */
    private record Lexicon(List<String> required, Map<String, String> compositions, Map<String, Map<String, String>> forms,
                           Map<String, Origin> origins) {
        Lexicon with(TranslationFiles.LexiconFile layer) {
            List<String> mustHave = new ArrayList<>(required);
            layer.required().stream().filter(form -> !mustHave.contains(form)).forEach(mustHave::add);
            Map<String, String> composed = new LinkedHashMap<>(compositions);
            composed.putAll(layer.compositions());
            Map<String, Map<String, String>> merged = new TreeMap<>(forms);
            Map<String, Origin> where = new TreeMap<>(origins);
            for (TranslationFiles.Entry entry : layer.entries()) {
                Map<String, String> combined = new LinkedHashMap<>(merged.getOrDefault(entry.id(), Map.of()));
                combined.putAll(entry.forms());
                merged.put(entry.id(), combined);
                where.put(entry.id(), entry.origin());
            }
            return new Lexicon(mustHave, composed, merged, where);
        }
    }

    private static Lexicon lexicon(ResourceSet files, String tag, Project project, Problems problems) {
        Lexicon lexicon = new Lexicon(List.of(), Map.of(), Map.of(), Map.of());
        for (ResourceSet.Resource layer : files.layers(tag + "/" + Translations.LEXICON)) {
            TranslationFiles.LexiconFile file = TranslationFiles.lexicon(layer.displayName(), layer.text(), project.limits());
            file.problems().forEach(problems::add);
            Lexicon below = lexicon;
            lexicon = lexicon.with(file);
            requireForms(file, below, lexicon.required(), problems);
        }
        return lexicon;
    }

    /** Every entry a layer writes must have, with what it is merged over, every form the language requires. */
    private static void requireForms(TranslationFiles.LexiconFile file, Lexicon below, List<String> required, Problems problems) {
        for (TranslationFiles.Entry entry : file.entries()) {
            Set<String> has = new TreeSet<>(below.forms().getOrDefault(entry.id(), Map.of()).keySet());
            has.addAll(entry.forms().keySet());
            List<String> missing = required.stream().filter(form -> !has.contains(form)).toList();
            if (!missing.isEmpty()) {
                problems.error(file.file(), entry.origin().line(), entry.origin().column(), "entries." + entry.id(),
                        "missing " + forms(missing) + "; every entry of this language needs " + String.join(", ", required),
                        "add " + String.join(", ", missing) + " to the entry");
            }
        }
    }

    private static String forms(List<String> names) {
        return (names.size() == 1 ? "form '" : "forms '") + String.join("', '", names) + "'";
    }

    /**
     * @param againstSource whether to compare keys and arguments with en's: not for a story's own
     *                      wording, whose claims the story check holds to the arguments each claim gives
     */
    private static void checkMessages(String tag, Map<String, Written> messages, Map<String, Written> source, boolean againstSource,
                                      Problems problems) {
        ULocale locale = ULocale.forLanguageTag(tag);
        for (Written written : messages.values()) {
            MessageShape shape = shape(written, problems);
            if (shape == null) {
                continue;
            }
            checkCategories(locale, tag, written, shape, problems);
            if (tag.equals(SOURCE) || !againstSource) {
                continue;
            }
            Written original = source.get(written.message().key());
            if (original == null) {
                Origin at = written.message().origin();
                problems.warning(at.file(), at.line(), at.column(), written.message().key(), "not in " + SOURCE + ": nothing uses it",
                        Hints.didYouMean(written.message().key(), source.keySet()));
                continue;
            }
            MessageShape expected = shapeOrNull(original.message().pattern());
            if (expected != null) {
                checkArguments(written, shape, expected, problems);
            }
        }
    }

    /** The shape of a message, or null after reporting its syntax error where ICU found it. */
    private static MessageShape shape(Written written, Problems problems) {
        try {
            return MessageShape.of(written.message().pattern());
        } catch (IllegalArgumentException e) {
            Origin at = written.file().at(written.message(), MessageShape.errorIndex(e));
            String icu = String.valueOf(e.getMessage()).replaceFirst("\\s*\\[at pattern index \\d+\\]", "");
            problems.error(at.file(), at.line(), at.column(), written.message().key(),
                    "not a valid ICU MessageFormat pattern: " + icu, "check the braces and the commas of {argument, type, …}");
            return null;
        }
    }

    private static MessageShape shapeOrNull(String pattern) {
        try {
            return MessageShape.of(pattern);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void checkCategories(ULocale locale, String tag, Written written, MessageShape shape, Problems problems) {
        for (MessageShape.Choice choice : shape.choices()) {
            List<String> missing = choice.missingCategories(locale);
            if (!missing.isEmpty()) {
                Origin at = written.message().origin();
                String type = choice.ordinal() ? "selectordinal" : "plural";
                problems.error(at.file(), at.line(), at.column(), written.message().key(),
                        "{" + choice.argument() + ", " + type + "} has no " + String.join(", ", missing) + "; '" + tag + "' needs "
                                + String.join(", ", MessageShape.categories(locale, choice.ordinal())),
                        "add " + String.join(", ", missing.stream().map(category -> category + " {…}").toList()));
            }
        }
    }

    /**
     * The arguments of a translation must be those en's message is given: a language may use
     * fewer, or other forms of the same argument ({@code parties_ins}), but an argument en does
     * not use while it drops one en uses is a rename the story cannot fill.
     */
    private static void checkArguments(Written written, MessageShape shape, MessageShape expected, Problems problems) {
        String key = written.message().key();
        Origin at = written.message().origin();
        Set<String> fixed = FIXED_ARGUMENTS.entrySet().stream().filter(family -> key.startsWith(family.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse(null);
        if (fixed != null) {
            Set<String> unknown = new TreeSet<>(shape.heads());
            unknown.removeAll(fixed);
            if (!unknown.isEmpty()) {
                problems.error(at.file(), at.line(), at.column(), key, "uses " + braces(unknown) + ", which this message is not given;"
                        + " it is given " + braces(new TreeSet<>(fixed)), Hints.didYouMean(unknown.iterator().next(), fixed));
            }
            return;
        }
        Set<String> extra = new TreeSet<>(shape.heads());
        extra.removeAll(expected.heads());
        Set<String> dropped = new TreeSet<>(expected.heads());
        dropped.removeAll(shape.heads());
        if (!extra.isEmpty() && !dropped.isEmpty()) {
            problems.error(at.file(), at.line(), at.column(), key, "uses " + braces(extra) + "; " + SOURCE + " uses " + braces(dropped),
                    "name the arguments as " + SOURCE + " does");
        }
    }

    private static String braces(Set<String> names) {
        return String.join(", ", names.stream().map(name -> "{" + name + "}").toList());
    }

    /** A story's own wording, and the lexicon forms its messages ask of its entities. */
    private static void checkStory(StorySource story, SortedSet<String> tags, Map<String, Map<String, Written>> shared,
                                   Map<String, Lexicon> lexicons, Project project, Problems problems) {
        Map<String, Map<String, Written>> merged = new TreeMap<>();
        Map<String, Lexicon> storyLexicons = new TreeMap<>();
        Map<String, Map<String, Written>> own = new TreeMap<>();
        for (String tag : tags) {
            Map<String, Written> messages = new TreeMap<>(shared.get(tag));
            Lexicon lexicon = lexicons.get(tag);
            Map<String, Written> storyMessages = new TreeMap<>();
            StorySource.Text text = story.wording().get(tag);
            if (text != null) {
                var wording = TranslationFiles.storyWording(text.displayName(), text.content(), project.limits());
                wording.getKey().problems().forEach(problems::add);
                wording.getValue().problems().forEach(problems::add);
                wording.getKey().messages().forEach(message -> storyMessages.put(message.key(), new Written(message, wording.getKey())));
                Lexicon below = lexicon;
                lexicon = lexicon.with(wording.getValue());
                requireForms(wording.getValue(), below, lexicon.required(), problems);
            }
            messages.putAll(storyMessages);
            merged.put(tag, messages);
            own.put(tag, storyMessages);
            storyLexicons.put(tag, lexicon);
        }
        for (String tag : tags) {
            checkMessages(tag, own.get(tag), Map.of(), false, problems);
            checkForms(story.story(), merged.get(tag), storyLexicons.get(tag), problems);
        }
    }

    /**
     * Every form a message asks of an entity ({@code {party_gen}}) must be in the lexicon entry
     * of every entity the story can give that argument: the entities in fields of that name
     * (a claim's message: in that claim's arguments). Reported once per entry and form.
     */
    private static void checkForms(Story story, Map<String, Written> messages, Lexicon lexicon, Problems problems) {
        Map<String, Set<String>> byField = new TreeMap<>();
        collect(story, byField, 0);
        Map<String, Map<String, Set<String>>> byClaim = new TreeMap<>();
        story.allClaims().values().forEach(claim -> collect(claim.args(),
                byClaim.computeIfAbsent(claim.messageKey(), key -> new TreeMap<>()), 0));
        // A facet no entry has and the language does not require is not a form ({by_year} of a date field named like an entity one).
        Set<String> knownForms = new TreeSet<>(lexicon.required());
        lexicon.forms().values().forEach(forms -> knownForms.addAll(forms.keySet()));
        Set<String> reported = new TreeSet<>();
        for (Written written : messages.values()) {
            MessageShape shape = shapeOrNull(written.message().pattern());
            if (shape == null) {
                continue;
            }
            Map<String, Set<String>> given = written.message().key().startsWith("claim.")
                    ? byClaim.getOrDefault(written.message().key(), Map.of()) : byField;
            for (String argument : shape.arguments()) {
                for (String id : given.getOrDefault(MessageShape.head(argument), Set.of())) {
                    for (Map.Entry<String, String> need : needs(story, id, MessageShape.facet(argument), lexicon).entrySet()) {
                        String entity = need.getKey();
                        String form = need.getValue();
                        Map<String, String> forms = lexicon.forms().get(entity);
                        if (forms == null || forms.containsKey(form) || !knownForms.contains(form) || !reported.add(entity + "\n" + form)) {
                            // An entity with no entry at all is the story check's to report.
                            continue;
                        }
                        Origin at = lexicon.origins().get(entity);
                        problems.error(at.file(), at.line(), at.column(), "entries." + entity,
                                "no form '" + form + "', which {" + argument + "} in message '" + written.message().key() + "' needs",
                                "add " + form + ": … to the entry (forms here: " + String.join(", ", new TreeSet<>(forms.keySet())) + ")");
                    }
                }
            }
        }
    }

    /** Entity id → the form an argument's facet asks of it (or of its office and country, for a composition). */
    private static Map<String, String> needs(Story story, String id, String facet, Lexicon lexicon) {
        Map<String, String> needs = new TreeMap<>();
        String form = facet.isEmpty() || facet.equals("first") ? "nom" : facet.startsWith("first_") ? facet.substring(6) : facet;
        if (form.equals("count") || form.equals("kind")) {
            return needs;
        }
        String composition = null;
        String grammaticalCase = "nom";
        if (lexicon.compositions().containsKey(form)) {
            composition = lexicon.compositions().get(form);
        } else if (form.lastIndexOf('_') > 0 && lexicon.compositions().containsKey(form.substring(0, form.lastIndexOf('_')))) {
            composition = lexicon.compositions().get(form.substring(0, form.lastIndexOf('_')));
            grammaticalCase = form.substring(form.lastIndexOf('_') + 1);
        }
        if (composition == null) {
            needs.put(id, form);
            return needs;
        }
        MessageShape shape = shapeOrNull(composition.replace("CASE", grammaticalCase));
        if (shape == null) {
            return needs;
        }
        Entity entity = story.entities().get(id);
        boolean person = entity != null && entity.office() != null;
        for (String argument : shape.arguments()) {
            String part = MessageShape.head(argument);
            String partForm = MessageShape.facet(argument).isEmpty() ? "nom" : MessageShape.facet(argument);
            if (part.equals("self")) {
                needs.put(id, partForm);
            } else if (person && part.equals("office")) {
                needs.put(entity.office(), partForm);
            } else if (person && part.equals("of") && entity.of() != null) {
                needs.put(entity.of().id(), partForm);
            }
        }
        return needs;
    }

    /** Field name → the ids of the entities found under fields of that name, anywhere in {@code value}. */
    private static void collect(Object value, Map<String, Set<String>> byField, int depth) {
        if (value == null || depth > 12) {
            return;
        }
        if (value instanceof Record record && !(value instanceof EntityRef)) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Object child = component.getAccessor().invoke(record);
                    add(component.getName(), child, byField);
                    collect(child, byField, depth + 1);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> {
                add(String.valueOf(key), child, byField);
                collect(child, byField, depth + 1);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(item -> collect(item, byField, depth + 1));
        }
    }

    private static void add(String name, Object value, Map<String, Set<String>> byField) {
        if (value instanceof EntityRef ref) {
            byField.computeIfAbsent(name, key -> new TreeSet<>()).add(ref.id());
        } else if (value instanceof List<?> list) {
            list.stream().filter(EntityRef.class::isInstance)
                    .forEach(item -> byField.computeIfAbsent(name, key -> new TreeSet<>()).add(((EntityRef) item).id()));
        }
    }
}
