package dev.newsbrief.serve;

import freemarker.cache.ClassTemplateLoader;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * The preview's own pages (index, side by side, error, not found) from the FreeMarker templates
 * in {@code templates/preview/}. These are newsbrief's tool pages, not briefs: English chrome,
 * embedded only (a --templates directory does not replace them), so they are not rendered by the
 * briefs' {@link dev.newsbrief.render.Renderer} and its story model. Thread-safe.
 */
final class PreviewPages {
    static final String INDEX = "index.ftlh";
    static final String SIDE_BY_SIDE = "side-by-side.ftlh";
    static final String ERROR = "error.ftlh";
    static final String NOT_FOUND = "not-found.ftlh";

    private final Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);

    PreviewPages() {
        configuration.setTemplateLoader(new ClassTemplateLoader(PreviewPages.class, "/templates/preview"));
        dev.newsbrief.render.Renderer.configure(configuration);
    }

    /** Renders {@code template} with {@code model} and the generation the page's reload stream starts from. */
    String render(String template, Map<String, Object> model, long generation) {
        Map<String, Object> data = new HashMap<>(model);
        data.put("generation", generation);
        StringWriter out = new StringWriter();
        try {
            configuration.getTemplate(template).process(data, out);
        } catch (IOException | TemplateException e) {
            // newsbrief's own embedded templates: a failure here is a bug, not bad input.
            throw new IllegalStateException("the preview template " + template + " failed: " + e.getMessage(), e);
        }
        return out.toString();
    }

    /** The small script that reloads the page when an input changes, for pages the preview serves but did not make (the briefs). */
    String reloadScript(long generation) {
        return render("reload.ftlh", Map.of(), generation);
    }
}
