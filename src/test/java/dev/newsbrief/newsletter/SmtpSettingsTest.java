package dev.newsbrief.newsletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.newsbrief.model.InvalidInputException;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SMTP settings come from the environment, with safe defaults, and the password never shows. */
class SmtpSettingsTest {

    @Test
    void defaultsAreSubmissionWithRequiredStarttls() {
        SmtpSettings smtp = SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "smtp.example.org"));
        assertThat(smtp).isEqualTo(new SmtpSettings("smtp.example.org", 587, SmtpSettings.Security.STARTTLS_REQUIRED, "", "",
                Duration.ofSeconds(30)));
        Properties properties = smtp.sessionProperties();
        assertThat(properties).containsEntry("mail.smtp.starttls.enable", "true")
                .containsEntry("mail.smtp.starttls.required", "true").containsEntry("mail.smtp.auth", "false")
                .containsEntry("mail.smtp.connectiontimeout", "30000").containsEntry("mail.smtp.timeout", "30000")
                .containsEntry("mail.smtp.writetimeout", "30000").containsEntry("mail.smtp.ssl.checkserveridentity", "true");
    }

    @Test
    void everyVariableIsRead() {
        SmtpSettings smtp = SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "mail.example.net",
                "NEWSBRIEF_SMTP_PORT", "2465", "NEWSBRIEF_SMTP_SECURITY", "SMTPS", "NEWSBRIEF_SMTP_USER", "briefs",
                "NEWSBRIEF_SMTP_PASSWORD", "s3cret pass", "NEWSBRIEF_SMTP_TIMEOUT", "5"));
        assertThat(smtp).isEqualTo(new SmtpSettings("mail.example.net", 2465, SmtpSettings.Security.SMTPS, "briefs",
                "s3cret pass", Duration.ofSeconds(5)));
        assertThat(smtp.protocol()).isEqualTo("smtps");
        assertThat(smtp.sessionProperties()).containsEntry("mail.smtps.auth", "true").containsEntry("mail.smtps.port", "2465")
                .doesNotContainKey("mail.smtps.starttls.required").containsEntry("mail.smtps.timeout", "5000");
        assertThat(SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "h", "NEWSBRIEF_SMTP_SECURITY", "smtps")).port())
                .isEqualTo(465);
        assertThat(SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "localhost", "NEWSBRIEF_SMTP_SECURITY", "none"))
                .sessionProperties()).doesNotContainKeys("mail.smtp.starttls.enable", "mail.smtp.ssl.checkserveridentity");
    }

    @Test
    void thePasswordIsNeverPrinted() {
        SmtpSettings smtp = new SmtpSettings("smtp.example.org", 587, SmtpSettings.Security.STARTTLS_REQUIRED, "briefs",
                "hunter2-secret", Duration.ofSeconds(30));
        assertThat(smtp.toString()).doesNotContain("hunter2").contains("password=***").contains("user=briefs");
        assertThat(smtp.sessionProperties().toString()).doesNotContain("hunter2");
    }

    @Test
    void withoutAPasswordNoneIsShown() {
        SmtpSettings smtp = new SmtpSettings("localhost", 25, SmtpSettings.Security.NONE, "", "", Duration.ofSeconds(30));
        assertThat(smtp.toString()).contains("user=, password=, timeout=").doesNotContain("***");
    }

    @Test
    void portsAndTimeoutsAreAcceptedUpToTheirLimits() {
        assertThat(SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "h", "NEWSBRIEF_SMTP_PORT", "1")).port()).isEqualTo(1);
        assertThat(SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "h", "NEWSBRIEF_SMTP_PORT", "65535")).port())
                .isEqualTo(65535);
        assertThat(SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "h", "NEWSBRIEF_SMTP_TIMEOUT", "1")).timeout())
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(SmtpSettings.fromEnvironment(Map.of("NEWSBRIEF_SMTP_HOST", "h", "NEWSBRIEF_SMTP_TIMEOUT", "3600")).timeout())
                .isEqualTo(Duration.ofHours(1));
        assertThat(new SmtpSettings("h", 1, SmtpSettings.Security.NONE, "", "", Duration.ofMillis(1)).port()).isEqualTo(1);
        assertThat(new SmtpSettings("h", 65535, SmtpSettings.Security.NONE, "", "", Duration.ofMillis(1)).port()).isEqualTo(65535);
    }

    @ParameterizedTest(name = "port {0}, timeout {1}")
    @CsvSource({"0, PT30S", "65536, PT30S", "-1, PT30S", "25, PT0S", "25, PT-1S"})
    void theConstructorRefusesAPortOrTimeoutOutOfRange(int port, Duration timeout) {
        assertThatThrownBy(() -> new SmtpSettings("h", port, SmtpSettings.Security.NONE, "", "", timeout))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "no host             | NEWSBRIEF_SMTP_PORT=25                                | environment: NEWSBRIEF_SMTP_HOST: not set",
        "host with a space   | NEWSBRIEF_SMTP_HOST=smtp example                      | environment: NEWSBRIEF_SMTP_HOST: 'smtp example' is not a host name",
        "port not a number   | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_PORT=submission  | environment: NEWSBRIEF_SMTP_PORT: 'submission' is not a port, 1 to 65535",
        "port out of range   | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_PORT=70000       | environment: NEWSBRIEF_SMTP_PORT: '70000' is not a port",
        "unknown security    | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_SECURITY=ssl     | environment: NEWSBRIEF_SMTP_SECURITY: 'ssl' is not one of starttls, smtps, none",
        "user, no password   | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_USER=briefs      | environment: NEWSBRIEF_SMTP_PASSWORD: not set, but NEWSBRIEF_SMTP_USER is",
        "password, no user   | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_PASSWORD=pw      | environment: NEWSBRIEF_SMTP_USER: not set, but NEWSBRIEF_SMTP_PASSWORD is",
        "timeout zero        | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_TIMEOUT=0        | environment: NEWSBRIEF_SMTP_TIMEOUT: '0' is not seconds, 1 to 3600",
        "timeout over an hour| NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_TIMEOUT=3601     | environment: NEWSBRIEF_SMTP_TIMEOUT: '3601' is not seconds, 1 to 3600",
        "port zero           | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_PORT=0           | environment: NEWSBRIEF_SMTP_PORT: '0' is not a port, 1 to 65535",
        "port one too high   | NEWSBRIEF_SMTP_HOST=h,NEWSBRIEF_SMTP_PORT=65536       | environment: NEWSBRIEF_SMTP_PORT: '65536' is not a port, 1 to 65535",
    })
    void aBadValueNamesItsVariable(String what, String variables, String message) {
        Map<String, String> env = new java.util.HashMap<>();
        for (String pair : variables.split(",")) {
            String[] parts = pair.split("=", 2);
            env.put(parts[0], parts[1]);
        }
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(env)).isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith(message).hasMessageNotContaining("\n");
    }
}
