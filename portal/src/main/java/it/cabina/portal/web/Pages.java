package it.cabina.portal.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;

/** Renders the page templates (compiled at build time from src/main/jte) into a response. */
final class Pages {
    private final TemplateEngine templates = TemplateEngine.createPrecompiled(ContentType.Html);

    void error(Exchange x, int status, String title, String message) {
        Viewer v = x.viewer();
        Views.PageContext page = v == null ? new Views.PageContext(title, null, null, null) : v.page(title);
        x.status(status);
        render(x, "error.jte", new Views.ErrorPage(page, status, message));
    }

    void render(Exchange x, String template, Object model) {
        StringOutput out = new StringOutput();
        templates.render(template, model, out);
        x.html(out.toString());
    }
}
