package dev.newsbrief.pdf;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.lang.UScriptRun;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Font fallback for openpdf-html, which draws each element's text in the first family of its
 * {@code font-family} only. Before layout, the text of the body is split into runs by script
 * (ICU's {@link UScriptRun}: spaces, digits and punctuation stay with the letters around them);
 * each run is drawn by the first family of its language's list that has all its characters, or
 * else character by character by the first family that has each. A run whose family is not the
 * body's is wrapped in a {@code <span>} naming its family. The print stylesheet therefore sets
 * {@code font-family} on {@code body} only, to the first family of the document's list.
 *
 * <p>A character that no family of the list has stops the document ({@link MissingGlyphException})
 * before anything is laid out.
 */
final class FontRuns {
    private static final String XHTML = "http://www.w3.org/1999/xhtml";

    private final PdfFonts fonts;
    private final String bodyFamily;

    private FontRuns(PdfFonts fonts, String bodyFamily) {
        this.fonts = fonts;
        this.bodyFamily = bodyFamily;
    }

    /** A stretch of text and the family that draws it. */
    private record Segment(String text, String family) { }

    /**
     * Checks and splits the text of {@code document}'s body in place.
     *
     * @param documentLanguage the language whose first family the body is set in (the print
     *                         template's {@code fonts}); elements with a {@code lang} attribute use
     *                         their own language's list inside
     */
    static void apply(Document document, PdfFonts fonts, String documentLanguage) {
        Element root = document.getDocumentElement();
        Node body = root.getElementsByTagNameNS("*", "body").item(0);
        if (body == null) {
            return;
        }
        String language = root.getAttribute("lang").isEmpty() ? documentLanguage : root.getAttribute("lang");
        new FontRuns(fonts, fonts.families(documentLanguage).get(0)).walk(body, language);
    }

    private void walk(Node node, String language) {
        if (node instanceof Element element) {
            if (!element.getAttribute("lang").isEmpty()) {
                language = element.getAttribute("lang");
            }
            String name = element.getLocalName();
            if ("style".equals(name) || "script".equals(name)) {
                return;
            }
        }
        boolean mixed = hasElementChild(node);
        Node child = node.getFirstChild();
        while (child != null) {
            Node next = child.getNextSibling();
            if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
                split(child, language, mixed);
            } else {
                walk(child, language);
            }
            child = next;
        }
    }

    private static boolean hasElementChild(Node node) {
        for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                return true;
            }
        }
        return false;
    }

    /**
     * openpdf-html paints an element's own text before the text of the inline elements inside it,
     * so the PDF would hold "2025 . 8" then "թ օգոստոսի" and copy and extract out of order. Where
     * text sits beside elements, or is split into runs, every piece therefore becomes an element
     * of its own, painted in document order.
     */
    private void split(Node textNode, String language, boolean besideElements) {
        String text = textNode.getNodeValue();
        List<Segment> segments = segments(text, language);
        if (segments.stream().allMatch(segment -> segment.family().equals(bodyFamily))) {
            if (besideElements && !text.isBlank()) {
                Element span = textNode.getOwnerDocument().createElementNS(XHTML, "span");
                textNode.getParentNode().replaceChild(span, textNode);
                span.appendChild(textNode);
            }
            return;
        }
        Document document = textNode.getOwnerDocument();
        Node parent = textNode.getParentNode();
        // openpdf-html may break a line wherever one inline box ends and the next begins, so a word
        // drawn by two families (ԱՄՆ‑ի, 8‑ին: U+2011 and digits are not in Noto Serif Armenian)
        // becomes one atomic box (a nowrap inline-block), which moves to the next line whole. A
        // nowrap span alone would not: openpdf-html lets it run past the margin instead.
        String[] familyAt = new String[text.length()];
        int offset = 0;
        for (Segment segment : segments) {
            Arrays.fill(familyAt, offset, offset + segment.text().length(), segment.family());
            offset += segment.text().length();
        }
        BreakIterator words = BreakIterator.getLineInstance(Locale.ROOT);
        words.setText(text);
        List<Segment> pending = new ArrayList<>();
        int start = words.first();
        for (int end = words.next(); end != BreakIterator.DONE; start = end, end = words.next()) {
            // The word without the spaces after it: a space inside the atomic box is no break opportunity.
            int wordEnd = end;
            while (wordEnd > start && Character.isWhitespace(text.charAt(wordEnd - 1))) {
                wordEnd--;
            }
            List<Segment> pieces = new ArrayList<>();
            for (int i = start; i < wordEnd; i++) {
                add(pieces, String.valueOf(text.charAt(i)), familyAt[i]);
            }
            if (pieces.size() > 1) {
                pending.forEach(piece -> parent.insertBefore(node(document, piece), textNode));
                pending.clear();
                Element word = document.createElementNS(XHTML, "span");
                word.setAttribute("style", "display: inline-block; white-space: nowrap");
                pieces.forEach(piece -> word.appendChild(node(document, piece)));
                parent.insertBefore(word, textNode);
            } else {
                pieces.forEach(piece -> add(pending, piece.text(), piece.family()));
            }
            for (int i = wordEnd; i < end; i++) {
                add(pending, String.valueOf(text.charAt(i)), familyAt[i]);
            }
        }
        pending.forEach(piece -> parent.insertBefore(node(document, piece), textNode));
        parent.removeChild(textNode);
    }

    private Node node(Document document, Segment segment) {
        Element span = document.createElementNS(XHTML, "span");
        if (!segment.family().equals(bodyFamily)) {
            span.setAttribute("style", "font-family: \"" + segment.family() + "\"");
        }
        span.appendChild(document.createTextNode(segment.text()));
        return span;
    }

    /**
     * Where each script run of {@code text} starts and ends, in pairs. ICU's UScriptRun keeps its
     * bracket stack in static fields, so two threads setting PDFs at once corrupted each other's
     * runs (a NullPointerException inside ICU): one text at a time in this JVM.
     */
    static int[] scriptRuns(String text) {
        synchronized (UScriptRun.class) {
            UScriptRun runs = new UScriptRun(text);
            int[] bounds = new int[8];
            int count = 0;
            while (runs.next()) {
                if (count + 2 > bounds.length) {
                    bounds = java.util.Arrays.copyOf(bounds, bounds.length * 2);
                }
                bounds[count++] = runs.getScriptStart();
                bounds[count++] = runs.getScriptLimit();
            }
            return java.util.Arrays.copyOf(bounds, count);
        }
    }

    /** The text cut where its family changes; invisible characters go with what precedes them. */
    List<Segment> segments(String text, String language) {
        List<String> families = fonts.families(language);
        List<Segment> segments = new ArrayList<>();
        int[] bounds = scriptRuns(text);
        for (int r = 0; r + 1 < bounds.length; r += 2) {
            String run = text.substring(bounds[r], bounds[r + 1]);
            String whole = families.stream().filter(family -> drawsAll(family, run)).findFirst().orElse(null);
            if (whole != null) {
                add(segments, run, whole);
                continue;
            }
            for (int i = 0; i < run.length(); ) {
                int codePoint = run.codePointAt(i);
                String character = Character.toString(codePoint);
                String previous = segments.isEmpty() ? null : segments.get(segments.size() - 1).family();
                String family;
                if (PdfFonts.invisible(codePoint)) {
                    family = previous == null ? families.get(0) : previous;
                } else if (previous != null && shared(codePoint) && fonts.draws(previous, codePoint)) {
                    // A hyphen or a space inside an Armenian word stays in the Armenian face.
                    family = previous;
                } else {
                    family = fonts.familyFor(codePoint, families);
                    if (family == null) {
                        throw new MissingGlyphException(language, codePoint, families, snippet(text, codePoint));
                    }
                }
                add(segments, character, family);
                i += character.length();
            }
        }
        return segments;
    }

    /** Punctuation, digits and marks that belong to no one script. */
    private static boolean shared(int codePoint) {
        int script = UScript.getScript(codePoint);
        return script == UScript.COMMON || script == UScript.INHERITED;
    }

    private boolean drawsAll(String family, String run) {
        return run.codePoints().allMatch(cp -> PdfFonts.invisible(cp) || fonts.draws(family, cp));
    }

    private static void add(List<Segment> segments, String text, String family) {
        int last = segments.size() - 1;
        if (last >= 0 && segments.get(last).family().equals(family)) {
            segments.set(last, new Segment(segments.get(last).text() + text, family));
        } else {
            segments.add(new Segment(text, family));
        }
    }

    private static String snippet(String text, int codePoint) {
        String clean = text.strip().replaceAll("\\s+", " ");
        int at = clean.indexOf(Character.toString(codePoint));
        int from = Math.max(0, at - 30);
        int to = Math.min(clean.length(), at + 30);
        return (from > 0 ? "…" : "") + clean.substring(from, to) + (to < clean.length() ? "…" : "");
    }
}
