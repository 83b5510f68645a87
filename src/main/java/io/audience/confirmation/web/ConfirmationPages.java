package io.audience.confirmation.web;

import io.audience.api.PublicEndpoint;
import io.audience.confirmation.ConfirmationService;
import io.audience.confirmation.LinkStatus;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
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

    private final ConfirmationService confirmations;
    private final Pages pages;

    ConfirmationPages(ConfirmationService confirmations, Pages pages) {
        this.confirmations = confirmations;
        this.pages = pages;
    }

    @GetMapping(path = "/confirm/{token}")
    ResponseEntity<String> confirmPage(@PathVariable String token) {
        LinkStatus status = confirmations.inspect(token);
        if (status != LinkStatus.VALID) {
            return refused(status);
        }
        return pages.action(
                "Confirm your subscription",
                "Press the button to confirm that you want to receive this mail.",
                "/confirm/" + token,
                "Confirm",
                Map.of());
    }

    @PostMapping(path = "/confirm/{token}")
    ResponseEntity<String> confirm(@PathVariable String token, HttpServletRequest request) {
        LinkStatus status = confirmations.confirm(token, request.getRemoteAddr(), request.getHeader("User-Agent"));
        if (status != LinkStatus.DONE) {
            return refused(status);
        }
        return pages.message(HttpStatus.OK, "Thank you", "Your subscription is confirmed.");
    }

    @GetMapping(path = "/unsubscribe/{token}")
    ResponseEntity<String> unsubscribePage(@PathVariable String token) {
        if (confirmations.inspectUnsubscribe(token) != LinkStatus.VALID) {
            return refused(LinkStatus.INVALID);
        }
        return pages.action(
                "Unsubscribe",
                "Press the button to stop all mail from this sender.",
                "/unsubscribe/" + token,
                "Unsubscribe",
                Map.of("source", "page"));
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
        return pages.message(HttpStatus.OK, "You are unsubscribed", "You will get no more mail from this sender.");
    }

    /** Pages answer whatever the client accepts: a one-click POST from a mail provider may ask for anything. */
    private ResponseEntity<String> refused(LinkStatus status) {
        return switch (status) {
            case USED ->
                pages.message(
                        HttpStatus.CONFLICT, "Already confirmed", "This link was used already. Nothing more to do.");
            case NO_LONGER_APPLIES ->
                pages.message(
                        HttpStatus.CONFLICT,
                        "This link no longer applies",
                        "The address this mail was sent to is no longer the one on file. Nothing was changed.");
            case EXPIRED ->
                pages.message(
                        HttpStatus.GONE,
                        "This link has expired",
                        "Confirmation links are valid for 7 days. Sign up again to get a new one.");
            default ->
                pages.message(
                        HttpStatus.NOT_FOUND,
                        "This link is not valid",
                        "Check that you opened the whole link from the mail. Nothing was changed.");
        };
    }
}
