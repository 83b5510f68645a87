package io.audience.contact.web;

import io.audience.api.NotFound;
import io.audience.api.PublicEndpoint;
import io.audience.api.ValidationFailed;
import io.audience.contact.Preferences;
import io.audience.ratelimit.FormLimits;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The preference page a person opens from a mail (the token of their unsubscribe link). A GET
 * only shows it, since mail scanners and crawlers follow links; only the page's POST changes
 * anything.
 */
@RestController
@PublicEndpoint(
        "the preference page a person opens from our or the sender's mail; the token in the path is their credential")
class PreferencePages {

    /** More than an account could show on one page: a form with more was not sent by the page. */
    private static final int MAX_LISTS = 500;

    private final Preferences preferences;
    private final Pages pages;
    private final FormLimits limits;

    PreferencePages(Preferences preferences, Pages pages, FormLimits limits) {
        this.preferences = preferences;
        this.pages = pages;
        this.limits = limits;
    }

    @GetMapping("/preferences/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        return render(token, preferences.page(token), "");
    }

    @PostMapping("/preferences/{token}")
    ResponseEntity<String> save(
            @PathVariable String token,
            @RequestParam(name = "list_ids", required = false) @Nullable List<String> listIds,
            HttpServletRequest request) {
        Set<UUID> wanted = new LinkedHashSet<>();
        List<String> sent = listIds == null ? List.of() : listIds;
        for (String id : sent) {
            try {
                wanted.add(UUID.fromString(id.strip()));
            } catch (IllegalArgumentException notAnId) {
                return pages.message(
                        HttpStatus.BAD_REQUEST,
                        "Nothing was changed",
                        "This form was not sent by the preference page.");
            }
        }
        if (wanted.size() > MAX_LISTS) {
            return pages.message(
                    HttpStatus.BAD_REQUEST, "Nothing was changed", "This form was not sent by the preference page.");
        }
        return render(
                token,
                preferences.save(token, wanted, request.getRemoteAddr(), request.getHeader("User-Agent")),
                "Your choices are saved.");
    }

    /** "Email me my link": the account's own page, to link from its site or its mail footer. */
    @GetMapping("/accounts/{account_id}/preferences")
    ResponseEntity<String> askPage(@PathVariable("account_id") String accountId) {
        return ask(accountId, HttpStatus.OK, "");
    }

    /**
     * Mails the link when the address is on the account's lists; answers the same words either
     * way (and when the throttle holds a mail back), so the page tells nobody who is subscribed.
     */
    @PostMapping("/accounts/{account_id}/preferences")
    ResponseEntity<String> askForLink(
            @PathVariable("account_id") String accountId,
            @RequestParam(defaultValue = "") String email,
            HttpServletRequest request) {
        UUID account;
        try {
            account = UUID.fromString(accountId);
            preferences.accountName(account);
        } catch (IllegalArgumentException | NotFound unknown) {
            return notFound();
        }
        // Counted per network address, as the sign-up forms are: this page also makes us send mail.
        java.util.OptionalLong wait = limits.linkRequestsFrom(request.getRemoteAddr());
        if (wait.isPresent()) {
            ResponseEntity<String> page = pages.message(
                    HttpStatus.TOO_MANY_REQUESTS,
                    "Please try again later",
                    "Too many requests came from your network in the last hour. Please try again in "
                            + FormPosts.minutes(wait.getAsLong()) + ".");
            return ResponseEntity.status(page.getStatusCode())
                    .headers(page.getHeaders())
                    .header(org.springframework.http.HttpHeaders.RETRY_AFTER, Long.toString(wait.getAsLong()))
                    .body(page.getBody());
        }
        try {
            preferences.mailLink(account, email);
        } catch (ValidationFailed badAddress) {
            return ask(accountId, HttpStatus.BAD_REQUEST, "That is not an email address: " + badAddress.getMessage());
        }
        return ask(
                accountId,
                HttpStatus.OK,
                "If this address gets mail from this sender, a link to choose what it gets is on its way."
                        + " It works for as long as you are subscribed.");
    }

    private ResponseEntity<String> ask(String accountId, HttpStatus status, String notice) {
        String name;
        try {
            name = preferences.accountName(UUID.fromString(accountId));
        } catch (IllegalArgumentException | NotFound unknown) {
            return notFound();
        }
        return pages.page(
                status,
                "pages/preference-request",
                Map.of(
                        "accountName",
                        name,
                        "action",
                        "/accounts/" + accountId + "/preferences",
                        "notice",
                        notice,
                        "bad",
                        status != HttpStatus.OK));
    }

    private ResponseEntity<String> notFound() {
        return pages.message(
                HttpStatus.NOT_FOUND, "This page does not exist", "Check the address of the page. Nothing was sent.");
    }

    private ResponseEntity<String> render(String token, Optional<Preferences.Page> page, String notice) {
        if (page.isEmpty()) {
            return pages.message(
                    HttpStatus.NOT_FOUND,
                    "This link is not valid",
                    "Check that you opened the whole link from the mail. Nothing was changed. The sender's"
                            + " own page can mail you a new one.");
        }
        return pages.page(
                HttpStatus.OK, "pages/preferences", Map.of("page", page.get(), "token", token, "notice", notice));
    }
}
