package dev.newsbrief.render;

import dev.newsbrief.limit.LimitExceededException;
import java.io.Writer;

/**
 * Collects a template's output and stops it at {@code output-bytes} (counted as UTF-8, the
 * encoding it is written in), so a runaway loop fails in memory instead of publishing gigabytes.
 * Once tripped it stays tripped: the renderer asks {@link #throwIfExceeded()} after processing,
 * so the limit holds even where the template engine catches the exception.
 */
final class LimitedWriter extends Writer {
    private final String template;
    private final long limit;
    private final StringBuilder text = new StringBuilder(16 * 1024);
    private long bytes;
    private boolean exceeded;

    LimitedWriter(String template, long limit) {
        this.template = template;
        this.limit = limit;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        take(java.nio.CharBuffer.wrap(chars, offset, length));
    }

    @Override
    public void write(String string, int offset, int length) {
        take(string.subSequence(offset, offset + length));
    }

    @Override
    public void write(int c) {
        take(String.valueOf((char) c));
    }

    private void take(CharSequence chars) {
        throwIfExceeded();
        long added = 0;
        for (int i = 0; i < chars.length(); i++) {
            added += utf8Bytes(chars.charAt(i));
        }
        if (bytes + added > limit) {
            bytes += added;
            exceeded = true;
            throwIfExceeded();
        }
        bytes += added;
        text.append(chars);
    }

    /** UTF-8 length of one UTF-16 unit: a surrogate pair is 4 bytes, 2 for each half. */
    private static int utf8Bytes(char c) {
        if (c < 0x80) {
            return 1;
        }
        if (c < 0x800 || Character.isSurrogate(c)) {
            return 2;
        }
        return 3;
    }

    /** @throws LimitExceededException if the output ever went over the limit */
    void throwIfExceeded() {
        if (exceeded) {
            throw new LimitExceededException(template, "output-bytes",
                    "the output of " + template + " reached " + bytes + " bytes, more than the limit of " + limit);
        }
    }

    @Override
    public void flush() {
        // Nothing is buffered below this writer.
    }

    @Override
    public void close() {
        // The text stays readable after FreeMarker closes its writers.
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
