package io.audience.confirmation.web;

import io.audience.api.PublicEndpoint;
import io.audience.confirmation.ConfirmationService;
import io.audience.confirmation.LinkStatus;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The links in our mail. A GET only shows a page with a button, because mail scanners open links;
 * the POST of that page (or an RFC 8058 one-click POST) is what acts.
 */
@RestController
@PublicEndpoint("the pages a person opens from our mail; the signed token in the path is their credential")
class ConfirmationPages {

    private static final String HTML = MediaType.TEXT_HTML_VALUE + ";charset=UTF-8";

    private final ConfirmationService confirmations;

    ConfirmationPages(ConfirmationService confirmations) {
        this.confirmations = confirmations;
    }

    @GetMapping(path = "/confirm/{token}")
    ResponseEntity<String> confirmPage(@PathVariable String token) {
        LinkStatus status = confirmations.inspect(token);
        if (status != LinkStatus.VALID) {
            return refused(status);
        }
        return html(
                HttpStatus.OK,
                Pages.form(
                        "Confirm your subscription",
                        "Press the button to confirm that you want to receive this mail.",
                        "/confirm/" + token,
                        "Confirm",
                        null,
                        null));
    }

    @PostMapping(path = "/confirm/{token}")
    ResponseEntity<String> confirm(@PathVariable String token, HttpServletRequest request) {
        LinkStatus status = confirmations.confirm(token, request.getRemoteAddr(), request.getHeader("User-Agent"));
        if (status != LinkStatus.DONE) {
            return refused(status);
        }
        return html(HttpStatus.OK, Pages.page("Thank you", "Your subscription is confirmed."));
    }

    @GetMapping(path = "/unsubscribe/{token}")
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        if (confirmations.inspectUnsubscribe(token) != LinkStatus.VALID) {
            return refused(LinkStatus.INVALID);
        }
        return html(
                HttpStatus.OK,
                Pages.form(
                        "Unsubscribe",
                        "Press the button to stop all mail from this sender.",
                        "/unsubscribe/" + token,
                        "Unsubscribe",
                        "source",
                        "page"));
    }

    @PostMapping(path = "/unsubscribe/{token}")
    ResponseEntity<String> unsubscribe(
            @PathVariable String token,
            @RequestParam(name = "List-Unsubscribe", required = false) String oneClick,
            HttpServletRequest request) {
        LinkStatus status = confirmations.unsubscribe(
                token, "One-Click".equals(oneClick), request.getRemoteAddr(), request.getHeader("User-Agent"));
        if (status != LinkStatus.DONE) {
            return refused(status);
        }
        return html(HttpStatus.OK, Pages.page("You are unsubscribed", "You will get no more mail from this sender."));
    }

    /** Pages answer whatever the client accepts: a one-click POST from a mail provider may ask for anything. */
    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status)
                .contentType(MediaType.parseMediaType(HTML))
                .body(page);
    }

    private static ResponseEntity<String> refused(LinkStatus status) {
        return switch (status) {
            case USED ->
                html(
                        HttpStatus.CONFLICT,
                        Pages.page("Already confirmed", "This link was used already. Nothing more to do."));
            case NO_LONGER_APPLIES ->
                html(
                        HttpStatus.CONFLICT,
                        Pages.page(
                                "This link no longer applies",
                                "The address this mail was sent to is no longer the one on file. Nothing was changed."));
            case EXPIRED ->
                html(
                        HttpStatus.GONE,
                        Pages.page(
                                "This link has expired",
                                "Confirmation links are valid for 7 days. Sign up again to get a new one."));
            default ->
                html(
                        HttpStatus.NOT_FOUND,
                        Pages.page(
                                "This link is not valid",
                                "Check that you opened the whole link from the mail. Nothing was changed."));
        };
    }
}
