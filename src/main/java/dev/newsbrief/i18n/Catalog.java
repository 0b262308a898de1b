package dev.newsbrief.i18n;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.text.MessagePattern;
import com.ibm.icu.util.ULocale;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Everything one language needs: its locale, its messages (ICU MessageFormat patterns
 * keyed by dotted names) and its lexicon — the shared translations, or those with one
 * story's own wording merged over them ({@link #withStoryWording}). Immutable; patterns are
 * compiled once and shared, and callers get their own copy to format with (MessageFormat
 * is not thread-safe).
 */
public final class Catalog {
    private final String tag;
    private final ULocale locale;
    private final String messagesFile;
    private final Map<String, String> messages;
    private final Map<String, Origin> origins;
    private final Lexicon lexicon;
    private final Map<String, MessageFormat> compiled;
    /** For a story's catalog: the shared one, whose compiled patterns serve every key the story does not reword. */
    private final Catalog shared;
    private final Set<String> storyKeys;
    private final Map<String, Set<String>> argumentNames = new ConcurrentHashMap<>();
    private volatile LocaleFormatter formatter;
    /** The line-breaking rules of any language by tag (a document may hold several); none by default. */
    private final Function<String, Typography> typographies;

    /**
     * @param tag          the BCP 47 tag, as named by the directory under {@code translations/}
     * @param locale       the ICU locale for that tag
     * @param messagesFile the shared messages file, for errors about keys it lacks
     * @param messages     key → pattern
     * @param origins      key → where it was written
     * @param lexicon      the names and their forms
     */
    public Catalog(String tag, ULocale locale, String messagesFile, Map<String, String> messages,
                   Map<String, Origin> origins, Lexicon lexicon) {
        this(tag, locale, messagesFile, messages, origins, lexicon, null, Typography::none, new ConcurrentHashMap<>(), null, Set.of());
    }

    private Catalog(String tag, ULocale locale, String messagesFile, Map<String, String> messages,
                    Map<String, Origin> origins, Lexicon lexicon, LocaleFormatter formatter,
                    Function<String, Typography> typographies, Map<String, MessageFormat> compiled, Catalog shared,
                    Set<String> storyKeys) {
        this.tag = tag;
        this.locale = locale;
        this.messagesFile = messagesFile;
        this.messages = Map.copyOf(messages);
        this.origins = Map.copyOf(origins);
        this.lexicon = lexicon;
        this.formatter = formatter;
        this.typographies = Objects.requireNonNull(typographies, "The parameter 'typographies' must not be null");
        this.compiled = compiled;
        this.shared = shared;
        this.storyKeys = storyKeys;
    }

    /**
     * This catalog with the line-breaking rules of every language: {@code typographies} gives
     * the rules of a language tag (those of a language without rules are empty).
     */
    public Catalog withTypography(Function<String, Typography> typographies) {
        return new Catalog(tag, locale, messagesFile, messages, origins, lexicon, formatter, typographies, compiled, shared, storyKeys);
    }

    /** The line-breaking rules of this catalog's language ({@code translations/<tag>/typography.yaml}). */
    public Typography typography() {
        return typographies.apply(tag);
    }

    /**
     * The line-breaking rules of the language {@code otherTag} (a {@code lang} attribute inside a
     * document of this language), or none when it has no rules.
     */
    public Typography typography(String otherTag) {
        return typographies.apply(otherTag);
    }

    /**
     * This catalog with a story's own messages and lexicon laid over it, key by key. The
     * patterns this catalog compiled serve the story's catalog too, for keys the story keeps:
     * a batch compiles each shared message once, not once a story.
     */
    public Catalog withStoryWording(Map<String, String> storyMessages, Map<String, Origin> storyOrigins, Lexicon storyLexicon) {
        return withStoryWording(storyMessages, storyOrigins, storyLexicon, Map.of());
    }

    /** As {@link #withStoryWording(Map, Map, Lexicon)}, with the story's patterns already compiled (as checking them does). */
    Catalog withStoryWording(Map<String, String> storyMessages, Map<String, Origin> storyOrigins, Lexicon storyLexicon,
                             Map<String, MessageFormat> storyCompiled) {
        Map<String, String> merged = new LinkedHashMap<>(messages);
        merged.putAll(storyMessages);
        Map<String, Origin> mergedOrigins = new LinkedHashMap<>(origins);
        mergedOrigins.putAll(storyOrigins);
        Catalog base = shared != null ? shared : this;
        Set<String> keys = new java.util.HashSet<>(storyKeys);
        keys.addAll(storyMessages.keySet());
        Map<String, MessageFormat> own = new ConcurrentHashMap<>();
        if (shared != null) {
            own.putAll(compiled);
        }
        own.putAll(storyCompiled);
        return new Catalog(tag, locale, messagesFile, merged, mergedOrigins, lexicon.merge(storyLexicon), formatter(), typographies,
                own, base, Set.copyOf(keys));
    }

    /** Keeps patterns compiled while they were checked, so rendering does not compile them again. */
    Catalog withCompiled(Map<String, MessageFormat> patterns) {
        compiled.putAll(patterns);
        return this;
    }

    public String tag() {
        return tag;
    }

    public ULocale locale() {
        return locale;
    }

    public String messagesFile() {
        return messagesFile;
    }

    public Map<String, String> messages() {
        return messages;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** Where message {@code key} was written; the shared messages file when it is missing. */
    public Origin origin(String key) {
        return origins.getOrDefault(key, new Origin(messagesFile, 0, 0));
    }

    /** The ICU formatter of this language, built once (collator, list and plural rules are not free). */
    public LocaleFormatter formatter() {
        LocaleFormatter current = formatter;
        if (current == null) {
            current = new LocaleFormatter(locale);
            formatter = current;
        }
        return current;
    }

    public Optional<String> pattern(String key) {
        return Optional.ofNullable(messages.get(key));
    }

    /** A private, ready-to-use copy of the compiled message {@code key}, or empty if there is none. */
    Optional<MessageFormat> message(String key) {
        String pattern = messages.get(key);
        if (pattern == null) {
            return Optional.empty();
        }
        if (shared != null && !storyKeys.contains(key)) {
            return shared.message(key);
        }
        return Optional.of((MessageFormat) compiled.computeIfAbsent(key, k -> compile(pattern)).clone());
    }

    /** Compiles a pattern of this language. */
    MessageFormat compile(String pattern) {
        return new MessageFormat(pattern, locale);
    }

    /** Argument names a message uses, as written (with facets, e.g. {@code host_gen}), nested ones included. */
    public Set<String> argumentNames(String key) {
        String pattern = messages.get(key);
        return pattern == null ? Set.of() : argumentNames.computeIfAbsent(key, k -> argumentNamesOf(pattern));
    }

    /** Every argument name in a pattern, also those inside plural and select branches (ICU lists only the top level). */
    static Set<String> argumentNamesOf(String pattern) {
        MessagePattern parsed = new MessagePattern(pattern);
        TreeSet<String> names = new TreeSet<>();
        // Parts of type ARG_NAME are the names of every argument, however deeply nested.
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            }
        }
        return java.util.Collections.unmodifiableSortedSet(names);
    }
}
