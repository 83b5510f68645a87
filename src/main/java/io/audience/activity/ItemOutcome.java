package io.audience.activity;

import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How one row of an activity ended: created, updated, skipped or failed, and why. */
public record ItemOutcome(
        Kind kind, @Nullable String reason, @Nullable UUID contactId, boolean correctable, boolean cannotAddToList) {

    public enum Kind {
        CREATED,
        UPDATED,
        SKIPPED,
        FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static ItemOutcome updated(UUID contactId) {
        return new ItemOutcome(Kind.UPDATED, null, contactId, false, false);
    }

    /** A row that is not about one contact (a list, a tag, a field) done as asked, said in {@code reason}. */
    public static ItemOutcome applied(String reason) {
        return new ItemOutcome(Kind.UPDATED, reason, null, false, false);
    }

    public static ItemOutcome notAddedToLists(Kind kind, UUID contactId, String reason) {
        return new ItemOutcome(kind, reason, contactId, false, true);
    }

    public static ItemOutcome skipped(String reason) {
        return new ItemOutcome(Kind.SKIPPED, reason, null, false, false);
    }

    public static ItemOutcome failed(String reason, boolean correctable) {
        return new ItemOutcome(Kind.FAILED, reason, null, correctable, false);
    }
}
