package dev.newsbrief.newsletter;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InputFile;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Reads a subscriber list: a CSV file (RFC 4180, UTF-8) whose first row names the columns.
 * {@code email} is required, {@code name} optional, other columns are ignored (lists exported
 * from other tools carry more). Every problem is an {@link InvalidInputException} naming the
 * file and line, before anything is sent.
 *
 * <pre>
 * email,name
 * ani@example.org,Անի Հակոբյան
 * "lee@example.com","Lee, Jordan"
 * </pre>
 */
public final class Subscribers {
    // The sender check of NewsletterLoader: an RFC 5321 dot-atom local part and a domain with a dot.
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    /** RFC 5321 §4.5.3.1.3: a path is at most 256 octets with its angle brackets. */
    private static final int MAX_ADDRESS = 254;
    private static final int MAX_NAME = 200;
    private static final CsvMapper CSV = CsvMapper.builder()
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();

    private Subscribers() { }

    /** The subscribers of {@code csv}, in the file's order; a header row alone gives none. */
    public static List<Subscriber> load(Path csv, Limits limits) {
        Objects.requireNonNull(csv, "The parameter 'csv' must not be null");
        Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
        String display = csv.toString();
        String text = InputFile.readText(csv, display, limits);
        if (text.isBlank()) {
            throw new InvalidInputException(display, 0, 0, "", "the subscriber list is empty; write a header row "
                    + "'email,name' and then one subscriber per line");
        }
        try (JsonParser parser = CSV.createParser(text)) {
            return read(display, text, parser);
        } catch (JsonProcessingException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw new InvalidInputException(display, Math.max(line, 0), 0, "", "not a valid CSV file ("
                    + e.getOriginalMessage() + "); quote values that hold commas or quotes with \"…\"");
        } catch (IOException e) {
            throw new InvalidInputException(display, 0, 0, "", "cannot read the subscriber list: " + e.getMessage());
        }
    }

    private static List<Subscriber> read(String display, String text, JsonParser parser) throws IOException {
        // The text is not blank, so the parser finds at least one row: the header.
        List<Row> rows = new ArrayList<>();
        Row row;
        Lines lines = new Lines(text);
        while ((row = nextRow(lines, parser)) != null) {
            rows.add(row);
        }
        Row header = rows.getFirst();
        int email = -1;
        int name = -1;
        for (int i = 0; i < header.values().size(); i++) {
            String column = header.values().get(i).toLowerCase(Locale.ROOT);
            if (column.equals("email") || column.equals("name")) {
                if ((column.equals("email") ? email : name) >= 0) {
                    throw new InvalidInputException(display, header.line(), 0, column, "the column '" + column
                            + "' appears twice in the header row; keep one");
                }
                if (column.equals("email")) {
                    email = i;
                } else {
                    name = i;
                }
            }
        }
        if (email < 0) {
            String hint = String.join(",", header.values()).contains(";")
                    ? " (columns are separated by commas, not semicolons)" : "";
            throw new InvalidInputException(display, header.line(), 0, "email", "the header row has no 'email' column"
                    + hint + "; the first row names the columns, e.g. 'email,name'");
        }
        List<Subscriber> subscribers = new ArrayList<>();
        Map<String, Integer> lineOf = new HashMap<>();
        for (Row subscriber : rows.subList(1, rows.size())) {
            String address = subscriber.value(email);
            String displayName = name < 0 ? "" : subscriber.value(name);
            check(display, subscriber.line(), address, displayName);
            Subscriber s = new Subscriber(address, displayName);
            Integer first = lineOf.putIfAbsent(s.key(), subscriber.line());
            if (first != null) {
                throw new InvalidInputException(display, subscriber.line(), 0, "email", "'" + InvalidInputException.escape(address)
                        + "' is already on the list (line " + first + "); each address once, or it would get every edition twice");
            }
            subscribers.add(s);
        }
        return List.copyOf(subscribers);
    }

    private static void check(String display, int line, String address, String name) {
        if (address.isEmpty()) {
            throw new InvalidInputException(display, line, 0, "email", "no address; every row needs one, or delete the row");
        }
        if (address.length() > MAX_ADDRESS || !ADDRESS.matcher(address).matches()) {
            throw new InvalidInputException(display, line, 0, "email", "'" + InvalidInputException.escape(address)
                    + "' is not an email address such as ani@example.org");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(display, line, 0, "name", "a name is one line without control characters "
                    + "(it goes into the To header); remove the line break");
        }
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException(display, line, 0, "name", "the name has " + name.length()
                    + " characters; at most " + MAX_NAME);
        }
    }

    /** Line numbers of offsets that only grow: one pass over the text for the whole file. */
    private static final class Lines {
        private final String text;
        private int offset;
        private int line = 1;

        Lines(String text) {
            this.text = text;
        }

        int at(long target) {
            int end = (int) Math.min(target, text.length());
            for (; offset < end; offset++) {
                if (text.charAt(offset) == '\n') {
                    line++;
                }
            }
            return line;
        }
    }

    /** One CSV record and the line it starts on. */
    private record Row(int line, List<String> values) {
        String value(int column) {
            return column < values.size() ? values.get(column) : "";
        }
    }

    /** The next record (without a schema each is an array of strings), or null at the end. */
    private static Row nextRow(Lines lines, JsonParser parser) throws IOException {
        // Rows follow one another: each START_ARRAY after the previous END_ARRAY, then the end.
        if (parser.nextToken() == null) {
            return null;
        }
        JsonToken token;
        int line = 0;
        List<String> values = new ArrayList<>();
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            if (values.isEmpty()) {
                // The parser's own line number counts records, not lines: count the lines before the record's first value.
                line = lines.at(parser.currentTokenLocation().getCharOffset());
            }
            values.add(parser.getText());
        }
        return new Row(line, values);
    }
}
