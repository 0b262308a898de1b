package dev.newsbrief.check;

import dev.newsbrief.i18n.TranslationFiles;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the templates (the embedded ones with the {@code --templates} ones over them) and what
 * the stories ask of them: FreeMarker syntax, message keys a template names literally
 * ({@code nb.msg("label.sources", …)}) that no language has, a story kind that looks like a
 * misspelt {@code templates/kinds/<kind>/}, and an event kind without its {@code event.<kind>}
 * message (and {@code headline.<kind>}, {@code standfirst.<kind>} when the story words none).
 */
final class TemplateCheck implements Check {
    private static final String ROOT = "templates";
    private static final List<String> EXTENSIONS = List.of(".ftlh", ".ftlx", ".ftl");
    /** The template functions whose first argument is a message key: {@code nb.msg("key"…)}, {@code nb.cssPageCounter("key")}. */
    private static final Pattern LITERAL_KEY = Pattern.compile("\\bnb\\s*\\.\\s*(msg|cssPageCounter)\\s*\\(\\s*(\"([^\"\\\\]*)\"|'([^'\\\\]*)')\\s*[,)]");
    private static final Pattern COMMENT = Pattern.compile("<#--.*?-->|\\[#--.*?--\\]", Pattern.DOTALL);

    @Override
    public void run(Project project, Problems problems) {
        ResourceSet templates = project.templateSet();
        ResourceSet translationFiles = project.translationSet();
        SortedSet<String> tags = new Translations(translationFiles, project.limits()).tags();
        List<StorySource> stories = TranslationCheck.stories(project, tags);
        Map<String, Set<String>> keysByTag = keys(translationFiles, tags, project);
        Set<String> anyLanguage = new TreeSet<>();
        keysByTag.values().forEach(anyLanguage::addAll);
        // A template key may be worded only by the stories that use it.
        for (StorySource story : stories) {
            story.wording().values().forEach(text -> TranslationFiles.storyWording(text.displayName(), text.content(), project.limits())
                    .getKey().messages().forEach(message -> anyLanguage.add(message.key())));
        }
        Configuration configuration = configuration();
        for (String name : names(templates)) {
            ResourceSet.Resource template = templates.find(name).orElseThrow();
            parse(configuration, name, template, problems);
            checkKeys(template, anyLanguage, problems);
        }
        SortedSet<String> kinds = templates.directories("kinds");
        for (StorySource source : stories) {
            checkKind(source, kinds, problems);
            checkEventMessages(source, tags, translationFiles, project, keysByTag, problems);
        }
    }

    /** A configuration that parses as the renderer's does (same version, auto-escaping by extension). */
    private static Configuration configuration() {
        // Parsed as the build parses them.
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        dev.newsbrief.render.Renderer.configure(configuration);
        return configuration;
    }

    private static void parse(Configuration configuration, String name, ResourceSet.Resource template, Problems problems) {
        try {
            new Template(name, template.displayName(), new StringReader(template.text()), configuration);
        } catch (ParseException e) {
            problems.error(template.displayName(), e.getLineNumber(), e.getColumnNumber(), "",
                    "template syntax error: " + e.getEditorMessage().lines().findFirst().orElse("").strip(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse template " + name, e);
        }
    }

    /** Every message key written literally as the first argument of {@code nb.msg} must be in some language. */
    private static void checkKeys(ResourceSet.Resource template, Set<String> known, Problems problems) {
        String text = template.text();
        Matcher comments = COMMENT.matcher(text);
        StringBuilder code = new StringBuilder(text);
        while (comments.find()) {
            for (int i = comments.start(); i < comments.end(); i++) {
                if (code.charAt(i) != '\n') {
                    code.setCharAt(i, ' ');
                }
            }
        }
        Matcher call = LITERAL_KEY.matcher(code);
        while (call.find()) {
            String key = call.group(3) != null ? call.group(3) : call.group(4);
            if (known.contains(key)) {
                continue;
            }
            int at = call.start(2) + 1;
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String hint = Hints.didYouMean(key, known);
            problems.error(template.displayName(), line, text.codePointCount(lineStart, at) + 1, key,
                    "unknown message key: no language's messages have it",
                    hint.isEmpty() ? "add it to translations/" + TranslationCheck.SOURCE + "/" + Translations.MESSAGES + " and the other languages" : hint);
        }
    }

    /**
     * A story kind is served by {@code templates/kinds/<kind>/} or, failing that, by the generic
     * templates; a kind that is one typo away from a kind folder almost certainly meant it.
     */
    private static void checkKind(StorySource source, SortedSet<String> kinds, Problems problems) {
        String kind = source.story().kind();
        if (kind == null || kinds.contains(kind)) {
            return;
        }
        String hint = Hints.didYouMean(kind, kinds);
        if (!hint.isEmpty()) {
            InvalidInputException at = source.error("kind", "");
            problems.warning(at.file(), at.line(), at.column(), "kind", "no templates/kinds/" + kind
                    + "/, so the generic templates serve this story (kinds with their own templates: " + String.join(", ", kinds) + ")", hint);
        }
    }

    /** The templates word every event by {@code event.<kind>} (and the headline and standfirst when the story has none). */
    private static void checkEventMessages(StorySource source, SortedSet<String> tags, ResourceSet translationFiles, Project project,
                                           Map<String, Set<String>> shared, Problems problems) {
        Story story = source.story();
        if (story.event() == null || story.event().kind() == null) {
            return;
        }
        String kind = story.event().kindId();
        List<String> needed = Stream.of("headline." + kind, "standfirst." + kind, "event." + kind)
                .filter(key -> !(key.startsWith("headline.") && story.headline() != null))
                .filter(key -> !(key.startsWith("standfirst.") && story.standfirst() != null))
                .toList();
        for (String tag : tags) {
            Set<String> keys = new TreeSet<>(shared.getOrDefault(tag, Set.of()));
            StorySource.Text wording = source.wording().get(tag);
            if (wording != null) {
                TranslationFiles.storyWording(wording.displayName(), wording.content(), project.limits()).getKey().messages()
                        .forEach(message -> keys.add(message.key()));
            }
            for (String key : needed) {
                if (!keys.contains(key)) {
                    InvalidInputException at = source.error("event.kind", "");
                    problems.error(at.file(), at.line(), at.column(), "event.kind", "no message '" + key + "' in language '" + tag
                            + "'; the templates word a '" + kind + "' event with it",
                            "add it to translations/" + tag + "/" + Translations.MESSAGES + ", or to the story's " + tag + ".yaml under 'messages:'");
                }
            }
        }
    }

    /** Tag → every message key of that language: the shared ones (stories' own wording is added per story). */
    private static Map<String, Set<String>> keys(ResourceSet files, SortedSet<String> tags, Project project) {
        Map<String, Set<String>> keys = new TreeMap<>();
        for (String tag : tags) {
            Set<String> own = new TreeSet<>();
            for (ResourceSet.Resource layer : files.layers(tag + "/" + Translations.MESSAGES)) {
                TranslationFiles.messages(layer.displayName(), layer.text(), project.limits()).messages().forEach(message -> own.add(message.key()));
            }
            keys.put(tag, own);
        }
        return keys;
    }

    /** The relative names of every template, embedded and overriding, sorted. */
    private static SortedSet<String> names(ResourceSet templates) {
        SortedSet<String> names = new TreeSet<>();
        templates.files("").stream().filter(name -> EXTENSIONS.stream().anyMatch(name::endsWith)).forEach(names::add);
        return names;
    }
}
