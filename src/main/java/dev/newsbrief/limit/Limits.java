package dev.newsbrief.limit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How much work one build may do: every input is untrusted, so each read, parse and render
 * is bounded. A limit that is hit stops the build with a {@link LimitExceededException}
 * (exit 3) and nothing is published. Raise one with {@code --limit name=value}.
 *
 * @param inputBytes    bytes of one input file (story, bundle wording, translations, templates, fonts.yaml),
 *                      checked before the file is read; comments count
 * @param yamlAliases   YAML aliases ({@code *name}) to collections in one file
 * @param yamlDepth     nesting depth of one YAML document
 * @param renderSeconds wall-clock seconds to render one output file
 * @param outputBytes   bytes of one output file (an HTML page or a PDF)
 * @param pdfPages      pages of one PDF (a brief or a pack)
 */
public record Limits(long inputBytes, int yamlAliases, int yamlDepth, int renderSeconds, long outputBytes, int pdfPages) {

    /** Generous for any real story, small enough that a hostile one cannot exhaust a 2-core CI machine. */
    public static final Limits DEFAULT = new Limits(512 * 1024, 50, 40, 60, 32L * 1024 * 1024, 200);

    public Limits {
        positive("input-bytes", inputBytes);
        positive("yaml-aliases", yamlAliases);
        positive("yaml-depth", yamlDepth);
        positive("render-seconds", renderSeconds);
        positive("output-bytes", outputBytes);
        positive("pdf-pages", pdfPages);
    }

    private static void positive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException("the limit " + name + " must be a positive number, not " + value);
        }
    }

    /** The limits by their command-line names, in a stable order (for help and the README). */
    public Map<String, Long> byName() {
        Map<String, Long> names = new LinkedHashMap<>();
        names.put("input-bytes", inputBytes);
        names.put("yaml-aliases", (long) yamlAliases);
        names.put("yaml-depth", (long) yamlDepth);
        names.put("render-seconds", (long) renderSeconds);
        names.put("output-bytes", outputBytes);
        names.put("pdf-pages", (long) pdfPages);
        return names;
    }

    /**
     * These limits with {@code name} set to {@code value} ({@code 2M}, {@code 512K} and plain
     * numbers are accepted for byte limits).
     *
     * @throws IllegalArgumentException naming the known limits when {@code name} is unknown or the value is not a positive number
     */
    public Limits with(String name, String value) {
        Objects.requireNonNull(name, "The parameter 'name' must not be null");
        long number = parse(name, value);
        return switch (name) {
            case "input-bytes" -> new Limits(number, yamlAliases, yamlDepth, renderSeconds, outputBytes, pdfPages);
            case "yaml-aliases" -> new Limits(inputBytes, toInt(name, number), yamlDepth, renderSeconds, outputBytes, pdfPages);
            case "yaml-depth" -> new Limits(inputBytes, yamlAliases, toInt(name, number), renderSeconds, outputBytes, pdfPages);
            case "render-seconds" -> new Limits(inputBytes, yamlAliases, yamlDepth, toInt(name, number), outputBytes, pdfPages);
            case "output-bytes" -> new Limits(inputBytes, yamlAliases, yamlDepth, renderSeconds, number, pdfPages);
            case "pdf-pages" -> new Limits(inputBytes, yamlAliases, yamlDepth, renderSeconds, outputBytes, toInt(name, number));
            default -> throw new IllegalArgumentException("unknown limit '" + name + "'; known limits: "
                    + String.join(", ", byName().keySet()));
        };
    }

    private static long parse(String name, String value) {
        String text = value == null ? "" : value.strip();
        long unit = 1;
        if (name.endsWith("-bytes") && !text.isEmpty()) {
            char last = Character.toUpperCase(text.charAt(text.length() - 1));
            unit = switch (last) {
                case 'K' -> 1024L;
                case 'M' -> 1024L * 1024;
                case 'G' -> 1024L * 1024 * 1024;
                default -> 1;
            };
            if (unit > 1) {
                text = text.substring(0, text.length() - 1);
            }
        }
        try {
            long number = Long.parseLong(text);
            if (number <= 0 || number > Long.MAX_VALUE / unit) {
                throw new NumberFormatException();
            }
            return number * unit;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the limit " + name + " needs a positive number"
                    + (name.endsWith("-bytes") ? " (K, M or G may follow)" : "") + ", not '" + value + "'");
        }
    }

    private static int toInt(String name, long number) {
        if (number > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the limit " + name + " is at most " + Integer.MAX_VALUE);
        }
        return (int) number;
    }
}
