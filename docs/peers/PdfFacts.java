import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.*;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.*;
import org.apache.pdfbox.text.*;
import java.io.*;
import java.util.*;
import java.util.regex.*;

/** Facts about one PDF for the design comparison: pages, last-page fill, margin text, bookmarks,
 *  fonts behind Armenian punctuation, Russian one-letter words at line ends, text off the page. */
public class PdfFacts {
  public static void main(String[] a) throws Exception {
    for (String f : a) one(new File(f));
  }
  static void one(File f) throws Exception {
    try (PDDocument d = Loader.loadPDF(f)) {
      int n = d.getNumberOfPages();
      PDPage p0 = d.getPage(0);
      float W = p0.getMediaBox().getWidth(), H = p0.getMediaBox().getHeight();
      System.out.println("### " + f + " pages=" + n + " size=" + W + "x" + H
          + " pageMode=" + d.getDocumentCatalog().getPageMode());
      // per page: text extent, margin text (top/bottom 56pt), off-page glyphs
      List<List<TextPosition>> perPage = new ArrayList<>();
      Map<String, Map<String,Integer>> punctFonts = new TreeMap<>();
      List<String> lineEnds = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        List<TextPosition> tps = new ArrayList<>();
        StringBuilder lineBuf = new StringBuilder();
        List<String> lines = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
          @Override protected void writeString(String text, List<TextPosition> ps) throws IOException {
            tps.addAll(ps);
            for (TextPosition t : ps) {
              String u = t.getUnicode();
              if (u != null && u.matches("[\u0589\u055D\u055E\u055B\u00AB\u00BB\u2014]")) {
                String fn = t.getFont().getName(); fn = fn.contains("+") ? fn.substring(fn.indexOf('+') + 1) : fn;
                punctFonts.computeIfAbsent(u, k -> new TreeMap<>()).merge(fn, 1, Integer::sum);
              }
            }
            super.writeString(text, ps);
          }
        };
        s.setStartPage(i); s.setEndPage(i);
        String txt = s.getText(d);
        for (String l : txt.split("\\R")) {
          Matcher m = Pattern.compile("(?:^|\\s)([А-Яа-яЁё])$").matcher(l.strip());
          if (m.find()) lineEnds.add("p" + i + ": …" + tail(l.strip(), 30));
        }
        perPage.add(tps);
      }
      for (int i = 0; i < n; i++) {
        List<TextPosition> tps = perPage.get(i);
        float top = H, bottom = 0; int off = 0;
        StringBuilder head = new StringBuilder(), foot = new StringBuilder();
        for (TextPosition t : tps) {
          float y = t.getYDirAdj(); // from top
          float x = t.getXDirAdj();
          if (x < 0 || x + t.getWidthDirAdj() > W + 0.5 || y < 0 || y > H) off++;
          if (y < 50) head.append(t.getUnicode());
          else if (y > H - 45) foot.append(t.getUnicode());
          else { top = Math.min(top, y - t.getHeightDir()); bottom = Math.max(bottom, y); }
        }
        System.out.printf("page %d: body text y %.0f..%.0f pt (%.0f%% of page height down)  off-page glyphs=%d%n",
            i + 1, top, bottom, 100 * bottom / H, off);
        if (head.length() > 0) System.out.println("  head: " + tail(head.toString(), 90));
        if (foot.length() > 0) System.out.println("  foot: " + tail(foot.toString(), 90));
      }
      PDDocumentOutline o = d.getDocumentCatalog().getDocumentOutline();
      int count = 0;
      pageTexts.clear();
      for (List<TextPosition> tps : perPage) { StringBuilder b = new StringBuilder(); for (TextPosition t : tps) b.append(t.getUnicode()); pageTexts.add(norm(b.toString())); }
      if (o != null) count = walk(d, o, 0);
      System.out.println("bookmarks=" + count);
      if (!punctFonts.isEmpty()) System.out.println("punct fonts: " + punctFonts);
      System.out.println("ru one-letter line ends=" + lineEnds.size() + (lineEnds.isEmpty() ? "" : " " + lineEnds));
    }
  }
  static int walk(PDDocument d, PDOutlineNode node, int depth) throws IOException {
    int c = 0;
    for (PDOutlineItem it : node.children()) {
      PDPage pg = it.findDestinationPage(d);
      int idx = pg == null ? -1 : d.getPages().indexOf(pg) + 1;
      int where = -1;
      for (int i = 0; i < pageTexts.size(); i++) if (pageTexts.get(i).contains(norm(it.getTitle()))) { where = i + 1; if (where >= idx) break; }
      System.out.println("  bm " + "  ".repeat(depth) + it.getTitle() + " -> p" + idx + (it.isNodeOpen() ? " (open)" : "")
          + (where == idx ? "" : "  HEADING-TEXT-ON p" + where));
      c += 1 + walk(d, it, depth + 1);
    }
    return c;
  }
  static final List<String> pageTexts = new ArrayList<>();
  static String norm(String s) { return java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFKC).replaceAll("[\\s\u00AD-]", ""); }
  static String tail(String s, int k) { return s.length() <= k ? s : s.substring(s.length() - k); }
}
