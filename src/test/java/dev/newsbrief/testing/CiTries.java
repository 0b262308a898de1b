package dev.newsbrief.testing;

import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Properties;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The CI settings of the property suite, applied to every property of a class that adds
 * this hook ({@code @AddLifecycleHook(CiTries.class)}):
 * <ul>
 * <li>a fixed seed ({@value #DEFAULT_SEED}), so CI fails the same way on every run; jqwik has
 *     no configuration key for a default seed. {@code -Dnewsbrief.jqwik.seed=<n>} picks
 *     another, {@code -Dnewsbrief.jqwik.seed=random} lets jqwik choose (it prints the seed of
 *     a failure);</li>
 * <li>tries: {@code jqwik.tries.default} (100 in junit-platform.properties, or a
 *     {@code -Djqwik.tries.default=...} given to the test JVM) times the property's
 *     {@link Share} percentage, so the slow renderers run fewer tries and a longer run
 *     scales them all.</li>
 * </ul>
 */
public final class CiTries implements AroundPropertyHook {
    public static final String DEFAULT_SEED = "7070707";
    static final String TRIES_KEY = "jqwik.tries.default";

    /** This property's tries as a percentage of the default (e.g. 30 for HTML builds, 5 for PDF). */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Share {
        int percent();
    }

    /** Registered on a class, a hook reaches its properties only when it propagates. */
    @Override
    public net.jqwik.api.lifecycle.PropagationMode propagateTo() {
        return net.jqwik.api.lifecycle.PropagationMode.ALL_DESCENDANTS;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        String seed = System.getProperty("newsbrief.jqwik.seed", DEFAULT_SEED);
        if (!seed.equals("random") && context.attributes().seed().filter(s -> !s.isBlank()).isEmpty()) {
            context.attributes().setSeed(seed);
        }
        context.findAnnotation(Share.class).ifPresent(share ->
                context.attributes().setTries(Math.max(1, defaultTries() * share.percent() / 100)));
        return property.execute();
    }

    /** The system property wins, as it does for jqwik itself; else the classpath's junit-platform.properties. */
    static int defaultTries() {
        String value = System.getProperty(TRIES_KEY);
        if (value == null) {
            Properties file = new Properties();
            try (InputStream in = CiTries.class.getClassLoader().getResourceAsStream("junit-platform.properties")) {
                if (in != null) {
                    file.load(in);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            value = file.getProperty(TRIES_KEY, "1000");
        }
        return Integer.parseInt(value.strip());
    }
}
