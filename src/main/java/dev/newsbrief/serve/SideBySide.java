package dev.newsbrief.serve;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One story's languages side by side, section by section: each language's rendered HTML brief
 * is taken apart into the parts of its {@code <article>} (the header with headline and
 * standfirst, the key facts, the event, each section… the footer), and the parts with the same
 * key — an element's {@code aria-labelledby}, else its id, else its tag and class — form a row.
 * Keys are ids the templates give every language alike, so rows match whatever the wording.
 */
public final class SideBySide {
    private SideBySide() { }

    /** A language's column head: its tag, its name and writing direction. */
    public record Column(String tag, String name, String dir) { }

    /** One part of the article; {@code html} is the part's markup, empty where the language lacks it. */
    public record Cell(String tag, String dir, String html) { }

    /** One row: the part's key, a title and a cell per language. */
    public record Row(String key, String title, List<Cell> cells) { }

    public record View(List<Column> columns, List<Row> rows) { }

    /** A language's brief: its tag, name and the page's HTML, as the build renders it. */
    public record Page(String tag, String name, String html) { }

    /** Rows in the order the parts first appear, across the languages in the order given. */
    public static View of(List<Page> pages) {
        List<Column> columns = new ArrayList<>();
        List<Map<String, Element>> parts = new ArrayList<>();
        Map<String, String> titles = new LinkedHashMap<>();
        for (Page page : pages) {
            Document document = Jsoup.parse(page.html());
            String dir = document.selectFirst("html") == null ? "ltr" : document.selectFirst("html").attr("dir");
            columns.add(new Column(page.tag(), page.name(), dir.isEmpty() ? "ltr" : dir));
            Map<String, Element> byKey = new LinkedHashMap<>();
            Element article = document.selectFirst("article");
            if (article != null) {
                for (Element part : article.children()) {
                    String key = unique(byKey, key(part));
                    byKey.put(key, part);
                    titles.putIfAbsent(key, title(part, key));
                }
            }
            parts.add(byKey);
        }
        List<Row> rows = new ArrayList<>();
        titles.forEach((key, title) -> {
            List<Cell> cells = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                Element part = parts.get(i).get(key);
                cells.add(new Cell(columns.get(i).tag(), columns.get(i).dir(), part == null ? "" : part.outerHtml()));
            }
            rows.add(new Row(key, title, cells));
        });
        return new View(columns, rows);
    }

    private static String key(Element part) {
        if (part.hasAttr("aria-labelledby")) {
            return part.attr("aria-labelledby");
        }
        if (!part.id().isEmpty()) {
            return part.id();
        }
        return part.tagName() + (part.className().isEmpty() ? "" : "." + part.className().replace(' ', '.'));
    }

    /** The second part with the same key (two asides, say) gets {@code key-2}, the third {@code key-3}. */
    private static String unique(Map<String, Element> taken, String key) {
        String candidate = key;
        for (int n = 2; taken.containsKey(candidate); n++) {
            candidate = key + "-" + n;
        }
        return candidate;
    }

    /** A row's title in the tool's own language: the part's key, which is the same in every language. */
    private static String title(Element part, String key) {
        return switch (part.tagName()) {
            case "header" -> "headline, standfirst, dateline";
            case "footer" -> "sources";
            default -> key;
        };
    }
}
