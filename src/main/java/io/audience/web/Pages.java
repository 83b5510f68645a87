package io.audience.web;

import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Renders a JTE template to a whole page, for the places that answer outside a controller's view
 * (the request gate, a filter) and for the small pages a person sees after following a link from
 * our mail: {@code pages/message} (a title and a sentence) and {@code pages/action} (the same
 * with one button that posts a form).
 */
@Component
public class Pages {

    private static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

    private final TemplateEngine templates;

    Pages(TemplateEngine templates) {
        this.templates = templates;
    }

    public String render(String template, Map<String, ?> params) {
        StringOutput output = new StringOutput();
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) params;
        templates.render(template + ".jte", values, output);
        return output.toString();
    }

    public ResponseEntity<String> page(HttpStatus status, String template, Map<String, ?> params) {
        return ResponseEntity.status(status).contentType(HTML).body(render(template, params));
    }

    /** A title and one sentence. */
    public ResponseEntity<String> message(HttpStatus status, String title, String message) {
        return page(status, "pages/message", Map.of("title", title, "message", message));
    }

    /** A title, one sentence, and one button that posts {@code action} (with one hidden field). */
    public ResponseEntity<String> action(
            String title, String message, String action, String button, Map<String, String> hidden) {
        return page(
                HttpStatus.OK,
                "pages/action",
                Map.of("title", title, "message", message, "action", action, "button", button, "hidden", hidden));
    }

    public void write(HttpServletResponse response, int status, String template, Map<String, ?> params)
            throws IOException {
        response.setStatus(status);
        response.setContentType(HTML.toString());
        response.getWriter().write(render(template, params));
    }
}
