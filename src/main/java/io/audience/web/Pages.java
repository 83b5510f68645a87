package io.audience.web;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.HtmlUtils;

/** The small HTML pages a person sees: after following a link from our mail, or signing in for an app. */
public final class Pages {

    private Pages() {}

    public static String page(String title, String message) {
        return layout(title, "<p>" + HtmlUtils.htmlEscape(message) + "</p>");
    }

    public static String form(
            String title,
            String message,
            String action,
            String button,
            @Nullable String hiddenName,
            @Nullable String hiddenValue) {
        String hidden = hiddenName == null
                ? ""
                : "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(hiddenName) + "\" value=\""
                        + HtmlUtils.htmlEscape(Objects.requireNonNull(hiddenValue, "a hidden field has a value"))
                        + "\">";
        return layout(
                title,
                "<p>" + HtmlUtils.htmlEscape(message) + "</p>"
                        + "<form method=\"post\" action=\"" + HtmlUtils.htmlEscape(action) + "\">" + hidden
                        + "<button type=\"submit\" id=\"submit\">" + HtmlUtils.htmlEscape(button) + "</button></form>");
    }

    /** A page around {@code body}, which the caller has escaped. */
    public static String layout(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\">"
                + "<title>" + HtmlUtils.htmlEscape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;"
                + "line-height:1.5}button{font-size:1rem;padding:.6rem 1.4rem;border-radius:.4rem;border:0;"
                + "background:#1f6feb;color:#fff;cursor:pointer}button.secondary{background:#6e7781}"
                + "label{display:block;margin:.8rem 0 .2rem}input[type=email],input[type=password]{width:100%;"
                + "font-size:1rem;padding:.5rem;box-sizing:border-box}.error{color:#b42318}</style></head><body>"
                + "<h1>" + HtmlUtils.htmlEscape(title) + "</h1>" + body + "</body></html>";
    }
}
