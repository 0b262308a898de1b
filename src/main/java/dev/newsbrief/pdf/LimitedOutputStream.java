package dev.newsbrief.pdf;

import dev.newsbrief.limit.LimitExceededException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;

/**
 * Collects a PDF and stops it at {@code output-bytes}. Stays tripped once over the limit, so the
 * renderer can report the limit even when openpdf wraps or swallows what {@link #write} threw.
 */
final class LimitedOutputStream extends OutputStream {
    private final String template;
    private final long limit;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
    private long count;
    private boolean exceeded;

    LimitedOutputStream(String template, long limit) {
        this.template = template;
        this.limit = limit;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) {
        throwIfExceeded();
        count += length;
        if (count > limit) {
            exceeded = true;
            throwIfExceeded();
        }
        bytes.write(buffer, offset, length);
    }

    /** @throws LimitExceededException if the PDF ever went over the limit */
    void throwIfExceeded() {
        if (exceeded) {
            throw new LimitExceededException(template, "output-bytes",
                    "the PDF of " + template + " reached " + count + " bytes, more than the limit of " + limit);
        }
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
