package dev.newsbrief.newsletter;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InputFile;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.LanguageTags;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.YamlLocator;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.quartz.CronExpression;

/**
 * Reads and checks {@code newsletters/<name>.yaml}. Every problem is reported with file,
 * line, column and field, before anything is built or sent. Paths in the file are relative
 * to the file's folder.
 */
public final class NewsletterLoader {
    private static final Pattern NAME = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?");
    private static final Pattern LIST_ID = Pattern.compile("(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");
    // A pragmatic address check (RFC 5321 dot-atom local part, a domain with a dot); Jakarta Mail checks again when it builds the message.
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?");
    static final int MAX_STORIES = 50;

    private final Limits limits;

    public NewsletterLoader() {
        this(Limits.DEFAULT);
    }

    public NewsletterLoader(Limits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
    }

    /** The file as written. Field names are those of the YAML file. */
    record File(@JsonProperty(required = true) String list,
                @JsonProperty(required = true) String web,
                @JsonProperty(required = true) String unsubscribe,
                @JsonProperty(required = true) StoriesFile stories,
                ScheduleFile schedule,
                DeliveryFile delivery,
                @JsonProperty(required = true) LinkedHashMap<String, LanguageFile> languages) { }

    record StoriesFile(@JsonProperty(required = true) String folder, Integer max) { }

    record ScheduleFile(@JsonProperty(required = true) String cron, @JsonProperty(required = true) ZoneId zone) { }

    record DeliveryFile(Double rate, Integer retries) { }

    record LanguageFile(@JsonProperty(required = true) String title,
                        @JsonProperty(required = true) SenderFile from,
                        @JsonProperty(required = true) ZoneId zone,
                        String subscribers) { }

    record SenderFile(@JsonProperty(required = true) String name, @JsonProperty(required = true) String address) { }

    /** Loads {@code newsletters/<name>.yaml} (or any {@code <name>.yaml}). */
    public Newsletter load(Path file) {
        String display = file.toString();
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException(display, 0, 0, "", "no such newsletter file; give a newsletter's YAML file, "
                    + "such as newsletters/morning.yaml");
        }
        String fileName = file.getFileName().toString();
        if (!fileName.endsWith(".yaml")) {
            throw new InvalidInputException(display, 0, 0, "", "a newsletter file's name ends in .yaml");
        }
        String name = fileName.substring(0, fileName.length() - ".yaml".length());
        if (!NAME.matcher(name).matches()) {
            throw new InvalidInputException(display, 0, 0, "", "the newsletter's name '" + InvalidInputException.escape(name)
                    + "' (its file name) names folders and message ids: use lower-case letters, digits and '-'");
        }
        String text = InputFile.readText(file, display, limits);
        StoryLoader yaml = new StoryLoader(limits);
        File raw = yaml.readYaml(display, text, File.class);
        return new Checker(display, yaml.locator(text), file.toAbsolutePath().getParent()).check(name, file, raw);
    }

    /** Checks the values the types alone cannot, pointing at the field. */
    private record Checker(String display, YamlLocator locator, Path folder) {

        Newsletter check(String name, Path file, File raw) {
            String list = raw.list().trim();
            if (!LIST_ID.matcher(list).matches()) {
                throw error("list", "'" + InvalidInputException.escape(raw.list()) + "' is not a list id: write a lower-case "
                        + "domain-like name such as morning.briefs.example.org (it becomes the List-Id header)");
            }
            URI web = https("web", raw.web(), true);
            if (!raw.web().endsWith("/")) {
                web = URI.create(web + "/");
            }
            String unsubscribe = raw.unsubscribe().trim();
            if (!unsubscribe.contains("{address}")) {
                throw error("unsubscribe", "the unsubscribe address must contain {address}, filled in per subscriber "
                        + "(e.g. https://briefs.example.org/unsubscribe?list={list}&address={address})");
            }
            https("unsubscribe", unsubscribe.replace("{list}", "list").replace("{address}", "address"), false);

            Path storyFolder = folder.resolve(raw.stories().folder()).normalize();
            if (!Files.isDirectory(storyFolder)) {
                throw error("stories.folder", "no such folder: " + storyFolder + " (paths are relative to the newsletter file)");
            }
            int max = raw.stories().max() == null ? 5 : raw.stories().max();
            if (max < 1 || max > MAX_STORIES) {
                throw error("stories.max", "an edition takes 1 to " + MAX_STORIES + " stories; found " + max);
            }

            Newsletter.Schedule schedule = null;
            if (raw.schedule() != null) {
                String cron = raw.schedule().cron().trim();
                try {
                    CronExpression.validateExpression(cron);
                } catch (java.text.ParseException e) {
                    throw error("schedule.cron", "'" + InvalidInputException.escape(cron) + "' is not a Quartz cron expression ("
                            + e.getMessage() + "); write seconds first, e.g. \"0 0 6 * * ?\" for 06:00 every day");
                }
                schedule = new Newsletter.Schedule(cron, raw.schedule().zone());
            }

            Newsletter.Delivery delivery = Newsletter.Delivery.DEFAULT;
            if (raw.delivery() != null) {
                double rate = raw.delivery().rate() == null ? delivery.rate() : raw.delivery().rate();
                int retries = raw.delivery().retries() == null ? delivery.retries() : raw.delivery().retries();
                if (!(rate > 0 && rate <= 1000)) {
                    throw error("delivery.rate", "messages per second must be more than 0 and at most 1000; found " + rate);
                }
                if (retries < 0 || retries > 10) {
                    throw error("delivery.retries", "retries must be 0 to 10; found " + retries);
                }
                delivery = new Newsletter.Delivery(rate, retries);
            }

            if (raw.languages().isEmpty()) {
                throw error("languages", "a newsletter goes out in at least one language; add one, e.g. 'en:'");
            }
            Map<String, Newsletter.Language> languages = new LinkedHashMap<>();
            raw.languages().forEach((tag, language) -> languages.put(tag, language(tag, language)));
            return new Newsletter(name, file, list, web, unsubscribe, new Newsletter.Stories(storyFolder, max), schedule,
                    delivery, languages);
        }

        private Newsletter.Language language(String tag, LanguageFile raw) {
            String field = "languages." + tag;
            LanguageTags.problem(tag).ifPresent(problem -> {
                throw error(field, problem);
            });
            if (raw == null) {
                throw error(field, "give the language's title, from and zone");
            }
            String title = oneLine(field + ".title", raw.title());
            String senderName = oneLine(field + ".from.name", raw.from().name());
            String address = raw.from().address().trim();
            if (!ADDRESS.matcher(address).matches()) {
                throw error(field + ".from.address", "'" + InvalidInputException.escape(address)
                        + "' is not an email address such as morning@briefs.example.org");
            }
            Path subscribers = raw.subscribers() == null ? null : folder.resolve(raw.subscribers()).normalize();
            return new Newsletter.Language(tag, title, new Newsletter.Sender(senderName, address), raw.zone(), subscribers);
        }

        /** Header values: a line break would start a new header. */
        private String oneLine(String field, String value) {
            if (value.isBlank()) {
                throw error(field, "must not be empty");
            }
            // CR and LF are control characters (Cc) too: one check covers line breaks and the rest.
            if (value.chars().anyMatch(c -> Character.getType(c) == Character.CONTROL)) {
                throw error(field, "must be one line without control characters: it goes into mail headers");
            }
            return value.strip();
        }

        private URI https(String field, String value, boolean httpAllowed) {
            try {
                URI uri = new URI(value.trim());
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
                if (!(scheme.equals("https") || httpAllowed && scheme.equals("http")) || uri.getHost() == null) {
                    throw error(field, "'" + InvalidInputException.escape(value) + "' must be an absolute "
                            + (httpAllowed ? "http or https" : "https") + " address");
                }
                return uri;
            } catch (URISyntaxException e) {
                throw error(field, "'" + InvalidInputException.escape(value) + "' is not an address: " + e.getReason());
            }
        }

        private InvalidInputException error(String field, String problem) {
            YamlLocator.Position position = locator.find(field);
            return new InvalidInputException(display, position.line(), position.column(), field, problem);
        }
    }
}
