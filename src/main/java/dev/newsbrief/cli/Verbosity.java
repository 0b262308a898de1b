package dev.newsbrief.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code -q/--quiet} and {@code -v/--verbose}, shared by the commands that build. */
final class Verbosity {
    @Option(names = {"-q", "--quiet"}, description = "Print nothing on success: no list of files, no progress bar (errors still go to stderr).")
    boolean quiet;

    @Option(names = {"-v", "--verbose"},
            description = "Also print, on stderr, each file as it is rendered or kept, and how long each stage took.")
    boolean verbose;

    /** Fails the command line when both are given. */
    void validate(CommandLine.Model.CommandSpec spec) {
        if (quiet && verbose) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--quiet and --verbose exclude each other");
        }
    }
}
