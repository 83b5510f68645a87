package io.audience.consent;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** The consent an account holds for one address. */
public record ConsentState(
        Permission permission,
        @Nullable Source optInSource,
        @Nullable OffsetDateTime optInDate,
        @Nullable Source optOutSource,
        @Nullable OffsetDateTime optOutDate,
        @Nullable String optOutReason,
        ConfirmStatus confirmStatus) {

    /** The person said no; only the person can say yes again. */
    public boolean optedOutByContact() {
        return permission == Permission.UNSUBSCRIBED && optOutSource == Source.CONTACT;
    }

    ConsentState optedIn(Permission to, Source source, OffsetDateTime at) {
        return new ConsentState(to, source, to.sendable() ? at : optInDate, null, null, null, confirmStatus);
    }

    ConsentState optedOut(Source source, @Nullable String reason, OffsetDateTime at) {
        return new ConsentState(Permission.UNSUBSCRIBED, optInSource, optInDate, source, at, reason, confirmStatus);
    }
}
