package io.audience.auth.web;

import io.audience.api.PublicEndpoint;
import io.audience.auth.AccountUsers;
import io.audience.auth.OAuthClients;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The login page and the consent page of the sign-in for apps. */
@RestController
@PublicEndpoint("the sign-in pages for apps; Spring Security's login chain guards the consent page with the"
        + " sign-in session")
class SignInPages {

    /** What each scope lets an app do, in the words a person decides on. */
    private static final Map<String, String> SCOPES = Map.of(
            "contact_data", "Read and change your contacts, lists, tags and custom fields",
            "account_read", "Read your account's settings",
            "account_update", "Change your account's settings",
            "offline_access", "Keep this access when you are not signed in (until you revoke it)");

    private final OAuthClients clients;
    private final AccountUsers users;
    private final Pages pages;

    SignInPages(OAuthClients clients, AccountUsers users, Pages pages) {
        this.clients = clients;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/login")
    ResponseEntity<String> login(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String logout,
            @RequestParam(required = false) @Nullable String ended) {
        String notice = error != null
                ? "The email or password is wrong, or sign-in is paused after too many failed attempts; try again in a"
                        + " few minutes."
                : logout != null
                        ? "You are signed out."
                        : ended != null ? "Your sign-in has ended: sign in again." : "";
        CsrfToken csrf = csrf(request);
        return pages.page(
                HttpStatus.OK,
                "pages/login",
                Map.of(
                        "parameterName",
                        csrf.getParameterName(),
                        "token",
                        csrf.getToken(),
                        "notice",
                        notice,
                        "error",
                        error != null));
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
            return pages.message(HttpStatus.BAD_REQUEST, "Unknown app", "No app has the id " + clientId + ".");
        }
        String who = users.emailOf(principal.getName()).orElse("you");
        List<String[]> asked = new ArrayList<>();
        for (String s : new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")))) {
            if (!s.equals("openid")) {
                asked.add(new String[] {s, SCOPES.getOrDefault(s, s)});
            }
        }
        CsrfToken csrf = csrf(request);
        return pages.page(
                HttpStatus.OK,
                "pages/consent",
                Map.of(
                        "app", app,
                        "who", who,
                        "clientId", clientId,
                        "state", state,
                        "scopes", asked,
                        "parameterName", csrf.getParameterName(),
                        "token", csrf.getToken()));
    }

    /** Both pages are in the session chain, whose CSRF filter always leaves a token. */
    private static CsrfToken csrf(HttpServletRequest request) {
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            return token;
        }
        throw new IllegalStateException("No CSRF token on " + request.getRequestURI());
    }
}
