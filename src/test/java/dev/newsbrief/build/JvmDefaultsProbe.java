package dev.newsbrief.build;

import java.nio.charset.Charset;
import java.util.Locale;
import java.util.TimeZone;

/**
 * Child-JVM entry point for {@link JvmDefaultsTest}: prints the JVM's default locale, time zone
 * and charset on one line, so the test can check that the child really runs under the defaults
 * it asked for, then runs the real CLI, {@code dev.newsbrief.cli.Main}, with the given arguments.
 */
public final class JvmDefaultsProbe {
    /** Starts the line the probe prints; the test looks for it. */
    static final String PREFIX = "jvm-defaults:";

    private JvmDefaultsProbe() { }

    /** This JVM's defaults, as the probe prints them (ASCII only, whatever the charset). */
    static String describe() {
        return PREFIX + " locale=" + Locale.getDefault().toLanguageTag()
                + " zone=" + TimeZone.getDefault().getID()
                + " charset=" + Charset.defaultCharset().name();
    }

    public static void main(String[] args) {
        System.out.println(describe());
        System.out.flush();
        dev.newsbrief.cli.Main.main(args);
    }
}
