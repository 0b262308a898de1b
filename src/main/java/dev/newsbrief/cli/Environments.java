package dev.newsbrief.cli;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.newsletter.EditionBuilder;
import dev.newsbrief.newsletter.FileStore;
import dev.newsbrief.newsletter.JdbcStore;
import dev.newsbrief.newsletter.NewsletterStore;
import dev.newsbrief.newsletter.SmtpSettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** What the commands share: limits from the command line; SMTP settings, database credentials and the store from the environment. */
final class Environments {
    /** The variables SMTP settings are read from; nothing else of the environment reaches the mailer. */
    static final List<String> SMTP = List.of(SmtpSettings.HOST, SmtpSettings.PORT, SmtpSettings.SECURITY, SmtpSettings.USER,
            SmtpSettings.PASSWORD, SmtpSettings.TIMEOUT);
    static final String DB_USER = "NEWSBRIEF_DB_USER";
    static final String DB_PASSWORD = "NEWSBRIEF_DB_PASSWORD";

    private Environments() { }

    static Map<String, String> smtp(Function<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String name : SMTP) {
            String value = environment.apply(name);
            if (value != null) {
                values.put(name, value);
            }
        }
        return values;
    }

    /** The limits {@code --limit NAME=VALUE} sets, over the defaults; a bad name or value is a usage error. */
    static dev.newsbrief.limit.Limits limits(Map<String, String> given, picocli.CommandLine.Model.CommandSpec spec) {
        dev.newsbrief.limit.Limits result = dev.newsbrief.limit.Limits.DEFAULT;
        for (var limit : given.entrySet()) {
            try {
                result = result.with(limit.getKey(), limit.getValue());
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--limit: " + e.getMessage());
            }
        }
        return result;
    }

    /** The newsletters' state: PostgreSQL when {@code url} is given, else files beside the output's releases. */
    static NewsletterStore store(String url, Path output, Function<String, String> environment) {
        if (url == null) {
            return new FileStore(EditionBuilder.defaultStateDirectory(output));
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new InvalidInputException("--store", 0, 0, "", "'" + InvalidInputException.escape(url)
                    + "' is not a PostgreSQL JDBC URL such as jdbc:postgresql://db.example.org:5432/newsbrief");
        }
        try {
            return JdbcStore.open(url, environment.apply(DB_USER), environment.apply(DB_PASSWORD));
        } catch (IllegalStateException e) {
            // The database is unreachable or refuses the login: the operator's to fix, exit 4 with the reason.
            throw new dev.newsbrief.schedule.ScheduleException(e.getMessage(), e);
        }
    }
}
