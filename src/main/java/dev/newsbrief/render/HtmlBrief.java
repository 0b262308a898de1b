package dev.newsbrief.render;

import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.model.Story;
import java.util.List;
import java.util.Map;

/** The HTML brief of one story in one language, from {@code templates/brief.ftlh}. */
public final class HtmlBrief {
    public static final String TEMPLATE = "brief.ftlh";

    private final Renderer renderer;

    public HtmlBrief(Renderer renderer) {
        this.renderer = renderer;
    }

    /** A link to the same story in another language of the build, named in that language. */
    public record Alternate(String tag, String href, String name) { }

    /**
     * @param languages every language of this build, for the language switcher
     */
    public String render(Story story, Catalog catalog, List<Catalog> languages) {
        List<Alternate> alternates = languages.stream()
                .map(other -> new Alternate(other.tag(), "../" + other.tag() + "/" + story.id() + ".html",
                        other.pattern("meta.languageName").orElseGet(() -> other.formatter().languageName(other.tag()))))
                .toList();
        return renderer.render(TEMPLATE, story, catalog, Map.of("alternates", alternates));
    }
}
