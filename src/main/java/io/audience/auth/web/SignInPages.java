package io.audience.auth.web;

import io.audience.api.PublicEndpoint;
import io.audience.auth.AccountUsers;
import io.audience.auth.OAuthClients;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The login page and the consent page of the sign-in for apps. */
@RestController
@PublicEndpoint("the sign-in pages for apps; Spring Security's login chain guards the consent page with the"
        + " sign-in session")
class SignInPages {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";
    /** What each scope lets an app do, in the words a person decides on. */
    private static final Map<String, String> SCOPES = Map.of(
            "contact_data", "Read and change your contacts, lists, tags and custom fields",
            "account_read", "Read your account's settings",
            "account_update", "Change your account's settings",
            "offline_access", "Keep this access when you are not signed in (until you revoke it)");

    private final OAuthClients clients;
    private final AccountUsers users;

    SignInPages(OAuthClients clients, AccountUsers users) {
        this.clients = clients;
        this.users = users;
    }

    @GetMapping("/login")
    ResponseEntity<String> login(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String logout) {
        String notice = error != null
                ? "<p class=\"error\" id=\"error\">The email or password is wrong, or sign-in is paused after too many"
                        + " failed attempts; try again in a few minutes.</p>"
                : logout != null ? "<p id=\"notice\">You are signed out.</p>" : "";
        return html(
                HttpStatus.OK,
                Pages.layout(
                        "Sign in",
                        notice
                                + "<form method=\"post\" action=\"/login\">" + csrf(request)
                                + "<label for=\"username\">Email</label>"
                                + "<input type=\"email\" id=\"username\" name=\"username\" autocomplete=\"username\" required autofocus>"
                                + "<label for=\"password\">Password</label>"
                                + "<input type=\"password\" id=\"password\" name=\"password\" autocomplete=\"current-password\" required>"
                                + "<p><button type=\"submit\" id=\"submit\">Sign in</button></p></form>"));
    }

    /** Shown by the authorization endpoint for the scopes the person has not yet granted this app. */
    @GetMapping("/oauth2/consent")
    ResponseEntity<String> consent(
            HttpServletRequest request,
            Principal principal,
            @RequestParam("client_id") String clientId,
            @RequestParam("scope") String scope,
            @RequestParam("state") String state) {
        String app = clients.name(clientId).orElse(null);
        if (app == null) {
            return html(HttpStatus.BAD_REQUEST, Pages.page("Unknown app", "No app has the id " + clientId + "."));
        }
        String who = users.emailOf(principal.getName()).orElse("you");
        Set<String> asked = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        StringBuilder boxes = new StringBuilder();
        for (String s : asked) {
            if (s.equals("openid")) {
                continue;
            }
            boxes.append("<label><input type=\"checkbox\" name=\"scope\" value=\"")
                    .append(HtmlUtils.htmlEscape(s))
                    .append("\" id=\"scope-")
                    .append(HtmlUtils.htmlEscape(s))
                    .append("\" checked> ")
                    .append(HtmlUtils.htmlEscape(SCOPES.getOrDefault(s, s)))
                    .append("</label>");
        }
        return html(
                HttpStatus.OK,
                Pages.layout(
                        "Allow " + app + "?",
                        "<p><strong>" + HtmlUtils.htmlEscape(app) + "</strong> asks to act for <strong>"
                                + HtmlUtils.htmlEscape(who) + "</strong>:</p>"
                                + "<form method=\"post\" action=\"/oauth2/authorize\">" + csrf(request)
                                + hidden("client_id", clientId) + hidden("state", state) + boxes
                                + "<p><button type=\"submit\" id=\"allow\">Allow</button></p></form>"
                                // Denying is a form of its own that grants nothing, so it works without script.
                                + "<form method=\"post\" action=\"/oauth2/authorize\">" + csrf(request)
                                + hidden("client_id", clientId) + hidden("state", state)
                                + "<p><button type=\"submit\" id=\"deny\" class=\"secondary\">Deny</button></p></form>"
                                + "<p>You can take this back at any time: the app's access ends when it is revoked.</p>"));
    }

    private static String csrf(HttpServletRequest request) {
        return request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token
                ? hidden(token.getParameterName(), token.getToken())
                : "";
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + HtmlUtils.htmlEscape(name) + "\" value=\""
                + HtmlUtils.htmlEscape(value) + "\">";
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(HTML))
                .body(page);
    }
}
