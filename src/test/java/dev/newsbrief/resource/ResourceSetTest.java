package dev.newsbrief.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Nothing under --templates or --translations is read through a link that leaves the folder, nor beyond the limits. */
class ResourceSetTest {
    @TempDir
    Path root;
    @TempDir
    Path outside;

    private Path secret() throws IOException {
        return Files.writeString(outside.resolve("secret.txt"), "secret", StandardCharsets.UTF_8);
    }

    @Test
    void aFileLinkedOutOfTheFolderIsRefusedNamingTheLinkAndItsTarget() throws IOException {
        Path secret = secret();
        Path link = Files.createSymbolicLink(root.resolve("messages.yaml"), secret);
        ResourceSet set = new ResourceSet("templates", root);
        String expected = link + ": is a link to " + secret.toRealPath() + ", outside --templates (" + root.toRealPath()
                + "); copy the file into the folder instead";
        assertThatThrownBy(() -> set.find("messages.yaml")).isExactlyInstanceOf(InvalidInputException.class).hasMessage(expected);
        assertThatThrownBy(() -> set.layers("messages.yaml")).isExactlyInstanceOf(InvalidInputException.class).hasMessage(expected);
        assertThatThrownBy(() -> set.findBytes("messages.yaml")).isExactlyInstanceOf(InvalidInputException.class).hasMessage(expected);
    }

    @Test
    void aFolderLinkedOutOfTheFolderIsRefusedForFilesAndListings() throws IOException {
        secret();
        Path link = Files.createSymbolicLink(root.resolve("hy"), outside);
        ResourceSet set = new ResourceSet("translations", root);
        assertThatThrownBy(() -> set.find("hy/secret.txt"))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(link.resolve("secret.txt") + ": is a link to " + outside.toRealPath().resolve("secret.txt") + ", outside --translations");
        assertThatThrownBy(() -> set.directories(""))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(link + ": is a link to " + outside.toRealPath() + ", outside --translations");
    }

    @Test
    void linksThatStayInsideAreFollowed() throws IOException {
        Files.createDirectories(root.resolve("real"));
        Files.writeString(root.resolve("real/a.css"), "a {}");
        Files.createSymbolicLink(root.resolve("alias.css"), root.resolve("real/a.css"));
        Files.createSymbolicLink(root.resolve("linked"), root.resolve("real"));
        ResourceSet set = new ResourceSet("templates", root);
        assertThat(set.find("alias.css")).get().extracting(ResourceSet.Resource::text).isEqualTo("a {}");
        assertThat(set.findBytes("linked/a.css")).get().isEqualTo("a {}".getBytes(StandardCharsets.UTF_8));
        assertThat(set.directories("")).contains("real", "linked");
    }

    /** The root is resolved once: a --templates that is itself a link to a folder is fine. */
    @Test
    void aRootThatIsALinkIsFine() throws IOException {
        Files.writeString(outside.resolve("a.css"), "a {}");
        Path rootLink = Files.createSymbolicLink(root.resolve("templates-link"), outside);
        ResourceSet set = new ResourceSet("templates", rootLink);
        assertThat(set.find("a.css")).get().extracting(ResourceSet.Resource::displayName).isEqualTo(rootLink.resolve("a.css").toString());
        assertThat(set.findBytes("a.css")).isPresent();
    }

    @Test
    void aBrokenLinkIsRefused() throws IOException {
        Path link = Files.createSymbolicLink(root.resolve("gone.css"), outside.resolve("gone.css"));
        assertThatThrownBy(() -> new ResourceSet("templates", root).find("gone.css"))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(link + ": is a broken link; copy the file into the folder instead");
    }

    @Test
    void aUserFileBeyondTheInputLimitIsRefusedBeforeReading() throws IOException {
        Files.writeString(root.resolve("messages.yaml"), "# " + "x".repeat(200) + "\n");
        ResourceSet set = new ResourceSet("translations", root, Limits.DEFAULT.with("input-bytes", "100"));
        assertThatThrownBy(() -> set.find("messages.yaml"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage(root.resolve("messages.yaml") + ": the file has 203 bytes, more than the limit of 100; "
                        + "if the input is trusted, raise the limit with --limit input-bytes=<value>");
    }

    /** Binary assets (fonts, images) end up inside an output file, so they are held to the output-bytes limit. */
    @Test
    void anAssetBeyondTheOutputLimitIsRefused() throws IOException {
        Files.write(root.resolve("big.png"), new byte[300]);
        ResourceSet set = new ResourceSet("templates", root, Limits.DEFAULT.with("input-bytes", "100").with("output-bytes", "200"));
        assertThatThrownBy(() -> set.findBytes("big.png"))
                .isInstanceOf(LimitExceededException.class)
                .hasMessage(root.resolve("big.png") + ": the file has 300 bytes, more than the limit of 200; "
                        + "if the input is trusted, raise the limit with --limit output-bytes=<value>");
    }

    @Test
    void invalidUtf8IsReportedWithItsPosition() throws IOException {
        Files.write(root.resolve("messages.yaml"), new byte[] {'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xC3, '('});
        assertThatThrownBy(() -> new ResourceSet("translations", root).find("messages.yaml"))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(root.resolve("messages.yaml") + ":2:4: the file is not valid UTF-8 (byte 0xC3 at offset 8); save it as UTF-8");
    }

    @Test
    void aMissingOverrideIsAnError() {
        Path missing = root.resolve("missing");
        assertThatThrownBy(() -> new ResourceSet("translations", missing))
                .isExactlyInstanceOf(InvalidInputException.class)
                .hasMessage(missing + ": no such directory; the --translations option needs a directory laid out like the embedded translations/");
    }

    @Test
    void filesListsEveryFileOfBothLayersRecursivelyRelativeAndSorted() throws IOException {
        Path override = root;
        Files.createDirectories(override.resolve("kinds/summit"));
        Files.writeString(override.resolve("kinds/summit/brief.ftlh"), "x");
        Files.writeString(override.resolve("article.ftlh"), "mine");

        ResourceSet templates = new ResourceSet("templates", override);

        assertThat(templates.embeddedFiles("")).contains("article.ftlh", "pdf/fonts.yaml", "kinds/ceasefire/key-facts.ftlh")
                .doesNotContain("kinds/summit/brief.ftlh");
        assertThat(templates.files("")).contains("article.ftlh", "pdf/fonts.yaml", "kinds/summit/brief.ftlh");
        assertThat(templates.files("kinds")).contains("ceasefire/key-facts.ftlh", "summit/brief.ftlh")
                .doesNotContain("article.ftlh");
        assertThat(java.util.List.copyOf(templates.files(""))).isSorted();
        assertThat(templates.files("no-such-folder")).isEmpty();
    }
}
