package dev.newsbrief.model;

import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads one file a user gave (a story, translations, a template asset) within the
 * {@code input-bytes} limit: the size is checked before reading, and the read itself stops
 * one byte past the limit, so a file that grows while it is read cannot get past either.
 * Devices, pipes and folders are refused before they are opened (a FIFO would block,
 * {@code /dev/zero} never ends). Every problem is an {@link InvalidInputException}.
 */
public final class InputFile {
    private InputFile() { }

    /** The text of {@code file}, strictly UTF-8 (a leading byte order mark is dropped), at most {@code limits.inputBytes()} bytes. */
    public static String readText(Path file, String displayName, Limits limits) {
        return decode(displayName, readBytes(file, displayName, limits.inputBytes(), "input-bytes"));
    }

    /**
     * The bytes of {@code file}, at most {@code limit} bytes.
     *
     * @param limitName the {@code --limit} name that raises {@code limit}, for the error
     */
    public static byte[] readBytes(Path file, String displayName, long limit, String limitName) {
        try {
            if (!Files.isRegularFile(file)) {
                if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                    throw new InvalidInputException(displayName, 0, 0, "", "no such file");
                }
                throw new InvalidInputException(displayName, 0, 0, "",
                        "not a regular file (a folder, device, pipe or broken link); give a plain file");
            }
            long size = Files.size(file);
            if (size > limit) {
                throw new LimitExceededException(displayName, limitName,
                        "the file has " + size + " bytes, more than the limit of " + limit);
            }
            int cap = (int) Math.min(limit + 1, Integer.MAX_VALUE - 16);
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(cap);
            }
            if (bytes.length > limit) {
                throw new LimitExceededException(displayName, limitName,
                        "the file grew while it was read to more than the limit of " + limit + " bytes");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(displayName, 0, 0, "", "no such file");
        } catch (IOException e) {
            throw new InvalidInputException(displayName, 0, 0, "", "cannot read the file: " + e.getMessage());
        }
    }

    /**
     * {@code bytes} as UTF-8 text without a leading byte order mark. Malformed UTF-8 is
     * reported at its line and column, never replaced: a story must say what its author wrote.
     */
    public static String decode(String displayName, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
            int column = before.codePointCount(0, before.length()) + 1;
            throw new InvalidInputException(displayName, line, column, "", String.format(
                    "the file is not valid UTF-8 (byte 0x%02X at offset %d); save it as UTF-8", bytes[offset] & 0xFF, offset));
        }
        out.flip();
        String text = out.toString();
        // Editors on Windows start UTF-8 files with U+FEFF; YAML allows it there, and it is no content.
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
