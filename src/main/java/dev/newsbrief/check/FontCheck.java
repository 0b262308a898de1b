package dev.newsbrief.check;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.MessagePattern;
import dev.newsbrief.build.Builder;
import dev.newsbrief.font.FontConfig;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Lexicon;
import dev.newsbrief.i18n.Origin;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Quote;
import dev.newsbrief.model.Source;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.pdf.MissingGlyphException;
import dev.newsbrief.pdf.PdfFonts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Characters the PDF fonts cannot draw, found before a build refuses them: for each language,
 * every character of the text its brief would draw — the story's titles and quotes, the story's
 * own wording, the shared messages and the lexicon forms — is looked up in that language's
 * families of {@code templates/pdf/fonts.yaml}, with the same test the PDF renderer makes. One
 * error per language and field, at the field, naming the first character missing there, its
 * script and the font to add. {@code fonts.yaml} itself is checked first: a mistake in it, or a
 * font file that is missing or unreadable, is the one problem reported.
 * <p>
 * Everything is walked in a fixed order (stories as given, fields in document order, languages,
 * message keys, lexicon entries and forms sorted), so the same inputs give the same report.
 */
final class FontCheck implements Check {
    @Override
    public void run(Project project, Problems problems) {
        PdfFonts fonts = PdfFonts.of(FontConfig.load(project.templateSet(), project.limits()));
        Translations translations = new Translations(project.translationSet(), project.limits());
        Set<String> tags;
        try {
            tags = translations.tags();
        } catch (InvalidInputException e) {
            return; // TranslationCheck reports a folder that is not a language tag
        }
        Walk walk = new Walk(fonts, problems);
        for (String tag : tags) {
            Optional<Catalog> shared = quietly(() -> translations.catalog(tag));
            shared.ifPresent(catalog -> walk.catalog(catalog, null));
        }
        for (StorySource source : stories(project, translations, tags)) {
            walk.story(source, tags);
            for (String tag : tags) {
                Optional<Catalog> shared = quietly(() -> translations.catalog(tag));
                Optional<Catalog> own = quietly(() -> translations.catalog(tag, source));
                if (shared.isPresent() && own.isPresent()) {
                    walk.catalog(own.get(), shared.get());
                }
            }
        }
    }

    /** The stories as build would read them; one that does not load is StoryCheck's to report. */
    private static List<StorySource> stories(Project project, Translations translations, Set<String> tags) {
        List<StorySource> stories = new ArrayList<>();
        if (project.stories().isEmpty()) {
            quietly(() -> Builder.embeddedDefaultSource(new StoryLoader(), tags)).ifPresent(stories::add);
        }
        StoryLoader loader = new StoryLoader(project.limits());
        for (Path story : project.stories()) {
            quietly(() -> loader.loadSource(story)).ifPresent(stories::add);
        }
        return stories;
    }

    /** What a loader gives, or nothing when it fails: the check that owns that file reports why. */
    private static <T> Optional<T> quietly(java.util.function.Supplier<T> load) {
        try {
            return Optional.ofNullable(load.get());
        } catch (InvalidInputException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
    }

    /** One pass over the texts; remembers what it reported, so a field shared by several stories is reported once. */
    private static final class Walk {
        private final PdfFonts fonts;
        private final Problems problems;
        private final Set<List<Object>> reported = new HashSet<>();

        Walk(PdfFonts fonts, Problems problems) {
            this.fonts = fonts;
            this.problems = problems;
        }

        /** Titles and outlets of sources and the words of quotes, each in the language it is marked with. */
        void story(StorySource source, Set<String> tags) {
            List<Source> sources = source.story().sources();
            for (int i = 0; i < sources.size(); i++) {
                Source item = sources.get(i);
                storyField(source, item.language(), "sources[" + i + "].title", item.title());
                storyField(source, item.language(), "sources[" + i + "].outlet", item.outlet());
            }
            List<Quote> quotes = source.story().quotes();
            for (int i = 0; i < quotes.size(); i++) {
                Quote quote = quotes.get(i);
                storyField(source, quote.language(), "quotes[" + i + "].text", quote.text());
                // Quote keeps its translations in a Map.copyOf, whose order changes from run to run.
                for (var translation : new TreeMap<>(quote.translations()).entrySet()) {
                    if (tags.contains(translation.getKey())) {
                        storyField(source, translation.getKey(), "quotes[" + i + "].translations." + translation.getKey(),
                                translation.getValue());
                    }
                }
            }
        }

        private void storyField(StorySource source, String tag, String path, String text) {
            if (text == null) {
                return;
            }
            missing(tag, text).ifPresent(codePoint -> {
                InvalidInputException at = source.error(path, "");
                report(tag, at.file(), at.line(), at.column(), path, codePoint);
            });
        }

        /**
         * The messages and lexicon forms of {@code catalog}; with {@code shared}, only those the
         * story's own wording adds or changes (the shared ones were checked on their own).
         */
        void catalog(Catalog catalog, Catalog shared) {
            String tag = catalog.tag();
            for (var message : new TreeMap<>(catalog.messages()).entrySet()) {
                String key = message.getKey();
                if (shared != null && message.getValue().equals(shared.messages().get(key))
                        && catalog.origin(key).equals(shared.origin(key))) {
                    continue;
                }
                Origin origin = catalog.origin(key);
                missing(tag, literalText(message.getValue()))
                        .ifPresent(codePoint -> report(tag, origin.file(), origin.line(), origin.column(), key, codePoint));
            }
            Lexicon lexicon = catalog.lexicon();
            for (var entry : new TreeMap<>(lexicon.entries()).entrySet()) {
                String id = entry.getKey();
                for (var form : new TreeMap<>(entry.getValue()).entrySet()) {
                    if (shared != null && form.getValue().equals(shared.lexicon().form(id, form.getKey()).orElse(null))) {
                        continue;
                    }
                    Origin origin = lexicon.origin(id);
                    String field = "entries." + id + "." + form.getKey();
                    missing(tag, form.getValue())
                            .ifPresent(codePoint -> report(tag, origin.file(), origin.line(), origin.column(), field, codePoint));
                }
            }
        }

        private Optional<Integer> missing(String tag, String text) {
            int codePoint = fonts.firstMissing(text, fonts.families(tag));
            return codePoint < 0 ? Optional.empty() : Optional.of(codePoint);
        }

        private void report(String tag, String file, int line, int column, String field, int codePoint) {
            if (!reported.add(List.of(tag, file, line, column, field))) {
                return;
            }
            List<String> families = fonts.families(tag);
            problems.error(file, line, column, field, tag + ": character '" + Character.toString(codePoint) + "' ("
                    + describe(codePoint) + ") " + MissingGlyphException.notIn(families), hint(tag, codePoint));
        }
    }

    /** "U+03A9, GREEK CAPITAL LETTER OMEGA". */
    static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : ", " + name);
    }

    /** Which font to add: named by the character's script (ICU UScript), with a face that has it. */
    static String hint(String tag, int codePoint) {
        int script = UScript.getScript(codePoint);
        String where = " to templates/" + FontConfig.FILE + " under locales: " + tag;
        if (script == UScript.COMMON || script == UScript.INHERITED || script == UScript.UNKNOWN) {
            return "add a font that has this character" + where + ", or remove it";
        }
        String name = UScript.getName(script);
        String example = switch (script) {
            case UScript.LATIN, UScript.GREEK, UScript.CYRILLIC -> "Noto Serif covers Latin, Greek, Cyrillic";
            case UScript.ARMENIAN -> "Noto Serif Armenian, in templates/fonts";
            case UScript.HAN, UScript.HIRAGANA, UScript.KATAKANA, UScript.HANGUL -> "Noto Serif CJK";
            default -> "Noto Serif " + name + " or Noto Sans " + name;
        };
        return "add a font that has " + name + where + " (e.g. " + example + ")";
    }

    /**
     * The text a message draws besides its arguments: the literal parts of the pattern and of
     * each plural or select branch, without argument names, types, styles or selectors. A pattern
     * ICU cannot parse is TranslationCheck's to report; its whole text is checked here.
     */
    static String literalText(String pattern) {
        MessagePattern parsed;
        try {
            parsed = new MessagePattern(Objects.requireNonNull(pattern));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return pattern;
        }
        StringBuilder text = new StringBuilder();
        int from = -1;
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            switch (part.getType()) {
                case MSG_START -> from = part.getLimit();
                case ARG_LIMIT -> from = part.getLimit();
                case ARG_START, MSG_LIMIT, SKIP_SYNTAX, INSERT_CHAR, REPLACE_NUMBER -> {
                    if (from >= 0) {
                        text.append(pattern, from, part.getIndex());
                    }
                    from = part.getType() == MessagePattern.Part.Type.ARG_START
                            || part.getType() == MessagePattern.Part.Type.MSG_LIMIT ? -1 : part.getLimit();
                }
                default -> { }
            }
        }
        return text.toString();
    }
}
