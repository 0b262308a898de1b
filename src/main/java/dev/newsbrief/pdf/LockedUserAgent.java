package dev.newsbrief.pdf;

import dev.newsbrief.model.InvalidInputException;
import dev.newsbrief.resource.ResourceSet;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openpdf.pdf.ITextFSImage;
import org.openpdf.pdf.ITextOutputDevice;
import org.openpdf.pdf.ITextUserAgent;
import org.openpdf.resource.CSSResource;
import org.openpdf.resource.ImageResource;
import org.openpdf.resource.XMLResource;
import org.openpdf.text.Image;

/**
 * The only way the PDF renderer reaches resources. It serves files of the templates
 * directory (or the embedded templates) by relative path, and the renderer's own default
 * stylesheet, and refuses everything else — http(s), file:, other jar: URLs, absolute paths,
 * '..' — without opening any connection. Refusals
 * are recorded, since the renderer may swallow exceptions, and fail the build afterwards.
 */
final class LockedUserAgent extends ITextUserAgent {
    /** The base URI documents are rendered against; only URIs under it are served. */
    static final String BASE = "newsbrief-template:/pdf/";

    private final ResourceSet templates;
    private final int dotsPerPixel;
    private final List<String> refused = new ArrayList<>();

    LockedUserAgent(ITextOutputDevice device, int dotsPerPixel, ResourceSet templates) {
        super(device, dotsPerPixel);
        this.templates = templates;
        this.dotsPerPixel = dotsPerPixel;
        setBaseURL(BASE);
    }

    List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public String resolveURI(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            return new URI(BASE).resolve(new URI(uri.strip())).toString();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return "refused:" + uri;
        }
    }

    /** The renderer's own default stylesheet, which it asks for by its jar URL: read once per process. */
    private static final class BuiltInCss {
        static final java.net.URL URL = org.openpdf.pdf.ITextRenderer.class.getClassLoader()
                .getResource("resources/css/XhtmlNamespaceHandler.css");
        static final byte[] BYTES = read();

        private static byte[] read() {
            if (URL == null) {
                return new byte[0];
            }
            try (var in = URL.openStream()) {
                return in.readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot read the renderer's default stylesheet", e);
            }
        }
    }

    /** The bytes of an allowed URI, or empty (and recorded) if refused. */
    private Optional<byte[]> load(String uri) {
        if (BuiltInCss.URL != null && BuiltInCss.URL.toString().equals(uri)) {
            return Optional.of(BuiltInCss.BYTES);
        }
        String resolved = resolveURI(uri);
        if (resolved != null && resolved.startsWith("newsbrief-template:/")) {
            String relative = resolved.substring("newsbrief-template:/".length());
            try {
                Optional<byte[]> bytes = templates.findBytes(relative);
                if (bytes.isPresent()) {
                    return bytes;
                }
            } catch (InvalidInputException e) {
                // A link out of --templates, or an asset over a limit: the renderer would swallow
                // the exception, so it is recorded (with the reason) and fails the build afterwards.
                refused.add(uri + " (" + e.getMessage() + ")");
                return Optional.empty();
            }
        }
        refused.add(uri);
        return Optional.empty();
    }

    @Override
    public CSSResource getCSSResource(String uri) {
        return new CSSResource(new ByteArrayInputStream(load(uri).orElse(new byte[0])));
    }

    @Override
    public byte[] getBinaryResource(String uri) {
        return load(uri).orElse(null);
    }

    @Override
    public XMLResource getXMLResource(String uri) {
        load(uri);
        throw new ResourceRefusedException("pdf", uri);
    }

    @Override
    public ImageResource getImageResource(String uri) {
        Optional<byte[]> bytes = load(uri);
        if (bytes.isEmpty()) {
            return new ImageResource(uri, null);
        }
        try {
            Image image = Image.getInstance(bytes.get());
            scaleToOutputResolution(image);
            return new ImageResource(uri, new ITextFSImage(image));
        } catch (Exception e) {
            refused.add(uri + " (not an image: " + e.getMessage() + ")");
            return new ImageResource(uri, null);
        }
    }

    private void scaleToOutputResolution(Image image) {
        float factor = dotsPerPixel;
        image.scaleAbsolute(image.getPlainWidth() * factor, image.getPlainHeight() * factor);
    }
}
