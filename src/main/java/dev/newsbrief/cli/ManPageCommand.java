package dev.newsbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code newsbrief gen-manpage --outdir DIR}: writes the man pages, in AsciiDoc, from the CLI
 * model itself (picocli-codegen's generator), one per command: newsbrief.adoc,
 * newsbrief-build.adoc… Hidden: it is for scripts/manpages.sh, which refreshes docs/man/.
 * <p>
 * The generator is called by name, so that newsbrief compiles and runs without picocli-codegen;
 * only this command needs it on the class path.
 */
@Command(name = "gen-manpage", hidden = true,
        description = "Writes the man pages (AsciiDoc, one per command) into a directory; scripts/manpages.sh runs it.")
final class ManPageCommand implements Callable<Integer> {
    private static final String GENERATOR = "picocli.codegen.docgen.manpage.ManPageGenerator";

    @CommandLine.Spec
    CommandSpec spec;

    @Option(names = {"-d", "--outdir"}, paramLabel = "DIR", required = true, description = "Where to write the pages.")
    Path outdir;

    @Override
    public Integer call() throws IOException {
        Files.createDirectories(outdir);
        for (CommandSpec command : documented(spec.root())) {
            Files.writeString(outdir.resolve(fileName(command)), page(command), StandardCharsets.UTF_8);
        }
        return ExitCode.OK;
    }

    /** The root and every command under it that help shows (not hidden ones such as this), depth first. */
    static List<CommandSpec> documented(CommandSpec root) {
        List<CommandSpec> commands = new ArrayList<>();
        commands.add(root);
        for (CommandLine sub : new java.util.LinkedHashSet<>(root.subcommands().values())) {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                commands.addAll(documented(sub.getCommandSpec()));
            }
        }
        return commands;
    }

    /** {@code newsbrief-build.adoc} for {@code newsbrief build}. */
    static String fileName(CommandSpec command) {
        return command.qualifiedName("-") + ".adoc";
    }

    /**
     * One command's page. The version lines are left out: the version differs between a jar and a
     * development build, and a page that names it would be stale after every release.
     */
    static String page(CommandSpec command) {
        StringWriter text = new StringWriter();
        try (PrintWriter writer = new PrintWriter(text)) {
            Class.forName(GENERATOR).getMethod("writeSingleManPage", PrintWriter.class, CommandSpec.class).invoke(null, writer, command);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("gen-manpage needs info.picocli:picocli-codegen on the class path", e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("picocli-codegen's " + GENERATOR + " failed on " + command.qualifiedName(), e);
        }
        return text.toString().replace("\r\n", "\n").lines()
                .filter(line -> !line.startsWith(":revnumber:") && !line.startsWith(":mansource:"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));
    }
}
