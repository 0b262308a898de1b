package dev.newsbrief.render;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.newsbrief.i18n.LocaleFormatter;
import dev.newsbrief.i18n.Messages;
import dev.newsbrief.model.Benefit;
import dev.newsbrief.model.Claim;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.Quote;
import dev.newsbrief.model.RelativeTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The functions a template may call, as {@code nb.<function>(…)}. This is the whole
 * vocabulary templates have: they get data and these functions, never a service or file.
 * Every function formats for the language being rendered.
 *
 * <pre>
 * nb.msg("section.signing")                 a message with no arguments
 * nb.msg("signing.lede", story.signing)     arguments from a record's fields (see Messages)
 * nb.claim(claim)                           a claim of the story, worded by claim.&lt;name&gt;
 * nb.name(ref) / nb.name(ref, "gen")        an entity's name in a grammatical form
 * nb.date(date, "long")                     short | medium | long | full
 * nb.dateSkeleton(date, "yMMMMd")           an ICU skeleton; the locale orders the fields
 * nb.isoDate(date)                          2025-08-08, for machine-readable attributes
 * nb.number(n) / nb.spellout(n)             32 / thirty-two
 * nb.quantity(q, "long")                    long | short | narrow: 32 километра, 32 км
 * nb.relative(t)                            next week, на следующей неделе
 * nb.list(strings)                          A, B and C with the locale's conjunction
 * nb.plural(n)                              the CLDR plural category: one, few, many, other
 * nb.upper(s) nb.lower(s) nb.capitalize(s)  with the locale's case rules (az: i → İ)
 * nb.title(s)                               title case by words, with the locale's rules
 * nb.languageName(tag)                      "Russian" in this language (ICU display name)
 * nb.quote(s)                               s in this language's quotation marks (message quote.inline)
 * nb.translation(quote)                     the quote's translation into this language, or nothing
 * nb.paraphrase(quote, text)                reported speech by quote.paraphrase, the clause's own stop dropped
 * nb.sortByName(refs, form)                 entities sorted by this language's collation
 * nb.ordered(refs)                          entities in this language's order (lexicon precedence first)
 * nb.benefitsInOrder(benefits)              benefits, the parties this language puts first leading
 * nb.value(v)                               a typed value as a key-fact cell: names, quantities, money, dates
 * nb.partialDate(d)                         2020 | January 2025 | the long date, by the messages date.year|month|day
 * nb.day(date) / nb.fullDate(date)          a day standing alone / with its weekday (date.day, date.full)
 * nb.deadlines(story)                       the days the story's provisions fall due, earliest first
 * nb.timeline(story)                        the story's timeline drawn to scale (TimelineGraphic), dates by date.year|month|day
 * nb.money(m, "long")                       long | short | full: 25.5 billion British pounds, £25.5B
 * nb.json(hash)                             JSON safe to put inside a script element
 * nb.cssPageCounter(key)                    a {page}/{pages} message as CSS content with page counters
 * </pre>
 */
public final class TemplateFunctions {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    /** Full stops a quoted sentence may end with: Latin, Armenian verjaket, ellipsis. */
    private static final String TERMINAL_STOPS = ".\u0589\u2026";

    /** Private-use characters standing for the page counters while the message is formatted. */
    private static final String PAGE_MARK = "\uE000";
    private static final String PAGES_MARK = "\uE001";

    private final String tag;
    private final Messages messages;
    private final LocaleFormatter formatter;

    public TemplateFunctions(String tag, Messages messages, LocaleFormatter formatter) {
        this.tag = tag;
        this.messages = messages;
        this.formatter = formatter;
    }

    public String msg(String key) {
        return messages.format(key, null);
    }

    public String msg(String key, Object arguments) {
        return messages.format(key, arguments);
    }

    public String claim(Claim claim) {
        return messages.format(claim.messageKey(), claim.args());
    }

    public String name(EntityRef ref) {
        return messages.name(ref, "nom");
    }

    public String name(EntityRef ref, String form) {
        return messages.name(ref, form);
    }

    public String date(LocalDate date, String style) {
        return formatter.date(date, style);
    }

    public String dateSkeleton(LocalDate date, String skeleton) {
        return formatter.dateSkeleton(date, skeleton);
    }

    public String isoDate(LocalDate date) {
        return LocaleFormatter.isoDate(date);
    }

    public String number(Number n) {
        return formatter.number(n);
    }

    public String spellout(Number n) {
        return formatter.spellout(n, null);
    }

    public String quantity(Quantity quantity, String width) {
        return formatter.quantity(quantity, width);
    }

    public String relative(RelativeTime time) {
        return formatter.relative(time);
    }

    public String list(List<String> items) {
        return formatter.andList(items);
    }

    public String plural(Number n) {
        return formatter.plural(n);
    }

    public String upper(String text) {
        return formatter.upper(text);
    }

    public String lower(String text) {
        return formatter.lower(text);
    }

    public String capitalize(String text) {
        return formatter.capitalize(text);
    }

    public String title(String text) {
        return formatter.title(text);
    }

    public String languageName(String languageTag) {
        return formatter.languageName(languageTag);
    }

    /**
     * A quoted sentence by the message {@code quote.inline} of this language, which gets the
     * text without its final full stop as {text} and that stop as {end}, so each language
     * sets the stop inside (en) or outside (ru, hy) its quotation marks.
     */
    public String quote(String text) {
        int end = unstoppedLength(text);
        return messages.format("quote.inline", Map.of("text", text.substring(0, end), "end", text.substring(end)));
    }

    /**
     * A paraphrase by the message {@code quote.paraphrase}: the speaker and the clause, whose
     * own final stop is dropped since the message ends the sentence in the language's way.
     */
    public String paraphrase(Quote quote, String text) {
        return messages.format("quote.paraphrase", Map.of("speaker", quote.speaker(), "text", text.substring(0, unstoppedLength(text))));
    }

    private static int unstoppedLength(String text) {
        int end = text.length();
        while (end > 0 && TERMINAL_STOPS.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    /**
     * A message with {page} and {pages} as a CSS {@code content} value for paged media:
     * "Страница {page} из {pages}" → {@code "Страница " counter(page) " из " counter(pages)}.
     */
    public String cssPageCounter(String key) {
        String text = messages.format(key, Map.of("page", PAGE_MARK, "pages", PAGES_MARK));
        StringBuilder css = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == PAGE_MARK.charAt(0) || c == PAGES_MARK.charAt(0)) {
                appendCssString(css, literal);
                css.append(c == PAGE_MARK.charAt(0) ? " counter(page)" : " counter(pages)");
            } else {
                literal.append(c);
            }
        }
        appendCssString(css, literal);
        return css.toString().strip();
    }

    private static void appendCssString(StringBuilder css, StringBuilder literal) {
        if (literal.isEmpty()) {
            return;
        }
        css.append(" \"");
        literal.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\' || cp < 0x20) {
                css.append('\\').append(Integer.toHexString(cp)).append(' ');
            } else {
                css.appendCodePoint(cp);
            }
        });
        css.append('"');
        literal.setLength(0);
    }

    public String translation(Quote quote) {
        return quote.translationFor(tag).orElse(null);
    }

    public List<EntityRef> ordered(List<EntityRef> refs) {
        return messages.ordered(refs);
    }

    public List<Benefit> benefitsInOrder(List<Benefit> benefits) {
        return messages.catalog().lexicon().ordered(benefits, benefit -> benefit.party().id());
    }

    public List<LocalDate> deadlines(dev.newsbrief.model.Story story) {
        return story.terms().stream().map(term -> term.deadline(story.event().date())).flatMap(java.util.Optional::stream)
                .distinct().sorted().toList();
    }

    /** The story's dated events on an axis drawn to scale, each date worded as {@link #partialDate} words it. */
    public TimelineGraphic timeline(dev.newsbrief.model.Story story) {
        return TimelineGraphic.of(story.chronology(), date -> formatter.capitalize(messages.standalone(date)));
    }

    public String partialDate(PartialDate date) {
        return messages.standalone(date);
    }

    /** A day standing alone, by this language's message {@code date.day}. */
    public String day(LocalDate date) {
        return messages.standalone(PartialDate.of(date));
    }

    /** A day with its weekday, by this language's message {@code date.full}, capitalised as a table cell. */
    public String fullDate(LocalDate date) {
        return formatter.capitalize(messages.full(date));
    }

    public String money(Money money, String width) {
        return formatter.money(money, width);
    }

    /** A typed value standing alone, as in a table cell: each type by its natural format. */
    public String value(Object value) {
        if (value instanceof EntityRef ref) {
            return formatter.capitalize(messages.name(ref, "label"));
        }
        if (value instanceof List<?> list) {
            List<String> parts = new java.util.ArrayList<>();
            List<?> ordered = messages.catalog().lexicon().ordered(list, item -> item instanceof EntityRef ref ? ref.id() : "");
            for (Object item : ordered) {
                parts.add(item instanceof EntityRef ref ? messages.name(ref, "label") : value(item));
            }
            return formatter.capitalize(formatter.andList(parts));
        }
        if (value instanceof Quantity quantity) {
            return formatter.quantity(quantity, "long");
        }
        if (value instanceof Money money) {
            return formatter.money(money, "long");
        }
        if (value instanceof PartialDate date) {
            return formatter.capitalize(messages.standalone(date));
        }
        if (value instanceof LocalDate date) {
            return formatter.capitalize(messages.standalone(PartialDate.of(date)));
        }
        if (value instanceof RelativeTime time) {
            return formatter.capitalize(formatter.relative(time));
        }
        if (value instanceof Number number) {
            return formatter.number(number);
        }
        throw new IllegalArgumentException("cannot show a " + (value == null ? "missing value" : value.getClass().getSimpleName()) + " as a key fact");
    }

    public List<EntityRef> sortByName(List<EntityRef> refs, String form) {
        return formatter.sort(refs, ref -> messages.name(ref, form));
    }

    public String json(Map<String, Object> value) {
        try {
            return JSON.writer().with(new ScriptSafeEscapes()).writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Escapes {@code < > &} so JSON can never close the script element it sits in. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {
        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }
}
