package dev.newsbrief.render;

import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.i18n.LocaleFormatter;
import dev.newsbrief.i18n.Messages;
import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.model.Story;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.Environment;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core._CoreAPI;
import freemarker.template.MalformedTemplateNameException;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.WeakHashMap;

/**
 * Renders templates with FreeMarker. Holds the one {@link Configuration} of a build:
 * create a Renderer once and reuse it (it caches parsed templates); thread-safe.
 * Templates come from the override directory first, then from the embedded defaults.
 *
 * <p>Templates are semi-trusted, so each render is bounded by {@link Limits}: the output of one
 * file by {@code output-bytes}, its time by {@code render-seconds}; a template file by
 * {@code input-bytes}; and nothing is read through a link that leaves the templates directory.
 */
public final class Renderer {
    private static final String EMBEDDED_TEMPLATES = "/templates";

    private final Configuration configuration;
    private final Limits limits;

    /** @param overrideDirectory a directory whose templates replace the embedded ones file by file, or null */
    public Renderer(Path overrideDirectory) {
        this(overrideDirectory, Limits.DEFAULT);
    }

    /**
     * @param overrideDirectory a directory whose templates replace the embedded ones file by file, or null
     * @param limits            the bounds of every render
     */
    public Renderer(Path overrideDirectory, Limits limits) {
        this.limits = java.util.Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
        configuration = new InterruptibleConfiguration();
        configuration.setTemplateLoader(loader(overrideDirectory, limits));
        configuration.setTemplateLookupStrategy(new KindLookupStrategy());
        configure(configuration);
    }

    /**
     * The settings every FreeMarker {@link Configuration} of newsbrief has — the briefs', the
     * preview's pages and the template check's parser — so a template parses and escapes the same
     * everywhere: UTF-8, auto-escaping by file extension, errors rethrown and never logged, nothing
     * from the JVM (root locale, UTC), and no ?new or ?api for templates that are user input.
     */
    public static void configure(Configuration configuration) {
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

    /** The limits every render of this renderer is held to. */
    public Limits limits() {
        return limits;
    }

    /**
     * Gives every template it hands out FreeMarker's thread-interruption checks (a check at the
     * top of every loop body), so that {@link Deadline} can stop a loop that writes nothing.
     * Overriding this one method covers the main template and each {@code #include}/{@code #import},
     * which the Environment loads through it; a {@code TemplateConfiguration} cannot (final class),
     * and a TemplateLoader sees text, not the parsed tree. Each parsed template gets its checks once.
     */
    private static final class InterruptibleConfiguration extends Configuration {
        private final Set<Template> interruptible = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

        InterruptibleConfiguration() {
            super(Configuration.VERSION_2_3_34);
        }

        @Override
        public Template getTemplate(String name, Locale locale, Object customLookupCondition, String encoding,
                boolean parseAsFTL, boolean ignoreMissing) throws IOException {
            Template template = super.getTemplate(name, locale, customLookupCondition, encoding, parseAsFTL, ignoreMissing);
            if (template != null) {
                synchronized (interruptible) {
                    if (interruptible.add(template)) {
                        _CoreAPI.addThreadInterruptedChecks(template);
                    }
                }
            }
            return template;
        }
    }

    private static TemplateLoader loader(Path overrideDirectory, Limits limits) {
        TemplateLoader embedded = new ClassTemplateLoader(Renderer.class, EMBEDDED_TEMPLATES);
        if (overrideDirectory == null) {
            return embedded;
        }
        if (!java.nio.file.Files.isDirectory(overrideDirectory)) {
            throw new InvalidInputException(overrideDirectory.toString(), 0, 0, "",
                    "no such directory; the --templates option needs a directory laid out like the embedded templates/");
        }
        try {
            Path root = overrideDirectory.toRealPath();
            return new MultiTemplateLoader(new TemplateLoader[] {new DirectoryTemplateLoader(root, limits.inputBytes()), embedded});
        } catch (IOException e) {
            throw new InvalidInputException(overrideDirectory.toString(), 0, 0, "", "cannot use as a templates directory: " + e.getMessage());
        }
    }

    /**
     * Renders {@code templateName} for one story in one language.
     *
     * Within {@code render-seconds}, or within the deadline of the output file being rendered when
     * called inside {@link Deadline#run} (a PDF's XHTML).
     *
     * @param extra more variables for the template (e.g. links to the other languages)
     * @throws LimitExceededException when the output or the time exceeds {@link #limits()}
     * @throws InvalidInputException  for every other problem of the template or what it uses
     */
    public String render(String templateName, Story story, Catalog catalog, Map<String, Object> extra) {
        return Deadline.start(templateName, limits.renderSeconds())
                .run(() -> renderOnThisThread(templateName, story, catalog, extra));
    }

    private String renderOnThisThread(String templateName, Story story, Catalog catalog, Map<String, Object> extra) {
        Template template = template(templateName, story.kind());
        Map<String, Object> model = new HashMap<>(extra);
        model.put("story", story);
        model.put("lang", catalog.tag());
        model.put("nb", functions(story, catalog));
        return process(templateName, template, model, catalog, story.timeZone());
    }

    /** Runs a template into a bounded writer, in the catalog's locale and {@code zone}; the output limit is reported first. */
    private String process(String templateName, Template template, Map<String, Object> model, Catalog catalog, java.time.ZoneId zone) {
        LimitedWriter out = new LimitedWriter(templateName, limits.outputBytes());
        try {
            Environment environment = template.createProcessingEnvironment(model, out);
            environment.setLocale(catalog.locale().toLocale());
            environment.setTimeZone(TimeZone.getTimeZone(zone));
            environment.setSQLDateAndTimeTimeZone(TimeZone.getTimeZone(zone));
            environment.process();
        } catch (TemplateException e) {
            // The limit first: FreeMarker wraps what the writer throws (or a template catches it).
            out.throwIfExceeded();
            throw templateError(e);
        } catch (IOException e) {
            out.throwIfExceeded();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            out.throwIfExceeded();
            throw e;
        }
        out.throwIfExceeded();
        if (!isMarkup(templateName)) {
            return out.toString();
        }
        // Each language's no-break rules, on text only; they lengthen it a little, so the limit is checked again.
        String typeset = TypesetMarkup.apply(out.toString(), catalog.tag(), catalog::typography);
        LimitedWriter checked = new LimitedWriter(templateName, limits.outputBytes());
        checked.write(typeset, 0, typeset.length());
        return typeset;
    }

    /** HTML (.ftlh) and XHTML (.ftlx) output gets the line-breaking rules; plain text (.ftl) is left as rendered. */
    private static boolean isMarkup(String templateName) {
        return templateName.endsWith(".ftlh") || templateName.endsWith(".ftlx");
    }

    /**
     * Renders {@code templateName} for no story in particular (a newsletter edition, an archive
     * page), in {@code catalog}'s language and locale and in {@code zone}. The template gets
     * {@code model}, {@code lang} and a story-less {@code nb} ({@link #functions(Catalog)}),
     * unless {@code model} gives its own. Bounded and reported like {@link #render(String, Story, Catalog, Map)}.
     *
     * @throws LimitExceededException when the output or the time exceeds {@link #limits()}
     * @throws InvalidInputException  for every other problem of the template or what it uses
     */
    public String render(String templateName, Catalog catalog, java.time.ZoneId zone, Map<String, Object> model) {
        java.util.Objects.requireNonNull(catalog, "The parameter 'catalog' must not be null");
        java.util.Objects.requireNonNull(zone, "The parameter 'zone' must not be null");
        return Deadline.start(templateName, limits.renderSeconds())
                .run(() -> renderStoryless(templateName, catalog, zone, model));
    }

    private String renderStoryless(String templateName, Catalog catalog, java.time.ZoneId zone, Map<String, Object> extra) {
        // No story, so no kind: the lookup condition is absent and kinds/ templates do not apply.
        Template template = template(templateName, null);
        Map<String, Object> model = new HashMap<>();
        model.put("lang", catalog.tag());
        model.put("nb", functions(catalog));
        model.putAll(extra);
        return process(templateName, template, model, catalog, zone);
    }

    /**
     * The template functions ({@code nb}) of one language for no story: messages, dates,
     * numbers, plurals and case work; names of entities do not (there is no story to name them
     * from), so a template asks those of a story's own {@code nb}.
     */
    public static TemplateFunctions functions(Catalog catalog) {
        LocaleFormatter formatter = catalog.formatter();
        return new TemplateFunctions(catalog.tag(), new Messages(catalog, formatter, null), formatter);
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
        } catch (MalformedTemplateNameException e) {
            throw new InvalidInputException(name, 0, 0, "", "not a usable template name: " + e.getMalformednessDescription());
        } catch (ParseException e) {
            throw syntaxError(e);
        } catch (DirectoryTemplateLoader.TemplateRefusal e) {
            throw new InvalidInputException(e.name(), 0, 0, "", e.problem());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read template " + name, e);
        }
    }

    private static InvalidInputException syntaxError(ParseException e) {
        return new InvalidInputException(e.getTemplateName(), e.getLineNumber(), e.getColumnNumber(), "",
                "template syntax error: " + e.getEditorMessage());
    }

    private static RuntimeException templateError(TemplateException e) {
        Throwable cause = e.getCause();
        while (cause instanceof TemplateException nested && nested.getCause() != null) {
            cause = nested.getCause();
        }
        if (cause instanceof LimitExceededException limit) {
            // A limit names its own file (e.g. an included template over input-bytes) and keeps its type.
            return limit;
        }
        if (cause instanceof DirectoryTemplateLoader.TemplateRefusal refused) {
            // An #include or #import of a refused file: name the including template and the include.
            return new InvalidInputException(String.valueOf(e.getTemplateSourceName()), number(e.getLineNumber()),
                    number(e.getColumnNumber()), "", "cannot include '" + asWritten(e, refused.name()) + "': " + refused.problem());
        }
        if (cause instanceof ParseException syntax) {
            // A syntax error of an included template: where it is, not only where it was included.
            return syntaxError(syntax);
        }
        if (cause instanceof TemplateNotFoundException || cause instanceof MalformedTemplateNameException) {
            String name = cause instanceof TemplateNotFoundException missing ? missing.getTemplateName()
                    : ((MalformedTemplateNameException) cause).getTemplateName();
            return new InvalidInputException(String.valueOf(e.getTemplateSourceName()), number(e.getLineNumber()),
                    number(e.getColumnNumber()), "", "cannot include '" + asWritten(e, name)
                            + "': no such template in the templates directory or the embedded defaults"
                            + " (names are relative to the including template and may not leave the templates directory)");
        }
        if (cause instanceof InvalidInputException input) {
            // A message or lexicon problem found while rendering: say where in the template it was asked for too.
            return new InvalidInputException(input.file(), input.line(), input.column(), input.field(),
                    input.problem() + " (used at " + e.getTemplateSourceName() + ":" + e.getLineNumber() + ")");
        }
        // One line: the first that says something (a message may start with a newline), and when it
        // ends with ':' (FreeMarker's "has evaluated to null or missing:"), the expression it means.
        List<String> lines = e.getMessageWithoutStackTop().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        String problem = lines.isEmpty() ? "template error" : lines.get(0);
        if (problem.endsWith(":") && lines.size() > 1) {
            problem += " " + lines.get(1).replaceFirst("^==>\\s*", "").replaceFirst("\\s*\\[in template .*$", "");
        }
        return new InvalidInputException(String.valueOf(e.getTemplateSourceName()),
                number(e.getLineNumber()), number(e.getColumnNumber()), "", problem);
    }

    private static final java.util.regex.Pattern INCLUDED_NAME =
            java.util.regex.Pattern.compile("^Template (?:inclusion|importing) failed \\(for parameter value \"([^\"\\\\]*)\"\\)");

    /** The name as the #include or #import wrote it (FreeMarker's error quotes it), else as FreeMarker resolved it. */
    private static String asWritten(TemplateException e, String resolved) {
        String first = e.getMessageWithoutStackTop().strip();
        java.util.regex.Matcher matcher = INCLUDED_NAME.matcher(first);
        return matcher.find() ? matcher.group(1) : resolved;
    }

    private static int number(Integer lineOrColumn) {
        return lineOrColumn == null ? 0 : lineOrColumn;
    }
}
