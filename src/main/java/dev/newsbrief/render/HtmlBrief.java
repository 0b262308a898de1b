package dev.newsbrief.render;

import dev.newsbrief.font.WebFonts;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.model.Story;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTML brief of one story in one language, from {@code templates/brief.ftlh}. With
 * {@link WebFonts}, the page carries the type of the PDF: the template's {@value #FONTS_PLACEHOLDER}
 * comment (inside its {@code <style>}) becomes the font stacks of the languages on the page and
 * {@code @font-face} rules with subsets of the faces it needs.
 */
public final class HtmlBrief {
    public static final String TEMPLATE = "brief.ftlh";
    /** Where brief.ftlh wants the web fonts; without WebFonts it is simply removed. */
    public static final String FONTS_PLACEHOLDER = "/* newsbrief:web-fonts */";

    /** A lang attribute written by a template (hreflang is not one: it names a link's language). */
    private static final Pattern LANG = Pattern.compile("\\slang=\"([A-Za-z0-9-]+)\"");
    /** Markup no reader sees: the style sheet, the JSON-LD, tags and comments. */
    private static final Pattern HIDDEN = Pattern.compile("(?s)<style>.*?</style>|<script[^>]*>.*?</script>|<!--.*?-->|<[^>]*>");
    private static final Pattern REFERENCE = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos|nbsp);");

    private final Renderer renderer;
    private final WebFonts webFonts;

    /** Pages that name their fonts but do not inline them (the reader's system fonts draw them). */
    public HtmlBrief(Renderer renderer) {
        this(renderer, null);
    }

    /** Pages with the type of the PDF inlined; {@code webFonts} may be shared by parallel renders. */
    public HtmlBrief(Renderer renderer, WebFonts webFonts) {
        this.renderer = renderer;
        this.webFonts = webFonts;
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
        String html = renderer.render(TEMPLATE, story, catalog, Map.of("alternates", alternates));
        String fonts = webFonts == null ? "" : webFonts.css(visibleText(html), languagesMarked(html, catalog.tag()));
        // The first occurrence is the template's, in <head>: a story that quotes the placeholder gets no CSS in its text.
        int at = html.indexOf(FONTS_PLACEHOLDER);
        return at < 0 ? html : html.substring(0, at) + fonts + html.substring(at + FONTS_PLACEHOLDER.length());
    }

    /** The page's own language first, then every other language an element is marked with, in order of appearance. */
    static Set<String> languagesMarked(String html, String pageTag) {
        Set<String> tags = new LinkedHashSet<>();
        tags.add(pageTag);
        Matcher matcher = LANG.matcher(html);
        while (matcher.find()) {
            tags.add(matcher.group(1));
        }
        return tags;
    }

    /** The characters a reader may see: the page without its markup, character references resolved. */
    static String visibleText(String html) {
        String text = HIDDEN.matcher(html).replaceAll(" ");
        return REFERENCE.matcher(text).replaceAll(reference -> {
            String name = reference.group(1);
            String character = switch (name) {
                case "lt" -> "<";
                case "gt" -> ">";
                case "amp" -> "&";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00A0";
                default -> Character.toString(name.startsWith("#x")
                        ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
            };
            return Matcher.quoteReplacement(character);
        });
    }
}
