package dev.newsbrief.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.newsbrief.limit.Limits;
import java.io.IOException;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads a story from YAML into immutable records and validates it. Every problem is
 * reported as an {@link InvalidInputException} naming the file, line, column and field.
 * Thread-safe and reusable.
 */
public final class StoryLoader {
    private static final String EMPTY = "the file is empty; a story needs at least 'id', 'kind', 'timeZone', 'published', 'sources', 'entities' and 'event'";
    /** The facts of a story bundle (a folder); the folder's other {@code <tag>.yaml} files hold its wording. */
    public static final String BUNDLE_STORY = "story.yaml";

    private final ObjectMapper mapper;
    private final Limits limits;
    private final LoaderOptions loaderOptions;

    public StoryLoader() {
        this(Limits.DEFAULT);
    }

    /** A loader that refuses stories beyond {@code limits} (input bytes, YAML aliases and depth). */
    public StoryLoader(Limits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
        this.loaderOptions = SafeYaml.options(limits);
        YAMLFactory yaml = YAMLFactory.builder()
                .loaderOptions(loaderOptions)
                // SafeYaml.checkShape refuses these first, with positions; Jackson's own bounds stay as a second line.
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.min(limits.inputBytes(), Integer.MAX_VALUE))
                        .maxNestingDepth(limits.yamlDepth() + 1)
                        .build())
                .build();
        this.mapper = JsonMapper.builder(yaml)
                .addModule(new JavaTimeModule())
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                // A date must be written as a date: a bare number would be read as days since 1970.
                .withConfigOverride(java.time.LocalDate.class,
                        o -> o.setFormat(com.fasterxml.jackson.annotation.JsonFormat.Value.forLeniency(false)))
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /**
     * Parses and validates one story.
     *
     * @param fileName the name to report in errors (as the user gave it)
     * @param yaml     the story text
     */
    public Story load(String fileName, String yaml) {
        return loadSource(fileName, yaml).story();
    }

    /**
     * Every problem of one story text, not only the first: each unknown field and each
     * validation problem. A YAML syntax error or a value that cannot be bound stops the
     * reading, so it is reported alone (with the unknown fields found before it).
     *
     * @param fileName the name to report in problems (as the user gave it)
     * @param yaml     the story text
     */
    public CheckedStory check(String fileName, String yaml) {
        java.util.List<InvalidInputException> problems = new java.util.ArrayList<>();
        try {
            SafeYaml.checkShape(fileName, yaml, limits);
        } catch (InvalidInputException e) {
            return CheckedStory.unreadable(e);
        }
        YamlLocator locator = YamlLocator.of(yaml, loaderOptions);
        Story story;
        RefusedEnums handler = new RefusedEnums();
        try {
            story = mapper.readerFor(Story.class).withHandler(handler).readValue(yaml);
        } catch (UnrecognizedPropertyException e) {
            story = withoutUnknownFields(fileName, yaml, e, locator, handler, problems);
        } catch (JacksonException e) {
            problems.add(translate(fileName, e, locator, handler.refused));
            return new CheckedStory(null, problems);
        }
        if (story == null && !problems.isEmpty()) {
            return new CheckedStory(null, problems);
        }
        if (story == null) {
            problems.add(new InvalidInputException(fileName, 1, 1, "", EMPTY));
            return new CheckedStory(null, problems);
        }
        new StoryValidator(fileName, locator, problems::add).validate(story);
        return new CheckedStory(new StorySource(story, fileName, locator, java.util.Map.of()), problems);
    }

    /**
     * Every problem of a story file or bundle (see {@link #check(String, String)}), and, for a
     * bundle, each {@code <tag>.yaml} whose name is no language tag (those files are left out
     * of the wording). Problems of a missing or unreadable file are reported, not thrown.
     */
    public CheckedStory check(java.nio.file.Path path) {
        if (!java.nio.file.Files.isDirectory(path)) {
            if (!java.nio.file.Files.isRegularFile(path)) {
                return CheckedStory.unreadable(new InvalidInputException(path.toString(), 0, 0, "",
                        "no such story file or folder; give a story's YAML file or a story bundle folder (holding story.yaml)"));
            }
            try {
                return check(path.toString(), read(path));
            } catch (InvalidInputException e) {
                return CheckedStory.unreadable(e);
            }
        }
        java.nio.file.Path facts = path.resolve(BUNDLE_STORY);
        if (!java.nio.file.Files.isRegularFile(facts)) {
            return CheckedStory.unreadable(new InvalidInputException(path.toString(), 0, 0, "",
                    "a story folder needs " + BUNDLE_STORY + " (the facts) beside its <language>.yaml files"));
        }
        java.util.List<InvalidInputException> problems = new java.util.ArrayList<>();
        java.util.Map<String, StorySource.Text> wording = new java.util.TreeMap<>();
        try (var files = java.nio.file.Files.list(path)) {
            for (java.nio.file.Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.endsWith(".yaml") && !name.equals(BUNDLE_STORY)) {
                    String tag = name.substring(0, name.length() - ".yaml".length());
                    try {
                        LanguageTags.check(tag, file.toString());
                        wording.put(tag, new StorySource.Text(file.toString(), read(file)));
                    } catch (InvalidInputException e) {
                        problems.add(e);
                    }
                }
            }
        } catch (IOException e) {
            return CheckedStory.unreadable(new InvalidInputException(path.toString(), 0, 0, "", "cannot list the story folder: " + e.getMessage()));
        }
        CheckedStory checked;
        try {
            checked = check(facts.toString(), read(facts));
        } catch (InvalidInputException e) {
            checked = CheckedStory.unreadable(e);
        }
        problems.addAll(checked.problems());
        StorySource source = checked.source() == null ? null : withWording(checked.source(), wording);
        return new CheckedStory(source, problems);
    }

    /**
     * Binds a story that has unknown fields, reporting each: Jackson stops at the first, so each
     * is removed from the story's tree in turn and the tree bound again, until it binds or fails
     * for another reason. Only {@code check} does this; {@code build} reports the first.
     */
    private Story withoutUnknownFields(String fileName, String yaml, UnrecognizedPropertyException first, YamlLocator locator,
                                       RefusedEnums handler, java.util.List<InvalidInputException> problems) {
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = mapper.readTree(yaml);
        } catch (JacksonException e) {
            problems.add(translate(fileName, first, locator));
            return null;
        }
        UnrecognizedPropertyException unknown = first;
        // Bounded: each round removes one field, and a story has fewer fields than its text has bytes.
        for (int round = 0; round < 1000; round++) {
            problems.add(translate(fileName, unknown, locator));
            if (!remove(tree, unknown)) {
                return null;
            }
            try {
                return mapper.readerFor(Story.class).withHandler(handler).readValue(tree);
            } catch (UnrecognizedPropertyException e) {
                unknown = e;
            } catch (JacksonException e) {
                problems.add(translate(fileName, e, locator, handler.refused));
                return null;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return null;
    }

    /** Removes the field {@code unknown} names from {@code tree}; false if it is not where its path says. */
    private static boolean remove(com.fasterxml.jackson.databind.JsonNode tree, UnrecognizedPropertyException unknown) {
        java.util.List<JsonMappingException.Reference> path = unknown.getPath();
        com.fasterxml.jackson.databind.JsonNode node = tree;
        for (int i = 0; i < path.size() - 1 && node != null; i++) {
            JsonMappingException.Reference ref = path.get(i);
            node = ref.getIndex() >= 0 ? node.get(ref.getIndex()) : node.get(ref.getFieldName());
        }
        return node instanceof com.fasterxml.jackson.databind.node.ObjectNode object && !path.isEmpty()
                && object.remove(unknown.getPropertyName()) != null;
    }

    /** Keeps the value an enum's own creator refused (Entity.Kind): the exception does not, and a hint needs it. */
    private static final class RefusedEnums extends com.fasterxml.jackson.databind.deser.DeserializationProblemHandler {
        private String refused;

        @Override
        public Object handleInstantiationProblem(com.fasterxml.jackson.databind.DeserializationContext context, Class<?> type,
                                                 Object argument, Throwable problem) {
            if (type.isEnum() && argument instanceof String value) {
                refused = value;
            }
            return NOT_HANDLED;
        }
    }

    private static String unknownField(String name, java.util.Collection<String> known) {
        return "unknown field '" + name + "'; known fields here: " + String.join(", ", known);
    }

    /** Like {@link #load(String, String)}, keeping where each field came from for later checks. */
    public StorySource loadSource(String fileName, String yaml) {
        // Jackson does not expand aliases, but the locator's tree walk would: a recursive or
        // exploding alias must be refused before either sees the text.
        SafeYaml.checkShape(fileName, yaml, limits);
        Story story;
        try {
            story = mapper.readValue(yaml, Story.class);
        } catch (JacksonException e) {
            throw translate(fileName, e, YamlLocator.of(yaml, loaderOptions));
        }
        if (story == null) {
            throw new InvalidInputException(fileName, 1, 1, "", EMPTY);
        }
        YamlLocator locator = YamlLocator.of(yaml, loaderOptions);
        new StoryValidator(fileName, locator).validate(story);
        return new StorySource(story, fileName, locator, java.util.Map.of());
    }

    /**
     * Reads any YAML input file of newsbrief's (a newsletter, say) into {@code type} with the
     * same guards and error messages as a story: shape limits first, unknown and duplicate
     * fields refused, problems reported with file, line, column and field.
     */
    public <T> T readYaml(String fileName, String yaml, Class<T> type) {
        SafeYaml.checkShape(fileName, yaml, limits);
        T value;
        try {
            value = mapper.readValue(yaml, type);
        } catch (JacksonException e) {
            throw translate(fileName, e, YamlLocator.of(yaml, loaderOptions));
        }
        if (value == null) {
            throw new InvalidInputException(fileName, 1, 1, "", "the file is empty");
        }
        return value;
    }

    /** Where the field at {@code path} (e.g. {@code languages.hy.title}) is in {@code yaml}. */
    public YamlLocator locator(String yaml) {
        return YamlLocator.of(yaml, loaderOptions);
    }

    private static InvalidInputException translate(String fileName, JacksonException e, YamlLocator locator) {
        return translate(fileName, e, locator, null);
    }

    /** @param refused the value an enum refused, when known: for a "did you mean" */
    private static InvalidInputException translate(String fileName, JacksonException e, YamlLocator locator, String refused) {
        JsonLocation location = e.getLocation();
        int line = location == null ? 0 : location.getLineNr();
        int column = location == null ? 0 : location.getColumnNr();
        String field = e instanceof JsonMappingException mapping ? path(mapping) : "";
        String problem;
        if (notFinite(e)) {
            // 1e400 or .inf read as a double is infinite; BigDecimal then refuses it with Java's words.
            problem = "not a finite number (too large, or .inf or .nan); write a number such as 1500000 or 1.5e6";
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            java.util.List<String> known = unknown.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            YamlLocator.Position position = locator.find(field);
            return new UnknownNameException(fileName, position.line() > 0 ? position.line() : line,
                    position.line() > 0 ? position.column() : column, field,
                    unknownField(unknown.getPropertyName(), known), unknown.getPropertyName(), known);
        } else if (e instanceof com.fasterxml.jackson.databind.exc.ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            problem = cause == null ? firstLine(e.getOriginalMessage())
                    : cause.getMessage() != null ? cause.getMessage()
                    // List.copyOf and Map.copyOf refuse nulls without a message: a list item or value written as ~ or left empty.
                    : cause instanceof NullPointerException ? "an empty item or value (~ or a bare '-'); remove it or give it a value"
                    : firstLine(e.getOriginalMessage());
            Class<?> type = instantiation.getType() == null ? Object.class : instantiation.getType().getRawClass();
            if (type.isEnum() && refused != null) {
                // An enum with its own creator (Entity.Kind) refused the value.
                String value = refused;
                YamlLocator.Position position = locator.find(field);
                return new UnknownNameException(fileName, position.line() > 0 ? position.line() : line,
                        position.line() > 0 ? position.column() : column, field, problem, value, enumIds(type));
            }
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")) {
            // A second line: SafeYaml.checkShape reports duplicates first, at the key.
            problem = "duplicate key " + e.getOriginalMessage().replaceFirst("^Duplicate field ", "") + "; each key may appear once";
        } else if (e instanceof InvalidFormatException invalid) {
            problem = "'" + invalid.getValue() + "' is not a valid " + describe(invalid.getTargetType());
            if (invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
                YamlLocator.Position position = locator.find(field);
                return new UnknownNameException(fileName, position.line() > 0 ? position.line() : line,
                        position.line() > 0 ? position.column() : column, field, problem,
                        String.valueOf(invalid.getValue()), enumIds(invalid.getTargetType()));
            }
        } else if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("No content to map")) {
            problem = EMPTY;
        } else if (e instanceof MismatchedInputException && e.getOriginalMessage().startsWith("Missing required creator property")) {
            String missing = e.getOriginalMessage().replaceFirst("(?s)^Missing required creator property '([^']*)'.*$", "$1");
            String parent = field.equals(missing) ? "" : field.endsWith("." + missing)
                    ? field.substring(0, field.length() - missing.length() - 1) : field;
            field = parent.isEmpty() ? missing : parent + "." + missing;
            problem = "required field '" + missing + "' is missing" + (parent.isEmpty() ? "" : " in '" + parent + "'") + "; add it";
            YamlLocator.Position position = locator.find(parent);
            line = position.line();
            column = position.column();
        } else if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            problem = mismatch(mismatched);
        } else {
            problem = firstLine(e.getOriginalMessage());
        }
        if (!field.isEmpty() && !(problem.startsWith("required field"))) {
            // Jackson buffers record properties, so its own location can be the end of the mapping.
            YamlLocator.Position position = locator.find(field);
            if (position.line() > 0) {
                line = position.line();
                column = position.column();
            }
        }
        return new InvalidInputException(fileName, line, column, field, problem);
    }

    private static boolean notFinite(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NumberFormatException && "Infinite or NaN".equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    /** "expected one entity id, found a list" — the user's words, not Jackson's. */
    private static String mismatch(MismatchedInputException e) {
        String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (e.getTargetType() == Object.class || original.startsWith("argument ") || original.startsWith("'args'")) {
            return firstLine(original);
        }
        String expected = describe(e.getTargetType());
        String found;
        if (original.contains("from Array value") || original.contains("START_ARRAY")) {
            found = "a list";
            expected = "one " + expected;
        } else if (original.contains("from Object value") || original.contains("START_OBJECT")) {
            found = "a mapping";
        } else if (original.contains("from String value") || original.contains("VALUE_STRING")) {
            found = "text";
        } else if (original.contains("Number value") || original.contains("VALUE_NUMBER")) {
            found = "a number";
        } else if (original.contains("Boolean value") || original.contains("VALUE_TRUE") || original.contains("VALUE_FALSE")) {
            found = "true/false";
        } else if (original.contains("null")) {
            found = "nothing";
        } else {
            found = "something else";
        }
        return "expected " + expected + ", found " + found;
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            } else if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == java.time.LocalDate.class) {
            return "date (YYYY-MM-DD)";
        }
        if (type == java.time.ZoneId.class) {
            return "time zone (an IANA id such as Europe/Paris)";
        }
        if (type == EntityRef.class) {
            return "entity id";
        }
        if (type == PartialDate.class) {
            return "date (YYYY, YYYY-MM or YYYY-MM-DD)";
        }
        if (type == String.class) {
            return "text";
        }
        if (type.isEnum()) {
            return type.getSimpleName() + " (one of: " + String.join(", ", enumIds(type)) + ")";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class) {
            return "number";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "mapping";
        }
        if (type.isRecord()) {
            return "mapping (" + type.getSimpleName() + ")";
        }
        return type.getSimpleName();
    }

    /** The values of an enum as stories write them: {@code armed-group}. */
    private static java.util.List<String> enumIds(Class<?> type) {
        return java.util.Arrays.stream(type.getEnumConstants())
                .map(c -> ((Enum<?>) c).name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'))
                .toList();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "invalid input";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    /** Reads a file and loads it, reporting I/O problems as bad input too. */
    public Story load(java.nio.file.Path file) {
        return loadSource(file).story();
    }

    /**
     * Reads a story file, or a story bundle (a folder holding {@code story.yaml} and, per
     * language, {@code <tag>.yaml} with the story's own wording), keeping where each field
     * came from.
     */
    public StorySource loadSource(java.nio.file.Path path) {
        if (java.nio.file.Files.isDirectory(path)) {
            java.nio.file.Path facts = path.resolve(BUNDLE_STORY);
            if (!java.nio.file.Files.isRegularFile(facts)) {
                throw new InvalidInputException(path.toString(), 0, 0, "",
                        "a story folder needs " + BUNDLE_STORY + " (the facts) beside its <language>.yaml files");
            }
            java.util.Map<String, StorySource.Text> wording = new java.util.TreeMap<>();
            try (var files = java.nio.file.Files.list(path)) {
                for (java.nio.file.Path file : files.sorted().toList()) {
                    String name = file.getFileName().toString();
                    if (name.endsWith(".yaml") && !name.equals(BUNDLE_STORY)) {
                        // The file name becomes output/<tag>/, lang="" and hreflang="": it must be a tag.
                        String tag = LanguageTags.check(name.substring(0, name.length() - ".yaml".length()), file.toString());
                        wording.put(tag, new StorySource.Text(file.toString(), read(file)));
                    }
                }
            } catch (IOException e) {
                throw new InvalidInputException(path.toString(), 0, 0, "", "cannot list the story folder: " + e.getMessage());
            }
            return withWording(loadSource(facts.toString(), read(facts)), wording);
        }
        return loadSource(path.toString(), read(path));
    }

    /** A story bundle whose files are given as texts (e.g. read from the classpath). */
    public StorySource loadBundle(String factsName, String facts, java.util.Map<String, StorySource.Text> wording) {
        return withWording(loadSource(factsName, facts), wording);
    }

    private static StorySource withWording(StorySource source, java.util.Map<String, StorySource.Text> wording) {
        return new StorySource(source.story(), source.file(), source.locator(), wording);
    }

    private String read(java.nio.file.Path file) {
        return InputFile.readText(file, file.toString(), limits);
    }
}
