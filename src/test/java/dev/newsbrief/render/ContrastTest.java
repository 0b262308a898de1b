package dev.newsbrief.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * WCAG 2.2 AA: every text colour of the brief's stylesheet has at least 4.5:1 contrast on its
 * background, in the light palette and in the dark one ({@code prefers-color-scheme: dark}).
 */
class ContrastTest {
    private static final Pattern DARK = Pattern.compile("@media \\(prefers-color-scheme: dark\\) \\{\\s*:root \\{([^}]*)\\}");
    private static final Pattern LIGHT = Pattern.compile("(?m)^:root \\{([^}]*)\\}");

    private static String css() throws IOException {
        return new String(ContrastTest.class.getResourceAsStream("/templates/assets/brief.css").readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The custom properties of the first block {@code block} finds in the stylesheet. */
    private static Map<String, String> palette(Pattern block) throws IOException {
        Matcher rules = block.matcher(css());
        assertThat(rules.find()).as("brief.css has a block matching %s", block).isTrue();
        Map<String, String> colours = new HashMap<>();
        Matcher matcher = Pattern.compile("--([a-z]+):\\s*(#[0-9a-fA-F]{6})").matcher(rules.group(1));
        while (matcher.find()) {
            colours.put(matcher.group(1), matcher.group(2));
        }
        return colours;
    }

    @ParameterizedTest
    @CsvSource({"ink, paper", "muted, paper", "accent, paper", "ink, panel", "muted, panel", "accent, panel"})
    void textColoursMeetAa(String text, String background) throws IOException {
        assertAa(palette(LIGHT), text, background);
    }

    @ParameterizedTest
    @CsvSource({"ink, paper", "muted, paper", "accent, paper", "ink, panel", "muted, panel", "accent, panel"})
    void darkTextColoursMeetAa(String text, String background) throws IOException {
        assertAa(palette(DARK), text, background);
    }

    /** Dark mode is dark: light text on a dark page, not the light palette again. */
    @org.junit.jupiter.api.Test
    void theDarkPaletteIsDark() throws IOException {
        Map<String, String> dark = palette(DARK);
        assertThat(luminance(dark.get("paper"))).isLessThan(0.05);
        assertThat(luminance(dark.get("panel"))).isLessThan(0.05);
        assertThat(luminance(dark.get("ink"))).isGreaterThan(0.5);
        assertThat(dark.keySet()).containsAll(palette(LIGHT).keySet());
    }

    private static void assertAa(Map<String, String> colours, String text, String background) {
        assertThat(colours).containsKeys(text, background);
        assertThat(contrast(colours.get(text), colours.get(background))).as("%s on %s", text, background).isGreaterThanOrEqualTo(4.5);
    }

    /** The WCAG contrast ratio of two sRGB colours. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        return 0.2126 * channel(rgb >> 16 & 0xFF) + 0.7152 * channel(rgb >> 8 & 0xFF) + 0.0722 * channel(rgb & 0xFF);
    }

    private static double channel(int value) {
        double c = value / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
