// Usage (after `mvn -B -q package -DskipTests`; JDK 21+):
//   java -cp target/newsbrief.jar scripts/WarmBench.java
// Renders the embedded story in the four languages in a loop, HTML then PDF, for a few
// seconds each, and prints briefs per second. Rendering only: no disk I/O.
import dev.newsbrief.build.Builder;
import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.model.Story;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.pdf.PdfFonts;
import dev.newsbrief.pdf.PdfOptions;
import dev.newsbrief.pdf.PdfRenderer;
import dev.newsbrief.render.HtmlBrief;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.util.List;
/** Warm throughput: briefs rendered per second in one process, after JIT warm-up. */
public class WarmBench { public static void main(String[] a) {
  Translations t = new Translations(new ResourceSet("translations", null));
  StorySource source = Builder.embeddedDefaultSource(new StoryLoader(), t.tags());
  Story story = source.story();
  List<Catalog> cs = List.of(t.catalog("en", source), t.catalog("hy", source), t.catalog("az", source), t.catalog("ru", source));
  Renderer r = new Renderer(null); HtmlBrief h = new HtmlBrief(r);
  PdfRenderer p = new PdfRenderer(r, new ResourceSet("templates", null), PdfFonts.load(new ResourceSet("templates", null)));
  for (int round = 0; round < 3; round++) {
    long s = System.nanoTime(); int n = 0;
    while (System.nanoTime() - s < 3_000_000_000L) { for (Catalog c : cs) { h.render(story, c, cs); n++; } }
    System.out.printf("html: %.0f briefs/s%n", n / ((System.nanoTime() - s) / 1e9));
  }
  for (int round = 0; round < 2; round++) {
    long s = System.nanoTime(); int n = 0;
    while (System.nanoTime() - s < 4_000_000_000L) { for (Catalog c : cs) { p.brief(story, c, PdfOptions.defaults()); n++; } }
    System.out.printf("pdf: %.1f briefs/s%n", n / ((System.nanoTime() - s) / 1e9));
  }
}}
