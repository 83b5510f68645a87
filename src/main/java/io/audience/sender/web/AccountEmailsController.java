package io.audience.sender.web;

import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.sender.SenderAddress;
import io.audience.sender.SenderAddresses;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The account's sender addresses, as the vendor's {@code /account/emails}. */
@RestController
@Requires(Privilege.ACCOUNT_UPDATE)
class AccountEmailsController {

    private final SenderAddresses senders;

    AccountEmailsController(SenderAddresses senders) {
        this.senders = senders;
    }

    record AddInput(@Nullable String emailAddress) {}

    /** The vendor's AccountEmails entry. */
    record AccountEmail(
            String emailAddress,
            long emailId,
            String emailStatus,
            @Nullable OffsetDateTime confirmTime,
            @Nullable String confirmSourceType,
            List<String> roles,
            List<String> pendingRoles) {

        static AccountEmail of(SenderAddress address) {
            return new AccountEmail(
                    address.emailAddress(),
                    address.emailId(),
                    address.emailStatus(),
                    address.confirmTime(),
                    address.confirmSourceType(),
                    address.roles(),
                    address.pendingRoles());
        }
    }

    /** 200: the addresses, optionally only CONFIRMED or UNCONFIRMED ones, or only one address; 400: a bad filter. */
    @Requires(Privilege.ACCOUNT_READ)
    @GetMapping("/v3/account/emails")
    List<AccountEmail> list(
            Caller caller,
            @RequestParam(name = "confirm_status", required = false) @Nullable String confirmStatus,
            @RequestParam(name = "email_address", required = false) @Nullable String emailAddress) {
        return senders.list(caller.accountId(), confirmStatus, emailAddress).stream()
                .map(AccountEmail::of)
                .toList();
    }

    /** 201: added (or asked again) and a confirmation mail sent to it; 400: not an address; 409: already confirmed. */
    @PostMapping(path = "/v3/account/emails", consumes = "application/json")
    ResponseEntity<AccountEmail> add(Caller caller, @RequestBody AddInput body) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(AccountEmail.of(senders.add(caller.accountId(), body.emailAddress())));
    }
}
