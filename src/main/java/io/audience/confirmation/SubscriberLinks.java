package io.audience.confirmation;

import io.audience.api.PublicUrl;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
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

    public record Links(String unsubscribeUrl, String listUnsubscribe, String listUnsubscribePost) {}

    @Transactional
    public Links of(UUID accountId, String emailKey) {
        String url = publicUrl.of(
                "/unsubscribe/" + confirmations.unsubscribeToken(accountId, emailKey, OffsetDateTime.now(clock)));
        return new Links(url, "<" + url + ">", ONE_CLICK);
    }

    /** Makes the token of every address {@code emailKeys} selects, before a query reads them with {@link #unsubscribeUrl}. */
    @Transactional
    public void prepare(UUID accountId, Select<? extends Record1<String>> emailKeys) {
        confirmations.unsubscribeTokens(accountId, emailKeys, OffsetDateTime.now(clock));
    }

    /** The address's unsubscribe URL as a column (null for an address without a token: see {@link #prepare}). */
    public Field<String> unsubscribeUrl(Field<UUID> accountId, Field<String> emailKey) {
        return DSL.inline(publicUrl.of("/unsubscribe/"))
                .concat(ConfirmationRepository.unsubscribeTokenOf(accountId, emailKey));
    }
}
