package dev.newsbrief.newsletter;

import dev.newsbrief.model.InvalidInputException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where and how {@code --send} hands messages over: one SMTP server. Read from the environment
 * only ({@link #fromEnvironment}), never from a file in the repository, so credentials stay
 * out of version control. {@link #toString()} never shows the password.
 *
 * @param host     the server's host name or address
 * @param port     its port: 587 (submission with STARTTLS) unless given; 465 for {@link Security#SMTPS}
 * @param security how the connection is protected
 * @param user     the login, or {@code ""} for none (then no AUTH)
 * @param password the password, or {@code ""}
 * @param timeout  for connecting, and for each read and write: a dead server cannot hang a run
 */
public record SmtpSettings(String host, int port, Security security, String user, String password, Duration timeout) {

    /** How the connection to the server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS; refused if the server does not offer it (no silent clear text). */
        STARTTLS_REQUIRED,
        /** TLS from the first byte (port 465, RFC 8314). */
        SMTPS,
        /** No TLS: only for a relay on the same machine or a test server. */
        NONE
    }

    public static final String HOST = "NEWSBRIEF_SMTP_HOST";
    public static final String PORT = "NEWSBRIEF_SMTP_PORT";
    public static final String SECURITY = "NEWSBRIEF_SMTP_SECURITY";
    public static final String USER = "NEWSBRIEF_SMTP_USER";
    public static final String PASSWORD = "NEWSBRIEF_SMTP_PASSWORD";
    public static final String TIMEOUT = "NEWSBRIEF_SMTP_TIMEOUT";
    /** Long enough for a slow server, short enough that a dead one fails the run within minutes, not hours. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    private static final String SOURCE = "environment";

    public SmtpSettings {
        Objects.requireNonNull(host, "The parameter 'host' must not be null");
        Objects.requireNonNull(security, "The parameter 'security' must not be null");
        Objects.requireNonNull(user, "The parameter 'user' must not be null");
        Objects.requireNonNull(password, "The parameter 'password' must not be null");
        Objects.requireNonNull(timeout, "The parameter 'timeout' must not be null");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("a port is 1 to 65535, not " + port);
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive, not " + timeout);
        }
    }

    /**
     * The settings in {@code env} (pass {@code System.getenv()}):
     * <ul>
     * <li>{@code NEWSBRIEF_SMTP_HOST}: required;</li>
     * <li>{@code NEWSBRIEF_SMTP_PORT}: default 587, or 465 with {@code smtps};</li>
     * <li>{@code NEWSBRIEF_SMTP_SECURITY}: {@code starttls} (default; TLS required), {@code smtps} or {@code none};</li>
     * <li>{@code NEWSBRIEF_SMTP_USER} and {@code NEWSBRIEF_SMTP_PASSWORD}: both or neither;</li>
     * <li>{@code NEWSBRIEF_SMTP_TIMEOUT}: seconds, default 30.</li>
     * </ul>
     *
     * @throws InvalidInputException naming the variable whose value is missing or wrong
     */
    public static SmtpSettings fromEnvironment(Map<String, String> env) {
        Objects.requireNonNull(env, "The parameter 'env' must not be null");
        String host = value(env, HOST);
        if (host.isEmpty()) {
            throw error(HOST, "not set; set it to your SMTP server's host name (e.g. smtp.example.org) to send");
        }
        if (!host.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            throw error(HOST, "'" + InvalidInputException.escape(host) + "' is not a host name; write e.g. smtp.example.org");
        }
        String securityName = value(env, SECURITY).toLowerCase(Locale.ROOT);
        Security security = switch (securityName) {
            case "", "starttls" -> Security.STARTTLS_REQUIRED;
            case "smtps" -> Security.SMTPS;
            case "none" -> Security.NONE;
            default -> throw error(SECURITY, "'" + InvalidInputException.escape(securityName)
                    + "' is not one of starttls, smtps, none");
        };
        int port = security == Security.SMTPS ? 465 : 587;
        String portText = value(env, PORT);
        if (!portText.isEmpty()) {
            port = number(PORT, portText, 65535, "a port, 1 to 65535");
        }
        Duration timeout = DEFAULT_TIMEOUT;
        String timeoutText = value(env, TIMEOUT);
        if (!timeoutText.isEmpty()) {
            timeout = Duration.ofSeconds(number(TIMEOUT, timeoutText, 3600, "seconds, 1 to 3600"));
        }
        String user = value(env, USER);
        String password = env.getOrDefault(PASSWORD, "");
        if (!user.isEmpty() && password.isEmpty()) {
            throw error(PASSWORD, "not set, but " + USER + " is; set both, or neither for a server without login");
        }
        if (user.isEmpty() && !password.isEmpty()) {
            throw error(USER, "not set, but " + PASSWORD + " is; set both, or neither for a server without login");
        }
        return new SmtpSettings(host, port, security, user, password, timeout);
    }

    /** The Jakarta Mail protocol name: {@code smtps} for TLS from the start, else {@code smtp}. */
    public String protocol() {
        return security == Security.SMTPS ? "smtps" : "smtp";
    }

    /** The session properties these settings mean, for {@code Session.getInstance}. */
    public Properties sessionProperties() {
        String prefix = "mail." + protocol() + ".";
        String millis = Long.toString(timeout.toMillis());
        Properties properties = new Properties();
        properties.setProperty(prefix + "host", host);
        properties.setProperty(prefix + "port", Integer.toString(port));
        properties.setProperty(prefix + "connectiontimeout", millis);
        properties.setProperty(prefix + "timeout", millis);
        properties.setProperty(prefix + "writetimeout", millis);
        properties.setProperty(prefix + "auth", Boolean.toString(!user.isEmpty()));
        if (security == Security.STARTTLS_REQUIRED) {
            properties.setProperty(prefix + "starttls.enable", "true");
            properties.setProperty(prefix + "starttls.required", "true");
        }
        if (security != Security.NONE) {
            properties.setProperty(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /** All fields but the password, which shows as {@code ***} when set. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user
                + ", password=" + (password.isEmpty() ? "" : "***") + ", timeout=" + timeout + "]";
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null ? "" : value.strip();
    }

    private static int number(String name, String text, int max, String what) {
        try {
            int number = Integer.parseInt(text);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // reported below, with the value
        }
        throw error(name, "'" + InvalidInputException.escape(text) + "' is not " + what);
    }

    private static InvalidInputException error(String variable, String problem) {
        return new InvalidInputException(SOURCE, 0, 0, variable, problem);
    }
}
