package dev.newsbrief.pdf;

import dev.newsbrief.model.InvalidInputException;

/** A document asked the PDF renderer for something outside the project's own template assets. */
public final class ResourceRefusedException extends InvalidInputException {
    public ResourceRefusedException(String template, String uri) {
        super(template, 0, 0, "", "refused to load '" + uri + "': a PDF may use only the template assets "
                + "(relative paths inside the templates directory); no network or other file is ever read");
    }
}
