package dev.newsbrief.newsletter;

import dev.newsbrief.build.BuildListener;
import dev.newsbrief.build.BuildOptions;
import dev.newsbrief.build.BuildResult;
import dev.newsbrief.build.Builder;
import dev.newsbrief.build.ExtraOutput;
import dev.newsbrief.build.Fingerprint;
import dev.newsbrief.build.Format;
import dev.newsbrief.i18n.Translations;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.newsletter.EditionPlanner.Candidate;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Builds one edition of a newsletter and, when asked, sends it: picks the stories (newest
 * first, none an earlier sent edition had), records the edition, publishes its pages, email
 * and feeds together with the briefs they link to in one atomic release, then delivers each
 * language to its subscribers. An edition stays open — built again byte for byte, with the
 * same number, date and stories — until its delivery is complete; then it is sealed and the
 * next run makes the next edition.
 */
public final class EditionBuilder {

    /**
     * @param output        the output directory (the briefs, the newsletter's pages and feeds)
     * @param templates     a directory overriding the embedded templates, or null
     * @param translations  a directory overriding the embedded translations, or null
     * @param limits        input and render limits
     * @param at            the edition's moment when a new one is made; empty: the newest story's
     *                      publication day (start of day in its zone), so a rebuild never depends on the clock
     * @param send          deliver to the subscribers through SMTP (settings from {@code environment})
     * @param resendInDoubt send again to addresses whose earlier send was interrupted (they may get a second copy)
     * @param seal          mark the edition sent without sending (it was delivered another way)
     * @param environment   where SMTP settings and credentials come from
     * @param waitForLock   wait for another build into the same output instead of failing
     */
    public record Options(Path output, Path templates, Path translations, Limits limits, Optional<Instant> at, boolean send,
                          boolean resendInDoubt, boolean seal, Map<String, String> environment, boolean waitForLock) {
        public Options {
            Objects.requireNonNull(output, "The parameter 'output' must not be null");
            Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
            Objects.requireNonNull(at, "The parameter 'at' must not be null");
            environment = Map.copyOf(environment);
        }

        public static Options defaults(Path output) {
            return new Options(output, null, null, Limits.DEFAULT, Optional.empty(), false, false, false, Map.of(), false);
        }

        public Options withAt(Optional<Instant> value) {
            return new Options(output, templates, translations, limits, value, send, resendInDoubt, seal, environment, waitForLock);
        }

        public Options withSend(boolean value, Map<String, String> env) {
            return new Options(output, templates, translations, limits, at, value, resendInDoubt, seal, env, waitForLock);
        }

        public Options withResendInDoubt(boolean value) {
            return new Options(output, templates, translations, limits, at, send, value, seal, environment, waitForLock);
        }

        public Options withSeal(boolean value) {
            return new Options(output, templates, translations, limits, at, send, resendInDoubt, value, environment, waitForLock);
        }

        public Options withTemplates(Path value) {
            return new Options(output, value, translations, limits, at, send, resendInDoubt, seal, environment, waitForLock);
        }

        public Options withTranslations(Path value) {
            return new Options(output, templates, value, limits, at, send, resendInDoubt, seal, environment, waitForLock);
        }

        public Options withLimits(Limits value) {
            return new Options(output, templates, translations, value, at, send, resendInDoubt, seal, environment, waitForLock);
        }

        public Options withWaitForLock(boolean value) {
            return new Options(output, templates, translations, limits, at, send, resendInDoubt, seal, environment, value);
        }
    }

    /**
     * What a run did.
     *
     * @param edition    the edition built, or empty when there was nothing new to send
     * @param build      what was published (null when nothing was built)
     * @param deliveries per language, when sent
     * @param sealed     whether the edition is now sealed (sent, or marked sent)
     */
    public record Result(Newsletter newsletter, Optional<Edition> edition, BuildResult build, List<DeliveryReport> deliveries,
                         boolean sealed) {
        public Result {
            deliveries = List.copyOf(deliveries);
        }

        /** Whether any address is left deferred (to retry) or in doubt: the run needs an operator's look. */
        public boolean troubled() {
            return deliveries.stream().anyMatch(report -> !report.deferred().isEmpty() || !report.inDoubt().isEmpty());
        }

        /** One line for logs and the terminal. */
        public String summary() {
            if (edition.isEmpty()) {
                return newsletter.name() + ": nothing new to send (every story in " + newsletter.stories().folder()
                        + " was in a sent edition)";
            }
            Edition e = edition.get();
            StringBuilder line = new StringBuilder(newsletter.name() + " edition " + e.number() + " (" + e.at() + ", "
                    + e.stories().size() + (e.stories().size() == 1 ? " story" : " stories") + "): ");
            line.append(build.upToDate() ? "up to date" : "wrote " + build.files().size() + " files");
            for (DeliveryReport report : deliveries) {
                line.append("; ").append(report.language()).append(": sent ").append(report.sent());
                if (report.alreadySent() > 0) {
                    line.append(" (").append(report.alreadySent()).append(" before)");
                }
                if (!report.failed().isEmpty()) {
                    line.append(", failed ").append(report.failed().size());
                }
                if (!report.deferred().isEmpty()) {
                    line.append(", deferred ").append(report.deferred().size());
                }
                if (!report.inDoubt().isEmpty()) {
                    line.append(", in doubt ").append(report.inDoubt().size());
                }
            }
            line.append(sealed ? "; sealed" : "; open");
            return line.toString();
        }
    }

    /** Where the newsletters' state lives by default: beside the releases, in the output's own folder. */
    public static Path defaultStateDirectory(Path output) {
        return output.resolve(".newsbrief").resolve("newsletters");
    }

    private final Builder builder = new Builder();

    /** Builds (and, as {@code options} say, sends or seals) the edition due for the newsletter in {@code file}. */
    public Result run(Path file, Options options, NewsletterStore store) {
        return run(file, options, store, BuildListener.NONE);
    }

    /**
     * What a scheduled run does at {@code at}: first delivers an edition an earlier run left open
     * (its mail deferred by a server that was down, say), then builds and sends the edition due
     * now — so one bad morning does not hold back the next edition by a whole cycle.
     *
     * @return one result, or two when an older open edition went out first
     */
    public List<Result> runDue(Path file, Options options, Instant at, NewsletterStore store) {
        Options due = options.withAt(Optional.of(at));
        Result first = run(file, due, store);
        boolean leftOver = first.sealed() && first.edition().map(edition -> edition.at().isBefore(at)).orElse(false);
        return leftOver ? List.of(first, run(file, due, store)) : List.of(first);
    }

    public Result run(Path file, Options options, NewsletterStore store, BuildListener listener) {
        Newsletter newsletter = new NewsletterLoader(options.limits()).load(file);
        Translations translations = new Translations(new ResourceSet("translations", options.translations(), options.limits()),
                options.limits());
        for (String tag : newsletter.tags()) {
            if (!translations.tags().contains(tag)) {
                throw new InvalidInputException(file.toString(), 0, 0, "languages." + tag, "no translations for '" + tag
                        + "'; available: " + String.join(", ", translations.tags()));
            }
        }
        // Sending needs its settings and lists before anything is built: a typo must not leave an edition half done.
        SmtpSettings smtp = options.send() ? SmtpSettings.fromEnvironment(options.environment()) : null;
        Map<String, List<Subscriber>> subscribers = options.send() ? subscribers(newsletter, options.limits()) : Map.of();

        Map<String, Candidate> candidates = EditionPlanner.candidates(newsletter, new StoryLoader(options.limits()));
        Optional<Edition> opened = store.openEdition(newsletter.name(), editions -> EditionPlanner.next(newsletter, editions, candidates, options.at()));
        if (opened.isEmpty()) {
            return new Result(newsletter, Optional.empty(), null, List.of(), false);
        }
        Edition edition = opened.get();
        List<Candidate> stories = new ArrayList<>();
        for (String id : edition.stories()) {
            Candidate candidate = candidates.get(id);
            if (candidate == null) {
                throw new InvalidInputException(file.toString(), 0, 0, "stories.folder", "edition " + edition.number()
                        + " lists story '" + id + "', which is no longer in " + newsletter.stories().folder()
                        + "; put it back to build the edition again");
            }
            stories.add(candidate);
        }
        List<Edition> editions = store.editions(newsletter.name());

        Renderer renderer = new Renderer(options.templates(), options.limits());
        EditionPages pages = new EditionPages(renderer);
        List<ExtraOutput> extras = extras(newsletter, edition, editions, stories, candidates, translations, pages, options);
        BuildOptions build = BuildOptions.defaults()
                .withOutput(options.output())
                .withStories(stories.stream().map(Candidate::path).toList())
                .withLanguages(newsletter.tags())
                .withFormats(EnumSet.of(Format.HTML, Format.PDF))
                .withTemplates(options.templates())
                .withTranslations(options.translations())
                .withLimits(options.limits())
                .withWaitForLock(options.waitForLock())
                .withExtras(extras);
        BuildResult published = builder.build(build, listener);

        List<DeliveryReport> reports = new ArrayList<>();
        boolean sealed = edition.sealed();
        if (options.send() && !sealed) {
            Mailer mailer = new Mailer(smtp, store);
            boolean complete = true;
            for (String tag : newsletter.tags()) {
                MailMessages.Content content = content(newsletter, edition, tag, stories, translations, pages);
                DeliveryReport report = mailer.deliver(newsletter, edition, tag, subscribers.get(tag),
                        subscriber -> MailMessages.message(content, new MailMessages.Recipient(subscriber.address(), subscriber.name())),
                        options.resendInDoubt());
                reports.add(report);
                complete &= report.complete();
            }
            if (complete) {
                store.seal(newsletter.name(), edition.number());
                sealed = true;
            }
        } else if (options.seal() && !sealed) {
            store.seal(newsletter.name(), edition.number());
            sealed = true;
        }
        return new Result(newsletter, Optional.of(edition), published, reports, sealed);
    }

    private static Map<String, List<Subscriber>> subscribers(Newsletter newsletter, Limits limits) {
        Map<String, List<Subscriber>> lists = new LinkedHashMap<>();
        for (Newsletter.Language language : newsletter.languages().values()) {
            lists.put(language.tag(), language.subscribers() == null ? List.of() : Subscribers.load(language.subscribers(), limits));
        }
        return lists;
    }

    private static List<EditionPages.StoryItem> items(List<Candidate> stories, Translations translations, String tag) {
        return stories.stream()
                .map(candidate -> new EditionPages.StoryItem(candidate.source().story(), translations.catalog(tag, candidate.source())))
                .toList();
    }

    private static MailMessages.Content content(Newsletter newsletter, Edition edition, String tag, List<Candidate> stories,
                                                Translations translations, EditionPages pages) {
        EditionPages.Page page = pages.edition(newsletter, edition, tag, translations.catalog(tag), items(stories, translations, tag));
        return new MailMessages.Content(newsletter, edition, tag, page.subject(), page.preheader(), page.emailHtml(), page.text());
    }

    /**
     * The newsletter's files for this run: per language the edition's web page, email HTML,
     * plain text and message, the archive and the feed; and the feed of all languages. Each is
     * made only if the build finds its inputs changed.
     */
    private static List<ExtraOutput> extras(Newsletter newsletter, Edition edition, List<Edition> editions, List<Candidate> stories,
                                            Map<String, Candidate> candidates, Translations translations, EditionPages pages,
                                            Options options) {
        String group = "newsletters/" + newsletter.name();
        String inputs = inputs(newsletter, editions, candidates, options);
        List<ExtraOutput> extras = new ArrayList<>();
        List<Edition> newestFirst = editions.stream().sorted(Comparator.comparingInt(Edition::number).reversed()).toList();
        List<Supplier<List<Feeds.Entry>>> everyLanguage = new ArrayList<>();
        for (String tag : newsletter.tags()) {
            Supplier<EditionPages.Page> page = memo(() -> pages.edition(newsletter, edition, tag, translations.catalog(tag),
                    items(stories, translations, tag)));
            int n = edition.number();
            extras.add(new ExtraOutput(EditionPaths.web(newsletter, tag, n), group, tag, "newsletter-web", inputs,
                    () -> utf8(page.get().webHtml())));
            extras.add(new ExtraOutput(EditionPaths.email(newsletter, tag, n), group, tag, "email-html", inputs,
                    () -> utf8(page.get().emailHtml())));
            extras.add(new ExtraOutput(EditionPaths.text(newsletter, tag, n), group, tag, "email-text", inputs,
                    () -> utf8(page.get().text())));
            extras.add(new ExtraOutput(EditionPaths.message(newsletter, tag, n), group, tag, "eml", inputs, () -> {
                EditionPages.Page p = page.get();
                MailMessages.Content content = new MailMessages.Content(newsletter, edition, tag, p.subject(), p.preheader(),
                        p.emailHtml(), p.text());
                return MailMessages.bytes(MailMessages.message(content, MailMessages.Recipient.ARCHIVE));
            }));

            List<EditionPages.ArchiveEntry> archive = new ArrayList<>();
            for (Edition past : newestFirst) {
                List<Candidate> still = past.stories().stream().map(candidates::get).filter(Objects::nonNull).toList();
                archive.add(new EditionPages.ArchiveEntry(past.number(), past.at(), items(still, translations, tag)));
            }
            // Feed entries read like each edition's subject and preheader: made only when a feed is written.
            Supplier<List<Feeds.Entry>> entries = memo(() -> newestFirst.stream()
                    .map(past -> feedEntry(newsletter, past, tag, translations, pages, candidates)).toList());
            everyLanguage.add(entries);
            extras.add(new ExtraOutput(EditionPaths.archive(newsletter, tag), group, tag, "newsletter-archive", inputs,
                    () -> utf8(pages.archive(newsletter, tag, translations.catalog(tag), archive))));
            URI self = EditionPaths.absolute(newsletter, EditionPaths.feed(newsletter, tag));
            URI alternate = EditionPaths.absolute(newsletter, EditionPaths.archive(newsletter, tag));
            extras.add(new ExtraOutput(EditionPaths.feed(newsletter, tag), group, tag, "atom", inputs,
                    () -> Feeds.atom(newsletter, tag, newsletter.language(tag).title(), self, alternate, entries.get())));
        }
        String firstTag = newsletter.tags().get(0);
        URI self = EditionPaths.absolute(newsletter, EditionPaths.feed(newsletter));
        URI alternate = EditionPaths.absolute(newsletter, EditionPaths.archive(newsletter, firstTag));
        String title = String.join(" · ", newsletter.languages().values().stream().map(Newsletter.Language::title).toList());
        extras.add(new ExtraOutput(EditionPaths.feed(newsletter), group, "mul", "atom", inputs, () -> {
            List<Feeds.Entry> all = everyLanguage.stream().flatMap(entries -> entries.get().stream())
                    .sorted(Comparator.comparing(Feeds.Entry::updated).reversed()).toList();  // stable: ties keep the newsletter's language order
            return Feeds.atom(newsletter, null, title, self, alternate, all);
        }));
        return extras;
    }

    private static Feeds.Entry feedEntry(Newsletter newsletter, Edition edition, String tag, Translations translations,
                                         EditionPages pages, Map<String, Candidate> candidates) {
        List<Candidate> still = edition.stories().stream().map(candidates::get).filter(Objects::nonNull).toList();
        EditionPages.Page page = pages.edition(newsletter, edition, tag, translations.catalog(tag), items(still, translations, tag));
        URI link = EditionPaths.absolute(newsletter, EditionPaths.web(newsletter, tag, edition.number()));
        return new Feeds.Entry(Feeds.entryId(newsletter, edition.number(), tag), page.subject(), page.preheader(), tag, edition.at(), link);
    }

    /**
     * What every newsletter file of this run is made from: newsbrief, templates, translations,
     * the newsletter's file, the stories' files and every edition so far (the archive and feeds
     * list them all). Subscriber lists and sending are not: they change no published byte.
     */
    private static String inputs(Newsletter newsletter, List<Edition> editions, Map<String, Candidate> candidates, Options options) {
        List<String> parts = new ArrayList<>(List.of(Fingerprint.code(), Fingerprint.files(options.templates()),
                Fingerprint.files(options.translations()), Fingerprint.files(newsletter.file())));
        candidates.values().forEach(candidate -> parts.add(candidate.id() + "=" + Fingerprint.files(candidate.path())));
        editions.forEach(edition -> parts.add(edition.number() + "@" + edition.at() + ":" + String.join(",", edition.stories())));
        return Fingerprint.of(parts.toArray(String[]::new));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
