package io.audience.confirmation;

import io.audience.api.PublicUrl;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The unsubscribe links of many addresses at once, for an export that puts them in a column. */
@Repository
public class SubscriberLinksInBulk {

    private final ConfirmationRepository confirmations;
    private final PublicUrl publicUrl;
    private final Clock clock;

    SubscriberLinksInBulk(ConfirmationRepository confirmations, PublicUrl publicUrl, Clock clock) {
        this.confirmations = confirmations;
        this.publicUrl = publicUrl;
        this.clock = clock;
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
