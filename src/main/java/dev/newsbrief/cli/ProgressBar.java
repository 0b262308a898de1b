package dev.newsbrief.cli;

import java.io.PrintWriter;

/**
 * A one-line progress bar redrawn in place with a carriage return: {@code [#####.....]  3/9  en/x.pdf}.
 * For a terminal only (the caller decides): in a file or pipe the carriage returns would be noise.
 * <p>
 * A small class rather than a library: the one maintained Java library for this
 * ({@code me.tongfei:progressbar}) brings JLine and a refresh thread to draw what is here a
 * dozen lines, redrawn only when a file is done (a handful per second at most), so no timer.
 */
final class ProgressBar {
    static final int BAR_WIDTH = 24;
    /** Long names are cut from the left, keeping the file's own name, so the line fits 80 columns. */
    static final int LABEL_WIDTH = 40;

    private final PrintWriter out;
    private int total;
    private int done;
    private int lastLength;

    ProgressBar(PrintWriter out) {
        this.out = out;
    }

    /** Starts a new bar of {@code total} steps and draws it empty. */
    void start(int total) {
        this.total = Math.max(total, 0);
        this.done = 0;
        draw("");
    }

    /** One step is done; {@code label} names it. */
    void step(String label) {
        done = Math.min(done + 1, total);
        draw(label);
    }

    /** Removes the bar, leaving the cursor at the start of an empty line for what is printed next. */
    void finish() {
        if (lastLength > 0) {
            out.print("\r" + " ".repeat(lastLength) + "\r");
            out.flush();
            lastLength = 0;
        }
    }

    /** The line as drawn for {@code done} of {@code total}, without the carriage return. */
    static String line(int done, int total, String label) {
        int filled = total == 0 ? BAR_WIDTH : done * BAR_WIDTH / total;
        String shown = label.length() > LABEL_WIDTH ? "…" + label.substring(label.length() - LABEL_WIDTH + 1) : label;
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + done + "/" + total + (shown.isEmpty() ? "" : "  " + shown);
    }

    private void draw(String label) {
        String line = line(done, total, label);
        // Pad over the longer line drawn before, rather than an erase escape, so it works on any terminal.
        String padding = " ".repeat(Math.max(0, lastLength - line.length()));
        out.print("\r" + line + padding);
        out.flush();
        lastLength = line.length() + padding.length();
    }
}
