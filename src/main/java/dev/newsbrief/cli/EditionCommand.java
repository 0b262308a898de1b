package dev.newsbrief.cli;

import dev.newsbrief.limit.Limits;
import dev.newsbrief.newsletter.DeliveryReport;
import dev.newsbrief.newsletter.EditionBuilder;
import dev.newsbrief.newsletter.NewsletterStore;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsbrief edition}: builds (and sends) the next edition of a newsletter. */
@Command(name = "edition",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Builds the next edition of a newsletter: its stories (newest first, none sent before, at most the newsletter's max), "
                + "per language the email (HTML, plain text and an RFC 5322 .eml), the web version, the archive and the Atom "
                + "feed, with the briefs they link to, published in one atomic step.",
            "An edition stays open until it is sent: building it again gives the same number, date, stories and bytes. "
                + "--send delivers it and seals it; the next run then makes the next edition.",
            "Output: <output>/newsletters/<name>/<lang>/<n>.html, <n>.email.html, <n>.txt, <n>.eml, index.html (archive), "
                + "feed.atom; <output>/newsletters/<name>/feed.atom (every language)."})
final class EditionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final java.util.function.Function<String, String> environment;

    /** Whether a person watches a terminal (progress bar) and colour is allowed. */
    private final Console console;

    EditionCommand() {
        this(System::getenv, Console.PLAIN);
    }

    EditionCommand(java.util.function.Function<String, String> environment) {
        this(environment, Console.PLAIN);
    }

    EditionCommand(java.util.function.Function<String, String> environment, Console console) {
        this.environment = environment;
        this.console = console;
    }

    @Parameters(paramLabel = "NEWSLETTER", description = "The newsletter's file, e.g. newsletters/morning.yaml.")
    Path newsletter;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", defaultValue = "output",
            description = "Output directory. Default: ${DEFAULT-VALUE}.")
    Path output;

    @Option(names = "--templates", paramLabel = "DIR", description = "A directory of templates overriding the embedded ones, file by file.")
    Path templates;

    @Option(names = "--translations", paramLabel = "DIR",
            description = "A directory of translations overriding the embedded ones, file by file.")
    Path translations;

    @Option(names = "--at", paramLabel = "INSTANT",
            description = "The moment of a new edition (its date and Date header), as 2025-08-09T06:00:00Z, or 'now'. "
                + "Default: the start of the newest story's publication day, so a rebuild never depends on the clock. "
                + "An open edition keeps its own.")
    String at;

    @Option(names = "--send",
            description = "Deliver the edition to each language's subscribers through SMTP: NEWSBRIEF_SMTP_HOST, _PORT (587), "
                + "_SECURITY (starttls, smtps or none), _USER and _PASSWORD from the environment. Each subscriber gets it once: "
                + "a rerun after a failure sends only what is missing.")
    boolean send;

    @Option(names = "--resend-in-doubt",
            description = "With --send: send again to addresses whose earlier send was cut off before the server's answer "
                + "(they may get a second copy). Default: report them and leave them.")
    boolean resendInDoubt;

    @Option(names = "--seal",
            description = "Mark the edition sent without sending it (it went out another way); the next run makes the next edition.")
    boolean seal;

    @Option(names = "--store", paramLabel = "URL",
            description = "Keep editions and deliveries in PostgreSQL (jdbc:postgresql://host:5432/db; NEWSBRIEF_DB_USER and "
                + "NEWSBRIEF_DB_PASSWORD from the environment), shared by several machines. Default: files under "
                + "<output>/.newsbrief/newsletters.")
    String store;

    @Option(names = "--wait", description = "If another build is writing into the output directory, wait for it. Default: fail at once (exit 5).")
    boolean waitForLock;

    @Option(names = "--limit", paramLabel = "NAME=VALUE", description = "Raise or lower a limit, as for 'newsbrief build'.")
    java.util.Map<String, String> limits = new java.util.LinkedHashMap<>();

    @CommandLine.Mixin
    Verbosity verbosity = new Verbosity();

    @Override
    public Integer call() {
        verbosity.validate(spec);
        if (send && seal) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--send and --seal exclude each other");
        }
        if (resendInDoubt && !send) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--resend-in-doubt goes with --send");
        }
        EditionBuilder.Options options = EditionBuilder.Options.defaults(output)
                .withTemplates(templates)
                .withTranslations(translations)
                .withLimits(limits())
                .withAt(at())
                .withSend(send, Environments.smtp(environment))
                .withResendInDoubt(resendInDoubt)
                .withSeal(seal)
                .withWaitForLock(waitForLock);
        BuildReporter reporter = new BuildReporter(spec.commandLine().getErr(), console, verbosity, System::nanoTime);
        EditionBuilder.Result result;
        try (NewsletterStore state = Environments.store(store, output, environment)) {
            result = new EditionBuilder().run(newsletter, options, state, reporter);
        } finally {
            reporter.close();
        }
        if (!verbosity.quiet) {
            var out = spec.commandLine().getOut();
            out.println(result.summary());
            for (DeliveryReport report : result.deliveries()) {
                report.failed().forEach(line -> out.println("  " + report.language() + " failed: " + line));
                report.deferred().forEach(line -> out.println("  " + report.language() + " deferred (retried next run): " + line));
                report.inDoubt().forEach(line -> out.println("  " + report.language() + " in doubt (not resent; see --resend-in-doubt): " + line));
            }
            out.flush();
        }
        boolean failed = result.deliveries().stream().anyMatch(report -> !report.failed().isEmpty());
        return result.troubled() || failed ? ExitCode.DELIVERY : ExitCode.OK;
    }

    private Optional<Instant> at() {
        if (at == null) {
            return Optional.empty();
        }
        if (at.equals("now")) {
            return Optional.of(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        }
        try {
            return Optional.of(Instant.parse(at));
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--at: '" + at
                    + "' is not an instant such as 2025-08-09T06:00:00Z, nor 'now'");
        }
    }

    private Limits limits() {
        return Environments.limits(limits, spec);
    }
}
