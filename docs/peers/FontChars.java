import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.*;
import java.io.*;
import java.util.*;
/** Prints, per font, the distinct characters it sets (to see which glyphs fell back to which family). */
public class FontChars {
  public static void main(String[] a) throws Exception {
    for (String f : a) try (PDDocument d = Loader.loadPDF(new File(f))) {
      Map<String, TreeSet<String>> m = new TreeMap<>();
      new PDFTextStripper() {
        @Override protected void writeString(String s, List<TextPosition> ps) throws IOException {
          for (TextPosition t : ps) m.computeIfAbsent(t.getFont().getName(), k -> new TreeSet<>()).add(t.getUnicode());
        }
      }.getText(d);
      System.out.println("### " + f);
      m.forEach((k, v) -> System.out.println("  " + k + " (" + v.size() + "): " + (v.size() > 40 ? String.join("", v).substring(0, 40) + "…" : String.join("", v))));
    }
  }
}
