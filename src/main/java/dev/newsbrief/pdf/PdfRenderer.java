package dev.newsbrief.pdf;

import dev.newsbrief.i18n.Catalog;
import dev.newsbrief.limit.LimitExceededException;
import dev.newsbrief.limit.Limits;
import dev.newsbrief.model.Story;
import dev.newsbrief.render.Deadline;
import dev.newsbrief.render.Renderer;
import dev.newsbrief.resource.ResourceSet;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.pdf.ITextRenderer;
import org.openpdf.pdf.ITextReplacedElementFactory;
import org.openpdf.pdf.ITextTextRenderer;
import org.openpdf.pdf.PDFCreationListener;
import org.openpdf.text.DocumentException;
import org.openpdf.text.pdf.PdfDate;
import org.openpdf.text.pdf.PdfEncryption;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.PdfWriter;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Renders printable briefs: a FreeMarker print template (XHTML) laid out by openpdf-html.
 * Draws each run of text with the first family of its language's list that has its glyphs
 * ({@link FontRuns}), checks glyph coverage before writing, reads resources only through {@link LockedUserAgent},
 * and makes the bytes depend only on the inputs (dates, document ID, subset font names).
 * Create once and reuse, from any number of threads: fonts are parsed once per thread that
 * renders at the same time (a pool, grown on demand), so documents are written in parallel
 * with the same bytes as one at a time.
 *
 * <p>Each document is bounded by {@link Limits}: template, layout and writing together by
 * {@code render-seconds} (checked at every block the layout places), its pages by
 * {@code pdf-pages} (during layout and before writing), its bytes by {@code output-bytes}.
 */
public final class PdfRenderer {
    public static final String BRIEF_TEMPLATE = "pdf/brief.ftlx";
    public static final String PACK_TEMPLATE = "pdf/pack.ftlx";
    /** BCP 47 for "several languages": the briefing pack's /Lang. */
    public static final String MULTIPLE_LANGUAGES = "mul";

    private final Renderer renderer;
    private final ResourceSet templates;
    private final PdfFonts fonts;
    private final Limits limits;
    /** Fonts no document is being written with; a thread takes one, or parses a copy when none is free. */
    private final java.util.concurrent.ConcurrentLinkedDeque<PdfFonts> idleFonts = new java.util.concurrent.ConcurrentLinkedDeque<>();

    public PdfRenderer(Renderer renderer, ResourceSet templates, PdfFonts fonts) {
        this(renderer, templates, fonts, Limits.DEFAULT);
    }

    /** @param limits the bounds of each document (the renderer's own limits bound its XHTML) */
    public PdfRenderer(Renderer renderer, ResourceSet templates, PdfFonts fonts, Limits limits) {
        this.renderer = renderer;
        this.templates = templates;
        this.fonts = fonts;
        this.limits = java.util.Objects.requireNonNull(limits, "The parameter 'limits' must not be null");
        idleFonts.push(fonts);
    }

    /** The PDF brief of one story in one language. */
    public byte[] brief(Story story, Catalog catalog, PdfOptions options) {
        Deadline deadline = Deadline.start(BRIEF_TEMPLATE, limits.renderSeconds());
        return deadline.run(() -> {
            String xhtml = renderer.render(BRIEF_TEMPLATE, story, catalog,
                    Map.of("paper", options.paper().css(), "fonts", fonts.families(catalog.tag())));
            return toPdf(BRIEF_TEMPLATE, xhtml, catalog.tag(), story, options, deadline);
        });
    }

    /** The briefing pack: a cover, then the brief in each language from a new page. */
    public byte[] pack(Story story, List<Catalog> catalogs, PdfOptions options) {
        List<Map<String, Object>> editions = catalogs.stream()
                .map(catalog -> Map.<String, Object>of("lang", catalog.tag(), "nb", Renderer.functions(story, catalog)))
                .toList();
        Deadline deadline = Deadline.start(PACK_TEMPLATE, limits.renderSeconds());
        return deadline.run(() -> {
            String xhtml = renderer.render(PACK_TEMPLATE, story, catalogs.get(0), Map.of(
                    "paper", options.paper().css(), "fonts", fonts.families(MULTIPLE_LANGUAGES), "editions", editions));
            return toPdf(PACK_TEMPLATE, xhtml, MULTIPLE_LANGUAGES, story, options, deadline);
        });
    }

    private byte[] toPdf(String template, String xhtml, String language, Story story, PdfOptions options, Deadline deadline) {
        PdfFonts own = idleFonts.poll();
        if (own == null) {
            own = fonts.copy();
        }
        try {
            return toPdf(own, template, xhtml, language, story, options, deadline);
        } finally {
            idleFonts.push(own);
        }
    }

    private byte[] toPdf(PdfFonts fonts, String template, String xhtml, String language, Story story, PdfOptions options,
            Deadline deadline) {
        Document document = parse(template, xhtml);
        deadline.check();
        FontRuns.apply(document, fonts, language);
        BookmarkTargets.apply(document);
        deadline.check();
        byte[] digest = sha256(xhtml + "\n" + options.paper() + "\n" + options.profile() + "\n" + options.date());
        fonts.seedSubsetPrefixes(digest);

        ITextOutputDevice device = new ClippedTextDevice(ITextRenderer.DEFAULT_DOTS_PER_POINT);
        LockedUserAgent agent = new LockedUserAgent(device, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, templates);
        LayoutGuard guard = new LayoutGuard(new ITextReplacedElementFactory(device), template, limits.pdfPages(), deadline);
        ITextRenderer pdf = new ITextRenderer(ITextRenderer.DEFAULT_DOTS_PER_POINT, ITextRenderer.DEFAULT_DOTS_PER_PIXEL, device, agent,
                new org.openpdf.pdf.ITextFontResolver(), guard, new ITextTextRenderer());
        fonts.register(pdf.getFontResolver());
        if (options.profile() == PdfOptions.Profile.PDFA) {
            pdf.setPDFVersion(PdfWriter.VERSION_1_4);
            pdf.setPDFXConformance(PdfWriter.PDFA1B);
        }
        Instant date = options.date() != null ? options.date() : story.published().atStartOfDay(ZoneOffset.UTC).toInstant();
        pdf.setListener(new Properties(language, date, Arrays.copyOf(digest, 16), options.profile()));
        pdf.setDocument(document, LockedUserAgent.BASE + "document.xhtml");
        try {
            pdf.layout();
        } catch (RuntimeException e) {
            guard.throwIfStopped();
            throw e;
        }
        guard.throwIfStopped();
        failOnRefusal(template, agent);
        int pages = pdf.getRootBox().getLayer().getPages().size();
        if (pages > limits.pdfPages()) {
            throw LayoutGuard.tooManyPages(template, pages, limits.pdfPages(), false);
        }
        deadline.check();
        LimitedOutputStream out = new LimitedOutputStream(template, limits.outputBytes());
        try {
            pdf.createPDF(out);
        } catch (DocumentException e) {
            // openpdf wraps what the stream throws: the limit first.
            out.throwIfExceeded();
            throw new IllegalStateException("openpdf could not write the PDF: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            out.throwIfExceeded();
            throw e;
        }
        out.throwIfExceeded();
        failOnRefusal(template, agent);
        return out.toByteArray();
    }

    private static void failOnRefusal(String template, LockedUserAgent agent) {
        if (!agent.refused().isEmpty()) {
            throw new ResourceRefusedException(template, agent.refused().get(0));
        }
    }

    /** Sets what the inputs decide and the clock must not: dates, document ID, language, conformance. */
    private record Properties(String language, Instant date, byte[] id, PdfOptions.Profile profile) implements PDFCreationListener {
        @Override
        public void preOpen(ITextRenderer renderer) {
            PdfWriter writer = renderer.getWriter();
            GregorianCalendar calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
            calendar.setTimeInMillis(date.toEpochMilli());
            writer.getInfo().put(PdfName.CREATIONDATE, new PdfDate(calendar));
            writer.getInfo().put(PdfName.MODDATE, new PdfDate(calendar));
            writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language));
            // The bookmarks are the brief's table of contents: show them when the file opens.
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines);
        }

        @Override
        public void preWrite(ITextRenderer renderer, int pageCount) {
            if (profile == PdfOptions.Profile.PDFA) {
                try {
                    renderer.getWriter().setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                            ICC_Profile.getInstance(ColorSpace.CS_sRGB));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot embed the sRGB output intent", e);
                }
            }
        }

        @Override
        public void onClose(ITextRenderer renderer) {
            if (profile == PdfOptions.Profile.PDFA) {
                renderer.getWriter().createXmpMetadata();
            }
        }
    }

    /** Parses the template's XHTML with no DTDs and no external entities: nothing is fetched. */
    private static Document parse(String template, String xhtml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new InputSource(new StringReader(xhtml)));
        } catch (SAXException e) {
            throw new dev.newsbrief.model.InvalidInputException(template, 0, 0, "",
                    "the print template does not produce well-formed XHTML: " + e.getMessage());
        } catch (ParserConfigurationException | IOException e) {
            throw new IllegalStateException("cannot set up the XML parser", e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
