package dev.newsbrief.render;

import freemarker.cache.TemplateLookupContext;
import freemarker.cache.TemplateLookupResult;
import freemarker.cache.TemplateLookupStrategy;
import java.io.IOException;

/**
 * Chooses templates per story kind: for a story of kind {@code ceasefire}, a template
 * {@code T} is {@code kinds/ceasefire/T} when that exists, else {@code T}. The kind is the
 * FreeMarker custom lookup condition of the render, which {@code #include} and
 * {@code #import} inherit, so a kind can replace a single piece (the article, the key
 * facts) and keep the rest. A new kind is new templates, not Java.
 */
final class KindLookupStrategy extends TemplateLookupStrategy {
    static final String KINDS = "kinds/";

    @Override
    public TemplateLookupResult lookup(TemplateLookupContext context) throws IOException {
        String base = base(context.getTemplateName());
        if (context.getCustomLookupCondition() instanceof String kind) {
            TemplateLookupResult specific = context.lookupWithAcquisitionStrategy(KINDS + kind + "/" + base);
            if (specific.isPositive()) {
                return specific;
            }
        }
        return context.lookupWithAcquisitionStrategy(base);
    }

    /** The name without a {@code kinds/<kind>/} prefix: a kind template's relative imports resolve under it. */
    static String base(String name) {
        if (name.startsWith(KINDS)) {
            int slash = name.indexOf('/', KINDS.length());
            if (slash > 0) {
                return name.substring(slash + 1);
            }
        }
        return name;
    }
}
