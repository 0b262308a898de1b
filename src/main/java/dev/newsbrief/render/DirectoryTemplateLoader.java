package dev.newsbrief.render;

import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.model.InputFile;
import freemarker.cache.TemplateLoader;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Loads templates from the {@code --templates} directory and nothing outside it. Unlike
 * FreeMarker's {@code FileTemplateLoader}, whose escape check throws a bare
 * {@code SecurityException}, a symbolic link that leads out of the directory (or to nowhere)
 * is a {@link TemplateRefusal} naming the template, and a file over
 * {@code input-bytes} is refused before it is read. A name the directory does not have is
 * "not found" here, so the embedded default is used.
 */
final class DirectoryTemplateLoader implements TemplateLoader {
    private final Path root;
    private final long inputBytes;

    /** @param root the templates directory, already resolved with {@link Path#toRealPath} */
    DirectoryTemplateLoader(Path root, long inputBytes) {
        this.root = root;
        this.inputBytes = inputBytes;
    }

    @Override
    public Object findTemplateSource(String name) throws IOException {
        Path file = root.resolve(name).normalize();
        if (!file.startsWith(root)) {
            // FreeMarker's name normalisation already refuses '..' above the root; this is the second lock.
            throw new TemplateRefusal(name, "the name leads out of the templates directory;"
                    + " templates may only use files inside it");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        Path real;
        try {
            real = file.toRealPath();
        } catch (NoSuchFileException e) {
            throw new TemplateRefusal(name, "a symbolic link to a file that does not exist;"
                    + " replace the link with the file");
        }
        if (!real.startsWith(root)) {
            throw new TemplateRefusal(name, "a symbolic link that leads out of the templates directory;"
                    + " copy the file into the templates directory instead");
        }
        if (!Files.isRegularFile(real)) {
            return null;
        }
        long size = Files.size(real);
        if (size > inputBytes) {
            throw new LimitExceededException(name, "input-bytes",
                    "the template has " + size + " bytes, more than the limit of " + inputBytes);
        }
        return real;
    }

    @Override
    public long getLastModified(Object templateSource) {
        try {
            return Files.getLastModifiedTime((Path) templateSource).toMillis();
        } catch (IOException e) {
            return -1;
        }
    }

    @Override
    public Reader getReader(Object templateSource, String encoding) throws IOException {
        // Read through the same bounded, strict-UTF-8 reader as every other input: a file that grew
        // after findTemplateSource checked its size still stops at the limit.
        Path file = (Path) templateSource;
        String name = root.relativize(file).toString().replace('\\', '/');
        return new java.io.StringReader(InputFile.decode(name, InputFile.readBytes(file, name, inputBytes, "input-bytes")));
    }

    @Override
    public void closeTemplateSource(Object templateSource) {
        // Nothing held open between findTemplateSource and getReader.
    }

    @Override
    public String toString() {
        return "the templates directory " + root;
    }

    /**
     * A template file refused for where it leads. An IOException on purpose: FreeMarker then
     * reports a refused {@code #include} as an error of the include, with its template, line and
     * column, and the renderer turns it into one line of bad input.
     */
    static final class TemplateRefusal extends IOException {
        private final String name;
        private final String problem;

        TemplateRefusal(String name, String problem) {
            super(name + ": " + problem);
            this.name = name;
            this.problem = problem;
        }

        String name() {
            return name;
        }

        String problem() {
            return problem;
        }
    }
}
