package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.Fixtures;
import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Subscriber lists: what a real export looks like is read, and every mistake is pointed at by line. */
class SubscribersTest {
    @TempDir
    Path dir;

    @Test
    void readsAnExportAsWritten() {
        // A byte order mark, CRLF, a blank line, quoted commas and quotes, an extra column, a row without a name.
        assertThat(Subscribers.load(Fixtures.fixture("newsletter/delivery/subscribers.csv"), Limits.DEFAULT)).containsExactly(
                new Subscriber("ani@example.org", "Անի Հակոբյան"),
                new Subscriber("lee@example.com", "Lee, Jordan"),
                new Subscriber("Olga@Example.RU", "Ольга Смирнова"),
                new Subscriber("cemile@example.net", ""),
                new Subscriber("x.y+tag@sub.example.org", "Sam \"Sammy\" O'Brien"));
    }

    @Test
    void aListWithoutANameColumnAndAHeaderAloneAreFine() throws Exception {
        assertThat(Subscribers.load(write("email\nani@example.org\n"), Limits.DEFAULT))
                .containsExactly(new Subscriber("ani@example.org", ""));
        assertThat(Subscribers.load(write("email,name\n"), Limits.DEFAULT)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "empty file          | ''                                                       | list.csv: the subscriber list is empty; write a header row 'email,name'",
        "blank file          | '\\n  \\n'                                               | list.csv: the subscriber list is empty",
        "no email column     | 'mail,name\\nani@example.org,Ani\\n'                     | list.csv:1: email: the header row has no 'email' column; the first row names the columns",
        "semicolons          | 'email;name\\nani@example.org;Ani\\n'                    | list.csv:1: email: the header row has no 'email' column (columns are separated by commas, not semicolons)",
        "email twice         | 'email,name,EMAIL\\n'                                    | list.csv:1: email: the column 'email' appears twice",
        "tabs only           | '\\t\\n\\t'                                             | list.csv: the subscriber list is empty",
        "email twice, no name| 'Email,EMAIL\\nani@example.org,lee@example.com\\n'     | list.csv:1: email: the column 'email' appears twice",
        "name twice          | 'name,email,Name\\nAni,ani@example.org,Ani\\n'           | list.csv:1: name: the column 'name' appears twice",
        "control char in name| 'email,name\\nani@example.org,A\u0007ni\\n'             | list.csv:2: name: a name is one line without control characters",
        "bad address         | 'email,name\\nani@example.org,Ani\\n\\nani at example,Ani\\n' | list.csv:4: email: 'ani at example' is not an email address",
        "no domain dot       | 'email\\nani@localhost\\n'                               | list.csv:2: email: 'ani@localhost' is not an email address",
        "empty address       | 'email,name\\n,Ani\\n'                                   | list.csv:2: email: no address; every row needs one",
        "duplicate by domain | 'email\\nAni@Example.org\\nlee@example.com\\nAni@EXAMPLE.ORG\\n' | list.csv:4: email: 'Ani@EXAMPLE.ORG' is already on the list (line 2)",
        "line break in name  | 'email,name\\nani@example.org,\"Ani\\nBcc: all@example.org\"\\n' | list.csv:2: name: a name is one line without control characters",
        "unclosed quote      | 'email,name\\nani@example.org,\"Ani\\n'                  | list.csv:",
    })
    void aMistakeIsReportedAtItsLine(String what, String content, String message) throws Exception {
        Path file = write(content.replace("\\n", "\n").replace("\\t", "\t"));
        assertThatThrownBy(() -> Subscribers.load(file, Limits.DEFAULT)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(file.getParent().resolve(message).toString()).hasMessageNotContaining("\n");
    }

    @Test
    void theNameColumnMayComeFirst() throws Exception {
        assertThat(Subscribers.load(write("name,email\nAni,ani@example.org\n"), Limits.DEFAULT))
                .containsExactly(new Subscriber("ani@example.org", "Ani"));
    }

    /** An address of 254 characters (the most RFC 5321 allows) and a name of 200 are read; one more is refused. */
    @Test
    void anAddressAndANameMayBeAsLongAsTheirLimits() throws Exception {
        String longest = "a".repeat(254 - "@example.org".length()) + "@example.org";
        String longestName = "Ա".repeat(200);
        assertThat(Subscribers.load(write("email,name\n" + longest + "," + longestName + "\n"), Limits.DEFAULT))
                .containsExactly(new Subscriber(longest, longestName));

        Path tooLongAddress = write("email\nani@example.org\na" + longest + "\n");
        assertThatThrownBy(() -> Subscribers.load(tooLongAddress, Limits.DEFAULT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("list.csv:3: email: 'a" + longest + "' is not an email address");
        Path tooLongName = write("email,name\nani@example.org,Ani\nlee@example.com," + longestName + "Ա\n");
        assertThatThrownBy(() -> Subscribers.load(tooLongName, Limits.DEFAULT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("list.csv:3: name: the name has 201 characters; at most 200");
    }

    @Test
    void theLocalPartKeepsItsCaseSoOnlyTheDomainMakesADuplicate() throws Exception {
        assertThat(Subscribers.load(write("email\nAni@example.org\nani@example.org\n"), Limits.DEFAULT))
                .extracting(Subscriber::address).containsExactly("Ani@example.org", "ani@example.org");
    }

    @Test
    void aListIsReadWithinTheInputLimitAndAsStrictUtf8() throws Exception {
        Path big = write("email\n" + "ani@example.org\n".repeat(100));
        assertThatThrownBy(() -> Subscribers.load(big, Limits.DEFAULT.with("input-bytes", "100")))
                .isInstanceOf(LimitExceededException.class);
        Path latin1 = dir.resolve("latin1.csv");
        Files.write(latin1, "email,name\nani@example.org,Ren\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Subscribers.load(latin1, Limits.DEFAULT)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("latin1.csv:2:").hasMessageContaining("not valid UTF-8");
    }

    private Path write(String content) throws Exception {
        Path file = dir.resolve("list.csv");
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }
}
