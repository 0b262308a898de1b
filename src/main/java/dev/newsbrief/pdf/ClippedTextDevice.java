package dev.newsbrief.pdf;

import java.awt.Shape;
import java.awt.geom.Rectangle2D;
import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.render.JustificationInfo;

/**
 * Leaves out text that would be drawn outside the area being painted. openpdf-html paints, on
 * each page, every box whose margin reaches into it; a heading moved to the next page to stay
 * with its text (or the next language's first line in the pack) is therefore also drawn on the
 * page before, below its foot, where the clip hides it from the eye but not from copy, search
 * or a screen reader. Such text is not written at all.
 */
final class ClippedTextDevice extends ITextOutputDevice {
    /** A little slack, in layout units, for glyphs whose baseline sits on the clip's edge. */
    private static final float SLACK = 2f;

    ClippedTextDevice(float dotsPerPoint) {
        super(dotsPerPoint);
    }

    @Override
    public void drawString(String text, float x, float y, JustificationInfo info) {
        Shape clip = getClip();
        if (clip != null) {
            Rectangle2D bounds = clip.getBounds2D();
            if (y < bounds.getMinY() - SLACK || y > bounds.getMaxY() + SLACK) {
                return;
            }
        }
        super.drawString(text, x, y, info);
    }
}
