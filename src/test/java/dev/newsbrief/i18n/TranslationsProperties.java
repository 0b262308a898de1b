package dev.newsbrief.i18n;

import static dev.newsbrief.testing.Outcomes.successOrBadInput;

import dev.newsbrief.build.Builder;
import dev.newsbrief.model.EntityRef;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Money;
import dev.newsbrief.model.PartialDate;
import dev.newsbrief.model.Quantity;
import dev.newsbrief.model.StoryLoader;
import dev.newsbrief.model.StorySource;
import dev.newsbrief.resource.ResourceSet;
import dev.newsbrief.testing.CiTries;
import dev.newsbrief.testing.MessageGen;
import dev.newsbrief.testing.Outcomes;
import dev.newsbrief.testing.TextDamage;
import dev.newsbrief.testing.Values;
import dev.newsbrief.testing.YamlWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Generated message files and lexicons fed to {@link Translations} through a temporary
 * {@code --translations} directory, and the catalogs that load formatted by {@link Messages}
 * with arguments of every type: each loads and formats, or fails as bad input with a one-line
 * message. Seed and tries: {@link CiTries}.
 */
@AddLifecycleHook(CiTries.class)
class TranslationsProperties {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static Path root;
    private static int counter;
    private static StorySource defaultStory;

    @BeforeContainer
    static void createRoot() throws IOException {
        root = Files.createTempDirectory("newsbrief-translations-properties-");
        StoryLoader loader = new StoryLoader();
        defaultStory = Builder.embeddedDefaultSource(loader, List.of("en"));
    }

    @AfterContainer
    static void deleteRoot() {
        Outcomes.deleteTree(root);
    }

    /** A language's messages.yaml and lexicon.yaml replaced (en, ru: merged over the embedded ones) or added (others). */
    @Property
    void translationFilesLoadAndFormatOrAreBadInput(@ForAll("tags") String tag, @ForAll("messagesFiles") Object messages,
                                                    @ForAll("lexiconFiles") Object lexicon, @ForAll("damage") TextDamage damage,
                                                    @ForAll("argumentValues") Map<String, Object> arguments) throws IOException {
        Path dir = Files.createDirectories(root.resolve("t" + counter++));
        Path language = Files.createDirectories(dir.resolve(tag));
        Files.writeString(language.resolve(Translations.MESSAGES), damage.apply(YamlWriter.write(messages)), StandardCharsets.UTF_8);
        Files.writeString(language.resolve(Translations.LEXICON), YamlWriter.write(lexicon), StandardCharsets.UTF_8);
        try {
            InvalidInputException error = successOrBadInput(BOUND, () -> {
                Catalog catalog = new Translations(new ResourceSet("translations", dir)).catalog(tag);
                Messages formatter = new Messages(catalog, catalog.formatter(), defaultStory.story());
                formatGenerated(catalog, formatter, arguments);
            });
            Statistics.label("outcome").collect(error == null ? "formatted" : "bad input");
        } finally {
            Outcomes.deleteTree(dir);
        }
    }

    /** A story bundle's <tag>.yaml (messages and lexicon) merged over the shared catalog. */
    @Property
    void bundleWordingLoadsOrIsBadInput(@ForAll("messagesFiles") Object messages, @ForAll("lexiconFiles") Object lexicon,
                                        @ForAll("damage") TextDamage damage, @ForAll("argumentValues") Map<String, Object> arguments) {
        Map<String, Object> wording = new java.util.LinkedHashMap<>();
        wording.put("messages", messages);
        wording.put("lexicon", lexicon);
        String text = damage.apply(YamlWriter.write(wording));
        StorySource story = new StorySource(defaultStory.story(), defaultStory.file(), defaultStory.locator(),
                Map.of("en", new StorySource.Text("en.yaml", text)));
        InvalidInputException error = successOrBadInput(BOUND, () -> {
            Catalog catalog = new Translations(new ResourceSet("translations", null)).catalog("en", story);
            Messages formatter = new Messages(catalog, catalog.formatter(), story.story());
            formatGenerated(catalog, formatter, arguments);
        });
        Statistics.label("outcome").collect(error == null ? "formatted" : "bad input");
    }

    /** Formats the generated messages (the embedded ones need arguments of their own, which the map does not give). */
    private static void formatGenerated(Catalog catalog, Messages formatter, Map<String, Object> arguments) {
        for (String key : new java.util.TreeSet<>(catalog.messages().keySet())) {
            if (!catalog.origin(key).file().startsWith("(embedded)")) {
                formatter.format(key, arguments);
            }
        }
    }

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.of("en", "ru", "hy", "de", "sr-Latn", "tlh", "xx_YY!", "pack", ".hidden");
    }

    @Provide
    Arbitrary<Object> messagesFiles() {
        return MessageGen.messagesFile();
    }

    @Provide
    Arbitrary<Object> lexiconFiles() {
        return MessageGen.lexiconFile();
    }

    @Provide
    Arbitrary<TextDamage> damage() {
        return TextDamage.arbitrary();
    }

    /** Values for the arguments the generated patterns name (x, y), of every type the model gives messages. */
    @Provide
    Arbitrary<Map<String, Object>> argumentValues() {
        Arbitrary<Object> value = Arbitraries.oneOf(
                Arbitraries.of("armenia", "azerbaijan", "trump", "nobody").map(id -> (Object) EntityRef.of(id)),
                Arbitraries.bigIntegers().between(BigInteger.valueOf(-5), BigInteger.TEN.pow(40)).map(n -> (Object) n),
                Arbitraries.of(new BigDecimal("0.5"), new BigDecimal("1e-30"), new BigDecimal("-1e30")).map(n -> (Object) n),
                Arbitraries.of(PartialDate.parse("2025"), PartialDate.parse("2025-01"), PartialDate.parse("0001-01-01"),
                        PartialDate.parse("9999-12-31")).map(d -> (Object) d),
                Arbitraries.of(Quantity.Unit.class).map(u -> (Object) new Quantity(new BigDecimal("32"), u)),
                Arbitraries.of("GBP", "XXX").map(c -> (Object) new Money(new BigDecimal("25.5e9"), c)),
                Arbitraries.of(List.of(EntityRef.of("armenia"), EntityRef.of("azerbaijan")), List.of()).map(l -> (Object) l),
                Values.text().map(t -> (Object) t));
        return net.jqwik.api.Combinators.combine(value, value).as((x, y) -> {
            Map<String, Object> map = new HashMap<>();
            map.put("x", x);
            map.put("y", y);
            return map;
        });
    }
}
