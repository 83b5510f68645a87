package io.audience.sender.web;

import io.audience.api.PublicEndpoint;
import io.audience.confirmation.LinkStatus;
import io.audience.sender.SenderAddresses;
import io.audience.web.Pages;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** The link in a sender address's confirmation mail: GET shows a button (scanners open links), POST confirms. */
@RestController
@PublicEndpoint("the page the owner of a sender address opens from our mail; the signed token is their credential")
class SenderConfirmationPages {

    private final SenderAddresses senders;
    private final Pages pages;

    SenderConfirmationPages(SenderAddresses senders, Pages pages) {
        this.senders = senders;
        this.pages = pages;
    }

    @GetMapping("/confirm/sender/{token}")
    ResponseEntity<String> page(@PathVariable String token) {
        LinkStatus status = senders.inspect(token);
        if (status != LinkStatus.VALID) {
            return refused(status);
        }
        return pages.action(
                "Confirm your sender address",
                "Press the button to confirm that mail may be sent from this address.",
                "/confirm/sender/" + token,
                "Confirm",
                Map.of());
    }

    @PostMapping("/confirm/sender/{token}")
    ResponseEntity<String> confirm(@PathVariable String token) {
        LinkStatus status = senders.confirm(token);
        if (status != LinkStatus.DONE) {
            return refused(status);
        }
        return pages.message(HttpStatus.OK, "Thank you", "The sender address is confirmed.");
    }

    private ResponseEntity<String> refused(LinkStatus status) {
        return switch (status) {
            case USED -> pages.message(HttpStatus.CONFLICT, "Already confirmed", "This address is confirmed already.");
            case EXPIRED ->
                pages.message(
                        HttpStatus.GONE,
                        "This link has expired",
                        "Add the address again to get a new link. Nothing was changed.");
            default ->
                pages.message(
                        HttpStatus.NOT_FOUND,
                        "This link is not valid",
                        "Check that you opened the whole link from the mail. Nothing was changed.");
        };
    }
}
