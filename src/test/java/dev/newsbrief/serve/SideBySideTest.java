package dev.newsbrief.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows of the side-by-side view, from pages as small as the rule needs. */
class SideBySideTest {
    private static SideBySide.Page page(String tag, String dir, String article) {
        return new SideBySide.Page(tag, tag + "-name", "<html lang=\"" + tag + "\" dir=\"" + dir + "\"><body><article>" + article
                + "</article></body></html>");
    }

    @Test
    void partsMatchByTheirIdsNotTheirWordsAndAMissingPartLeavesAnEmptyCell() {
        SideBySide.View view = SideBySide.of(List.of(
                page("en", "ltr", "<header><h1>Peace</h1></header><section aria-labelledby=\"event\"><h2>Event</h2></section>"
                        + "<section aria-labelledby=\"terms\"><h2>Terms</h2></section><footer>src</footer>"),
                page("he", "rtl", "<header><h1>שלום</h1></header><section aria-labelledby=\"terms\"><h2>תנאים</h2></section>"
                        + "<section aria-labelledby=\"extra\"><h2>עוד</h2></section><footer>מקור</footer>")));
        assertThat(view.columns()).extracting(SideBySide.Column::dir).containsExactly("ltr", "rtl");
        assertThat(view.rows()).extracting(SideBySide.Row::key).containsExactly("header", "event", "terms", "footer", "extra");
        SideBySide.Row terms = view.rows().get(2);
        assertThat(terms.cells()).extracting(SideBySide.Cell::html).containsExactly(
                "<section aria-labelledby=\"terms\">\n <h2>Terms</h2>\n</section>", "<section aria-labelledby=\"terms\">\n <h2>תנאים</h2>\n</section>");
        assertThat(terms.cells()).extracting(SideBySide.Cell::tag).containsExactly("en", "he");
        assertThat(view.rows().get(1).cells().get(1).html()).isEmpty();
        assertThat(view.rows().get(4).cells().get(0).html()).isEmpty();
        assertThat(view.rows().get(0).title()).isEqualTo("headline, standfirst, dateline");
    }

    @Test
    void twoPartsWithTheSameKeyAreTwoRows() {
        SideBySide.View view = SideBySide.of(List.of(page("en", "ltr", "<aside class=\"note\">a</aside><aside class=\"note\">b</aside>")));
        assertThat(view.rows()).extracting(SideBySide.Row::key).containsExactly("aside.note", "aside.note-2");
    }
}
