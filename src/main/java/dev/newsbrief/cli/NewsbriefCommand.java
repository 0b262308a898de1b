package dev.newsbrief.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code newsbrief} command; its work is done by subcommands. */
@Command(name = "newsbrief",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        // The first line is the man page's NAME line: one whole sentence.
        description = {"Renders structured news stories into briefs in Armenian, Azerbaijani, Russian and English.",
            "Also builds and sends newsletter editions of them on a schedule, checks stories and translations, "
                + "and previews them in a browser."},
        subcommands = {BuildCommand.class, CheckCommand.class, TranslationsCommand.class, ServeCommand.class, InitCommand.class,
            EditionCommand.class, ScheduleCommand.class, StatusCommand.class, DaemonCommand.class,
            CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the build finished and published its output",
            "1:an unexpected internal error (a bug)",
            "2:wrong command line",
            "3:invalid input: a story, translation, template, font list, environment variable or a limit exceeded (the message names file, line and field)",
            "4:reading or writing files failed",
            "5:another build is writing into the output directory (see --wait)",
            "6:an edition went out, but some addresses failed, were deferred or are in doubt (listed)",
            "7:schedule --once: a run that was due failed (logged)"})
public final class NewsbriefCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Console console;

    NewsbriefCommand(Console console) {
        this.console = console;
    }

    /** Whether a person watches a terminal and colour is allowed; subcommands reach it through {@code @ParentCommand}. */
    Console console() {
        return console;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try 'newsbrief build' or 'newsbrief edition newsletters/morning.yaml'");
    }

    /** The whole CLI, writing to {@code out} and {@code err}: tests run it exactly as users do. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        return commandLine(out, err, System::getenv);
    }

    /** The whole CLI, reading environment variables (such as SOURCE_DATE_EPOCH) from {@code environment}; no terminal, no colour. */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, java.util.function.Function<String, String> environment) {
        return commandLine(out, err, environment, Console.PLAIN);
    }

    /**
     * The whole CLI as {@link Main} runs it: {@code console} says whether a person watches a
     * terminal (progress bars) and whether colour is allowed, in help and in newsbrief's messages.
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, java.util.function.Function<String, String> environment,
            Console console) {
        return commandLine(out, err, environment, console, null, null);
    }

    /**
     * The whole CLI as the build daemon runs it for a client: {@code builder} is shared by every
     * build (null: a new one per build), and relative paths on the command line, defaults
     * included, resolve against the client's {@code workingDirectory} (null: this process's).
     */
    static CommandLine commandLine(PrintWriter out, PrintWriter err, java.util.function.Function<String, String> environment,
            Console console, dev.newsbrief.build.Builder builder, java.nio.file.Path workingDirectory) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            @SuppressWarnings("unchecked")
            public <K> K create(Class<K> type) throws Exception {
                if (type == BuildCommand.class) {
                    return (K) new BuildCommand(environment, console, builder);
                }
                if (type == EditionCommand.class) {
                    return (K) new EditionCommand(environment, console);
                }
                if (type == ScheduleCommand.class) {
                    return (K) new ScheduleCommand(environment);
                }
                if (type == StatusCommand.class) {
                    return (K) new StatusCommand(environment);
                }
                if (type == DaemonCommand.class) {
                    return (K) new DaemonCommand(environment);
                }
                return defaults.create(type);
            }
        };
        CommandLine commandLine = new CommandLine(new NewsbriefCommand(console), factory);
        // picocli's generator of bash/zsh completion scripts, under a shorter name, shown in help (it hides itself by default).
        CommandLine completion = new CommandLine(new picocli.AutoComplete.GenerateCompletion(), factory);
        completion.getCommandSpec().name("completion");
        completion.getCommandSpec().usageMessage().hidden(false)
                .description("Prints a completion script for bash and zsh (it loads zsh's bashcompinit itself).",
                        "Load it in the current shell with: source <(newsbrief completion); to keep it, save it under "
                            + "/etc/bash_completion.d/newsbrief or source it from ~/.bashrc or ~/.zshrc.");
        commandLine.addSubcommand("completion", completion);
        commandLine.addSubcommand("gen-manpage", new CommandLine(new ManPageCommand(), factory));
        if (workingDirectory != null) {
            // The daemon's own directory is not the client's; registered last, so every subcommand has it.
            commandLine.registerConverter(java.nio.file.Path.class, workingDirectory::resolve);
        }
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        // picocli's own Ansi.AUTO reads the real environment; this follows the injected one (NO_COLOR).
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(console.ansi()));
        commandLine.setExitCodeExceptionMapper(ExitCodes::of);
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            cmd.getErr().println("newsbrief: " + ExitCodes.describe(exception));
            cmd.getErr().flush();
            return ExitCodes.of(exception);
        });
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            cmd.getErr().println("newsbrief: " + exception.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            cmd.getErr().flush();
            return ExitCode.USAGE;
        });
        return commandLine;
    }
}
