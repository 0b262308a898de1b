package dev.newsbrief.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daemon's wire format, on DataInput/DataOutput streams (no JSON: the client must load as
 * few classes as it can). A request: magic, version, kind, the client's code fingerprint,
 * working directory, arguments, environment and whether it is on a terminal. The answer: frames
 * of stdout and stderr bytes ending with the exit code, or one "refused" frame that tells the
 * client to run the command itself.
 */
final class Protocol {
    static final int MAGIC = 0x4E42_4431; // "NBD1"
    /** Raised whenever the request or the answer changes shape; a daemon refuses any other version. */
    static final int VERSION = 1;

    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    static final byte EXIT = 3;
    static final byte REFUSED = 4;

    /** Bounds on what a request may hold, so a confused peer cannot make the daemon allocate without end. */
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final int MAX_ITEMS = 100_000;

    private Protocol() { }

    static void writeRequest(DataOutputStream out, Request request) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeByte(request.kind().ordinal());
        writeString(out, request.fingerprint());
        writeString(out, request.workingDirectory());
        out.writeInt(request.args().size());
        for (String arg : request.args()) {
            writeString(out, arg);
        }
        out.writeInt(request.environment().size());
        for (Map.Entry<String, String> variable : request.environment().entrySet()) {
            writeString(out, variable.getKey());
            writeString(out, variable.getValue());
        }
        out.writeBoolean(request.terminal());
        out.flush();
    }

    /** The request on {@code in}; a {@link ProtocolException} says why it cannot be served (the client then runs the command). */
    static Request readRequest(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC) {
            throw new ProtocolException("not a newsbrief client");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new ProtocolException("the daemon speaks protocol " + VERSION + ", the client " + version);
        }
        int kind = in.readUnsignedByte();
        if (kind >= Request.Kind.values().length) {
            throw new ProtocolException("unknown request kind " + kind);
        }
        String fingerprint = readString(in);
        String workingDirectory = readString(in);
        int argCount = count(in);
        List<String> args = new ArrayList<>(argCount);
        for (int i = 0; i < argCount; i++) {
            args.add(readString(in));
        }
        int variableCount = count(in);
        Map<String, String> environment = new LinkedHashMap<>();
        for (int i = 0; i < variableCount; i++) {
            environment.put(readString(in), readString(in));
        }
        boolean terminal = in.readBoolean();
        return new Request(Request.Kind.values()[kind], fingerprint, workingDirectory, args, environment, terminal);
    }

    static void writeString(DataOutputStream out, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    static String readString(DataInputStream in) throws IOException {
        int length = in.readInt();
        if (length < 0 || length > MAX_STRING_BYTES) {
            throw new ProtocolException("a string of " + length + " bytes");
        }
        return new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private static int count(DataInputStream in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_ITEMS) {
            throw new ProtocolException("a list of " + count + " items");
        }
        return count;
    }

    /** A request the daemon cannot serve; the message goes back to the client, which says it with -v. */
    static final class ProtocolException extends IOException {
        private static final long serialVersionUID = 1L;

        ProtocolException(String message) {
            super(message);
        }
    }
}
