package io.audience.sender.web;

import io.audience.api.PublicEndpoint;
import io.audience.confirmation.LinkStatus;
import io.audience.sender.SenderAddresses;
import io.audience.web.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The link in a sender address's confirmation mail: GET shows a button (scanners open links), POST confirms. */
@RestController
@PublicEndpoint("the page the owner of a sender address opens from our mail; the signed token is their credential")
class SenderConfirmationPages {

    private static final MediaType HTML = MediaType.parseMediaType(MediaType.TEXT_HTML_VALUE + ";charset=UTF-8");

    private final SenderAddresses senders;

    SenderConfirmationPages(SenderAddresses senders) {
        this.senders = senders;
    }

    @GetMapping("/confirm/sender/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        LinkStatus status = senders.inspect(token);
        if (status != LinkStatus.VALID) {
            return refused(status);
        }
        return html(
                HttpStatus.OK,
                Pages.form(
                        "Confirm your sender address",
                        "Press the button to confirm that mail may be sent from this address.",
                        "/confirm/sender/" + token,
                        "Confirm",
                        null,
                        null));
    }

    @PostMapping("/confirm/sender/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        LinkStatus status = senders.confirm(token);
        if (status != LinkStatus.DONE) {
            return refused(status);
        }
        return html(HttpStatus.OK, Pages.page("Thank you", "The sender address is confirmed."));
    }

    private static ResponseEntity<String> html(HttpStatus status, String page) {
        return ResponseEntity.status(status).contentType(HTML).body(page);
    }

    private static ResponseEntity<String> refused(LinkStatus status) {
        return switch (status) {
            case USED ->
                html(HttpStatus.CONFLICT, Pages.page("Already confirmed", "This address is confirmed already."));
            case EXPIRED ->
                html(
                        HttpStatus.GONE,
                        Pages.page(
                                "This link has expired",
                                "Add the address again to get a new link. Nothing was changed."));
            default ->
                html(
                        HttpStatus.NOT_FOUND,
                        Pages.page(
                                "This link is not valid",
                                "Check that you opened the whole link from the mail. Nothing was changed."));
        };
    }
}
