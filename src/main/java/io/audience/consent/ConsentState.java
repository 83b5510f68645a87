package io.audience.consent;

import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/**
 * The consent an account holds for one address. The person's own opt-out is remembered in
 * {@code optOutSource = Contact} until the person confirms again, even while a confirmation is
 * pending, so nothing but that confirmation can make the address sendable.
 */
public record ConsentState(
        Permission permission,
        @Nullable Source optInSource,
        @Nullable OffsetDateTime optInDate,
        @Nullable Source optOutSource,
        @Nullable OffsetDateTime optOutDate,
        @Nullable String optOutReason,
        ConfirmStatus confirmStatus) {

    /** The person said no, and has not confirmed a yes since. */
    public boolean optedOutByContact() {
        return optOutSource == Source.CONTACT;
    }

    ConsentState optedIn(Permission to, Source source, OffsetDateTime at) {
        return new ConsentState(to, source, to.sendable() ? at : optInDate, null, null, null, confirmStatus);
    }

    ConsentState optedOut(Source source, @Nullable String reason, OffsetDateTime at) {
        return new ConsentState(Permission.UNSUBSCRIBED, optInSource, optInDate, source, at, reason, confirmStatus);
    }

    ConsentState awaitingConfirmation() {
        return new ConsentState(
                Permission.PENDING_CONFIRMATION,
                optInSource,
                optInDate,
                optOutSource,
                optOutDate,
                optOutReason,
                ConfirmStatus.PENDING);
    }

    ConsentState withPermission(Permission to) {
        return new ConsentState(to, optInSource, optInDate, optOutSource, optOutDate, optOutReason, confirmStatus);
    }
}
