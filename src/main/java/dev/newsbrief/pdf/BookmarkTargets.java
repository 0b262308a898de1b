package dev.newsbrief.pdf;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Points each bookmark at the first line of its heading. openpdf-html resolves a bookmark to the
 * page where its target box begins, and a heading moved to the next page to stay with its text
 * still begins (its top margin) on the page before; an inline box inside the heading begins on
 * the line where the heading's text really is. So the heading's content is wrapped in a span
 * that becomes the bookmark's target; the heading keeps its id for links and ARIA.
 */
final class BookmarkTargets {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";
    private static final Pattern HEADING = Pattern.compile("h[1-6]");
    /** The id of the span inside a heading: the heading's id and this. */
    static final String SUFFIX = "-line";

    private BookmarkTargets() {
    }

    static void apply(Document document) {
        Map<String, Element> byId = new HashMap<>();
        index(document.getDocumentElement(), byId);
        NodeList bookmarks = document.getElementsByTagNameNS("*", "bookmark");
        for (int i = 0; i < bookmarks.getLength(); i++) {
            Element bookmark = (Element) bookmarks.item(i);
            String href = bookmark.getAttribute("href");
            Element target = href.startsWith("#") ? byId.get(href.substring(1)) : null;
            if (target == null || !HEADING.matcher(target.getLocalName()).matches() || !target.hasChildNodes()) {
                continue;
            }
            String lineId = target.getAttribute("id") + SUFFIX;
            if (!byId.containsKey(lineId)) {
                Element line = document.createElementNS(XHTML, "span");
                line.setAttribute("id", lineId);
                while (target.getFirstChild() != null) {
                    line.appendChild(target.getFirstChild());
                }
                target.appendChild(line);
                byId.put(lineId, line);
            }
            bookmark.setAttribute("href", "#" + lineId);
        }
    }

    private static void index(Node node, Map<String, Element> byId) {
        if (node instanceof Element element && !element.getAttribute("id").isEmpty()) {
            byId.putIfAbsent(element.getAttribute("id"), element);
        }
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            index(child, byId);
        }
    }
}
