package dev.newsbrief.render;

import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.LocaleFormatter;
import dev.newsbrief.i18n.Messages;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders templates with FreeMarker. Holds the one {@link Configuration} of a build:
 * create a Renderer once and reuse it (it caches parsed templates); thread-safe.
 * Templates come from the override directory first, then from the embedded defaults.
 */
public final class Renderer {
    private static final String EMBEDDED_TEMPLATES = "/templates";

    private final Configuration configuration;

    /** @param overrideDirectory a directory whose templates replace the embedded ones file by file, or null */
    public Renderer(Path overrideDirectory) {
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setTemplateLoader(loader(overrideDirectory));
        configuration.setTemplateLookupStrategy(new KindLookupStrategy());
        configuration.setLocalizedLookup(false);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        // .ftlh → HTML and .ftlx → XML auto-escaping, chosen by file extension.
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Nothing from the JVM: every render sets its own locale and zone.
        configuration.setLocale(Locale.ROOT);
        configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
        configuration.setNumberFormat("computer");
        // Templates are user input: no ?new, no ?api, only safe members of the data.
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        DefaultObjectWrapperBuilder wrapper = new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_34);
        wrapper.setExposeFields(false);
        configuration.setObjectWrapper(wrapper.build());
    }

    private static TemplateLoader loader(Path overrideDirectory) {
        TemplateLoader embedded = new ClassTemplateLoader(Renderer.class, EMBEDDED_TEMPLATES);
        if (overrideDirectory == null) {
            return embedded;
        }
        if (!java.nio.file.Files.isDirectory(overrideDirectory)) {
            throw new InvalidInputException(overrideDirectory.toString(), 0, 0, "",
                    "no such directory; the --templates option needs a directory laid out like the embedded templates/");
        }
        try {
            return new MultiTemplateLoader(new TemplateLoader[] {new FileTemplateLoader(overrideDirectory.toFile()), embedded});
        } catch (IOException e) {
            throw new InvalidInputException(overrideDirectory.toString(), 0, 0, "", "cannot use as a templates directory: " + e.getMessage());
        }
    }

    /**
     * Renders {@code templateName} for one story in one language.
     *
     * @param extra more variables for the template (e.g. links to the other languages)
     */
    public String render(String templateName, Story story, Catalog catalog, Map<String, Object> extra) {
        Template template = template(templateName, story.kind());
        Map<String, Object> model = new HashMap<>(extra);
        model.put("story", story);
        model.put("lang", catalog.tag());
        model.put("nb", functions(story, catalog));
        StringWriter out = new StringWriter(16 * 1024);
        try {
            Environment environment = template.createProcessingEnvironment(model, out);
            environment.setLocale(catalog.locale().toLocale());
            environment.setTimeZone(TimeZone.getTimeZone(story.timeZone()));
            environment.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone(story.timeZone()));
            environment.process();
        } catch (TemplateException e) {
            throw templateError(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The template functions ({@code nb}) for one story in one language. */
    public static TemplateFunctions functions(Story story, Catalog catalog) {
        LocaleFormatter formatter = catalog.formatter();
        return new TemplateFunctions(catalog.tag(), new Messages(catalog, formatter, story), formatter);
    }

    private Template template(String name, String kind) {
        try {
            return configuration.getTemplate(name, Locale.ROOT, kind, null, true, false);
        } catch (TemplateNotFoundException e) {
            throw new InvalidInputException(name, 0, 0, "", "template not found in the templates directory or the embedded defaults");
        } catch (ParseException e) {
            throw new InvalidInputException(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), "",
                    "template syntax error: " + e.getEditorMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    private static RuntimeException templateError(TemplateException e) {
        Throwable cause = e.getCause();
        while (cause instanceof TemplateException nested && nested.getCause() != null) {
            cause = nested.getCause();
        }
        if (cause instanceof InvalidInputException input) {
            // A message or lexicon problem found while rendering: say where in the template it was asked for too.
            return new InvalidInputException(input.file(), input.line(), input.column(), input.field(),
                    input.problem() + " (used at " + e.getTemplateSourceName() + ":" + e.getLineNumber() + ")");
        }
        // One line: the first that says something (a message may start with a newline).
        String problem = e.getMessageWithoutStackTop().lines().map(String::strip).filter(line -> !line.isEmpty())
                .findFirst().orElse("template error");
        return new InvalidInputException(String.valueOf(e.getTemplateSourceName()),
                e.getLineNumber() == null ? 0 : e.getLineNumber(), e.getColumnNumber() == null ? 0 : e.getColumnNumber(), "",
                problem);
    }
}
