package dev.newsbrief.daemon;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * One of a request's output streams: bytes are buffered and sent as one frame on each flush
 * (the CLI's writers flush after each line). A client that went away is noted, not thrown: the
 * build goes on to its end, and the daemon to its next client.
 */
final class FrameStream extends OutputStream {
    private final Connection connection;
    private final byte tag;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

    FrameStream(Connection connection, byte tag) {
        this.connection = connection;
        this.tag = tag;
    }

    @Override
    public synchronized void write(int b) {
        buffer.write(b);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        buffer.write(bytes, offset, length);
    }

    @Override
    public synchronized void flush() {
        if (buffer.size() > 0) {
            connection.frame(tag, buffer.toByteArray());
            buffer.reset();
        }
    }

    @Override
    public void close() {
        flush();
    }

    /** The socket's output, shared by a request's stdout and stderr; writes one whole frame at a time. */
    static final class Connection {
        private final DataOutputStream out;
        private volatile boolean gone;

        Connection(DataOutputStream out) {
            this.out = out;
        }

        synchronized void frame(byte tag, byte[] bytes) {
            if (gone) {
                return;
            }
            try {
                out.writeByte(tag);
                out.writeInt(bytes.length);
                out.write(bytes);
                out.flush();
            } catch (IOException clientGone) {
                gone = true;
            }
        }

        synchronized void exit(int code) {
            if (gone) {
                return;
            }
            try {
                out.writeByte(Protocol.EXIT);
                out.writeInt(code);
                out.flush();
            } catch (IOException clientGone) {
                gone = true;
            }
        }

        synchronized void refuse(String reason) {
            try {
                out.writeByte(Protocol.REFUSED);
                Protocol.writeString(out, reason);
                out.flush();
            } catch (IOException clientGone) {
                gone = true;
            }
        }

        boolean gone() {
            return gone;
        }
    }
}
