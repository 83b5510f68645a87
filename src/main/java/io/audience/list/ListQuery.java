package io.audience.list;

import io.audience.api.Cursor;
import io.audience.api.ValidationFailed;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** GET /v3/contact_lists filters, validated. */
public record ListQuery(
        int limit,
        boolean includeCount,
        @Nullable MembershipCount membershipCount,
        @Nullable String name,
        ListStatus status,
        @Nullable Cursor cursor) {

    public enum MembershipCount {
        ALL,
        ACTIVE
    }

    public enum ListStatus {
        ALL,
        ACTIVE,
        DELETED
    }

    public static @Nullable MembershipCount membershipCount(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "all" -> MembershipCount.ALL;
            case "active" -> MembershipCount.ACTIVE;
            default -> throw new ValidationFailed("include_membership_count must be all or active, not " + value);
        };
    }

    public static ListStatus status(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return ListStatus.ACTIVE;
        }
        ListStatus result = null;
        for (String part : value.split(",")) {
            ListStatus one = switch (part.strip().toLowerCase(Locale.ROOT)) {
                case "all" -> ListStatus.ALL;
                case "active" -> ListStatus.ACTIVE;
                case "deleted" -> ListStatus.DELETED;
                default -> throw new ValidationFailed("status must be all, active or deleted, not " + part.strip());
            };
            result = result == null || result == one ? one : ListStatus.ALL;
        }
        return result == null ? ListStatus.ACTIVE : result;
    }
}
