package io.audience.confirmation;

import io.audience.api.PublicUrl;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The links any sending system puts in its mail to an address: the RFC 8058 one-click
 * unsubscribe target and the ready List-Unsubscribe header values. One token per address, made
 * on first use and kept while the address is (erase removes it), so a link in an old mail keeps
 * working.
 */
@Service
public class SubscriberLinks {

    /** RFC 8058's only allowed value of List-Unsubscribe-Post. */
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private final ConfirmationRepository confirmations;
    private final PublicUrl publicUrl;
    private final Clock clock;

    SubscriberLinks(ConfirmationRepository confirmations, PublicUrl publicUrl, Clock clock) {
        this.confirmations = confirmations;
        this.publicUrl = publicUrl;
        this.clock = clock;
    }

    public record Links(
            String unsubscribeUrl, String preferencesUrl, String listUnsubscribe, String listUnsubscribePost) {}

    /** Whose link a token is. */
    public record Subscriber(UUID accountId, String emailKey) {}

    /**
     * The address's links. The preference page takes the same token as the unsubscribe link: both
     * let the person who got the mail manage their own subscription, and nothing more.
     */
    @Transactional
    public Links of(UUID accountId, String emailKey) {
        String token = confirmations.unsubscribeToken(accountId, emailKey, OffsetDateTime.now(clock));
        String url = publicUrl.of("/unsubscribe/" + token);
        return new Links(url, publicUrl.of("/preferences/" + token), "<" + url + ">", ONE_CLICK);
    }

    @Transactional(readOnly = true)
    public Optional<Subscriber> subscriberOf(String token) {
        return confirmations
                .addressOfUnsubscribeToken(token)
                .map(address -> new Subscriber(address.accountId(), address.emailKey()));
    }
}
