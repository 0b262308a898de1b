package dev.newsbrief.newsletter;

import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.model.Story;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.render.TemplateFunctions;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pages of a newsletter in one language: for each edition its email HTML, its plain
 * text, its web version, subject and preheader; and the archive of every edition.
 * Templates under {@code templates/newsletter/}, wording from the {@code newsletter.*}
 * messages; each story's headline and standfirst are worded exactly as its brief words them
 * ({@code parts.ftlh} with the story's own catalog). Dates are the edition's moment in the
 * language's zone. Paths and links: {@link EditionPaths}. Thread-safe.
 */
public final class EditionPages {
    public static final String EMAIL = "newsletter/email.ftlh";
    public static final String TEXT = "newsletter/email.ftl";
    public static final String WEB = "newsletter/web.ftlh";
    public static final String ARCHIVE = "newsletter/archive.ftlh";
    static final String HEADLINES = "newsletter/headlines.ftl";

    private final Renderer renderer;

    public EditionPages(Renderer renderer) {
        this.renderer = Objects.requireNonNull(renderer, "The parameter 'renderer' must not be null");
    }

    /**
     * One story as an edition shows it.
     *
     * @param storyCatalog the language's catalog with the story's own wording merged
     *                     ({@code translations.catalog(tag, source)})
     */
    public record StoryItem(Story story, Catalog storyCatalog) {
        public StoryItem {
            Objects.requireNonNull(story, "The parameter 'story' must not be null");
            Objects.requireNonNull(storyCatalog, "The parameter 'storyCatalog' must not be null");
        }
    }

    /**
     * One edition in one language.
     *
     * @param subject   the email's subject
     * @param preheader the line an inbox shows after the subject (also the first, hidden, text of the email)
     * @param webHtml   the web version, with links relative to {@link EditionPaths#web}
     * @param emailHtml the email HTML, every link absolute; the same for every subscriber
     * @param text      the plain-text alternative, wrapped at {@value PlainText#WIDTH} columns
     */
    public record Page(String subject, String preheader, String webHtml, String emailHtml, String text) { }

    /**
     * An edition as the archive lists it.
     *
     * @param stories those of its stories that can still be loaded, in order; may be empty
     */
    public record ArchiveEntry(int number, Instant at, List<StoryItem> stories) {
        public ArchiveEntry {
            Objects.requireNonNull(at, "The parameter 'at' must not be null");
            stories = List.copyOf(stories);
        }
    }

    /**
     * The pages of edition {@code edition} in language {@code tag}.
     *
     * @param catalog the language's shared catalog (no story's wording)
     * @param stories the edition's stories in order, each with its own catalog
     */
    public Page edition(Newsletter newsletter, Edition edition, String tag, Catalog catalog, List<StoryItem> stories) {
        Objects.requireNonNull(edition, "The parameter 'edition' must not be null");
        Objects.requireNonNull(stories, "The parameter 'stories' must not be null");
        Newsletter.Language language = checkLanguage(newsletter, tag, catalog);
        ZoneId zone = language.zone();
        LocalDate date = LocalDate.ofInstant(edition.at(), zone);
        String number = Integer.toString(edition.number());
        TemplateFunctions nb = Renderer.functions(catalog);

        List<String> headlines = headlines(catalog, zone, stories);
        String subject = nb.msg("newsletter.subject", Map.of("title", language.title(), "number", number, "date", date));
        String preheader = nb.msg("newsletter.preheader", Map.of("count", stories.size(),
                "headlines", String.join(nb.msg("newsletter.separator"), headlines)));

        Map<String, Object> common = new HashMap<>();
        common.put("title", language.title());
        common.put("number", number);
        common.put("date", date);
        common.put("subject", subject);
        common.put("preheader", preheader);
        common.put("dir", catalog.locale().isRightToLeft() ? "rtl" : "ltr");

        // The email: every link absolute.
        Map<String, Object> email = new HashMap<>(common);
        email.put("items", items(newsletter, tag, stories, null));
        email.put("webVersion", EditionPaths.absolute(newsletter, EditionPaths.web(newsletter, tag, edition.number())).toString());
        email.put("archive", EditionPaths.absolute(newsletter, EditionPaths.archive(newsletter, tag)).toString());
        email.put("unsubscribe", EditionPaths.unsubscribePage(newsletter).toString());
        String emailHtml = renderer.render(EMAIL, catalog, zone, email);
        String marked = renderer.render(TEXT, catalog, zone, email);
        String text = PlainText.render(marked, nb.msg("newsletter.links"), catalog.locale(),
                List.of(nb.msg("newsletter.noBreakAfter").split("\\s+")));

        // The web version: links relative to where it is served.
        String page = EditionPaths.web(newsletter, tag, edition.number());
        Map<String, Object> web = new HashMap<>(common);
        web.put("items", items(newsletter, tag, stories, page));
        web.put("archive", EditionPaths.link(page, EditionPaths.archive(newsletter, tag)));
        web.put("feed", EditionPaths.link(page, EditionPaths.feed(newsletter, tag)));
        String webHtml = renderer.render(WEB, catalog, zone, web);

        return new Page(subject, preheader, webHtml, emailHtml, text);
    }

    /**
     * The archive page of language {@code tag}: every edition given, in the order given
     * (newest first), linking to each web version and to the language's feed.
     *
     * @param catalog the language's shared catalog (no story's wording)
     */
    public String archive(Newsletter newsletter, String tag, Catalog catalog, List<ArchiveEntry> editionsNewestFirst) {
        Objects.requireNonNull(editionsNewestFirst, "The parameter 'editionsNewestFirst' must not be null");
        Newsletter.Language language = checkLanguage(newsletter, tag, catalog);
        ZoneId zone = language.zone();
        String page = EditionPaths.archive(newsletter, tag);
        List<Map<String, Object>> editions = new ArrayList<>();
        for (ArchiveEntry entry : editionsNewestFirst) {
            Map<String, Object> edition = new HashMap<>();
            edition.put("number", Integer.toString(entry.number()));
            edition.put("date", LocalDate.ofInstant(entry.at(), zone));
            edition.put("href", EditionPaths.link(page, EditionPaths.web(newsletter, tag, entry.number())));
            edition.put("items", items(newsletter, tag, entry.stories(), page));
            editions.add(edition);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("title", language.title());
        model.put("dir", catalog.locale().isRightToLeft() ? "rtl" : "ltr");
        model.put("editions", editions);
        model.put("archive", EditionPaths.link(page, page));
        model.put("feed", EditionPaths.link(page, EditionPaths.feed(newsletter, tag)));
        return renderer.render(ARCHIVE, catalog, zone, model);
    }

    private static Newsletter.Language checkLanguage(Newsletter newsletter, String tag, Catalog catalog) {
        Objects.requireNonNull(newsletter, "The parameter 'newsletter' must not be null");
        Objects.requireNonNull(catalog, "The parameter 'catalog' must not be null");
        if (!catalog.tag().equals(tag)) {
            throw new IllegalArgumentException("the catalog is for '" + catalog.tag() + "', the pages for '" + tag + "'");
        }
        return newsletter.language(tag);
    }

    /** The headlines as the briefs word them, rendered by the same template function. */
    private List<String> headlines(Catalog catalog, ZoneId zone, List<StoryItem> stories) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoryItem story : stories) {
            items.add(Map.of("story", story.story(), "nb", Renderer.functions(story.story(), story.storyCatalog())));
        }
        String lines = renderer.render(HEADLINES, catalog, zone, Map.of("items", items));
        return lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    /**
     * What a template needs of each story: the story, its own {@code nb}, and links to its
     * briefs, relative to the page at {@code from}, or absolute when {@code from} is null.
     */
    private static List<Map<String, Object>> items(Newsletter newsletter, String tag, List<StoryItem> stories, String from) {
        List<Map<String, Object>> items = new ArrayList<>();
        for (StoryItem item : stories) {
            if (!item.storyCatalog().tag().equals(tag)) {
                throw new IllegalArgumentException("story '" + item.story().id() + "' comes with a catalog for '"
                        + item.storyCatalog().tag() + "', not '" + tag + "'");
            }
            String brief = EditionPaths.brief(item.story().id(), tag);
            String pdf = EditionPaths.pdf(item.story().id(), tag);
            items.add(Map.of(
                    "story", item.story(),
                    "nb", Renderer.functions(item.story(), item.storyCatalog()),
                    "brief", from == null ? EditionPaths.absolute(newsletter, brief).toString() : EditionPaths.link(from, brief),
                    "pdf", from == null ? EditionPaths.absolute(newsletter, pdf).toString() : EditionPaths.link(from, pdf)));
        }
        return items;
    }
}
