package io.audience.consent;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One appended entry of an address's consent history. */
public record ConsentEvent(
        UUID eventId,
        OffsetDateTime occurredAt,
        @Nullable UUID contactId,
        @Nullable Permission from,
        Permission to,
        Source source,
        Channel channel,
        String actor,
        @Nullable String ip,
        @Nullable String userAgent,
        @Nullable String evidence,
        @Nullable Statement statement,
        @Nullable UUID listId) {

    /** The person clicked the link of a confirmation mail (ConfirmationService names it so). */
    public boolean byConfirmationLink() {
        return source == Source.CONTACT && channel == Channel.LINK && actor.startsWith("confirmation:");
    }
}
