package dev.newsbrief.pdf;

import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.render.Deadline;
import org.openpdf.extend.ReplacedElement;
import org.openpdf.extend.ReplacedElementFactory;
import org.openpdf.extend.UserAgentCallback;
import org.openpdf.layout.Layer;
import org.openpdf.layout.LayoutContext;
import org.openpdf.render.BlockBox;
import org.openpdf.simple.extend.FormSubmissionListener;
import org.w3c.dom.Element;

/**
 * Bounds openpdf-html's layout from inside. openpdf-html 2.4.0 has no progress callback, but
 * {@code BlockBox.calcDimensions} asks the replaced-element factory about every block it lays
 * out; this factory answers as openpdf's own does and, first, checks the render deadline (and
 * the thread's interrupt) and the pages laid out so far. A document that would run to thousands
 * of pages stops at the first block past the limit instead of after the whole layout. What it
 * throws is also kept, in case openpdf catches it, and rethrown by {@link #throwIfStopped()}.
 */
final class LayoutGuard implements ReplacedElementFactory {
    private final ReplacedElementFactory delegate;
    private final String template;
    private final int pageLimit;
    private final Deadline deadline;
    private RuntimeException stopped;

    LayoutGuard(ReplacedElementFactory delegate, String template, int pageLimit, Deadline deadline) {
        this.delegate = delegate;
        this.template = template;
        this.pageLimit = pageLimit;
        this.deadline = deadline;
    }

    static LimitExceededException tooManyPages(String template, int pages, int limit, boolean soFar) {
        return new LimitExceededException(template, "pdf-pages", "the PDF of " + template + " would have "
                + (soFar ? "at least " : "") + pages + " pages, more than the limit of " + limit);
    }

    @Override
    public ReplacedElement createReplacedElement(LayoutContext c, BlockBox box, UserAgentCallback uac, int cssWidth, int cssHeight) {
        check(c);
        return delegate.createReplacedElement(c, box, uac, cssWidth, cssHeight);
    }

    private void check(LayoutContext c) {
        if (stopped != null) {
            throw stopped;
        }
        try {
            deadline.check();
            Layer root = c.getRootLayer();
            int pages = root == null ? 0 : root.getPages().size();
            if (pages > pageLimit) {
                throw tooManyPages(template, pages, pageLimit, true);
            }
        } catch (LimitExceededException e) {
            stopped = e;
            throw e;
        }
    }

    /** Rethrows what stopped the layout, if anything did. */
    void throwIfStopped() {
        if (stopped != null) {
            throw stopped;
        }
    }

    @Override
    public void reset() {
        delegate.reset();
    }

    @Override
    public void remove(Element e) {
        delegate.remove(e);
    }

    @Override
    public void setFormSubmissionListener(FormSubmissionListener listener) {
        delegate.setFormSubmissionListener(listener);
    }
}
