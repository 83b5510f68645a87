package io.audience.contact;

import io.audience.api.Cursor;
import io.audience.api.ValidationFailed;
import io.audience.consent.DeliveryStatus;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** GET /v3/contacts filters, validated. An empty {@code statuses} means the vendor default. */
public record ContactQuery(
        Set<Status> statuses,
        @Nullable String emailKey,
        Set<UUID> lists,
        Set<UUID> tags,
        Set<UUID> contactIds,
        Set<UUID> excludedIds,
        @Nullable OffsetDateTime updatedAfter,
        @Nullable OffsetDateTime updatedBefore,
        @Nullable OffsetDateTime createdAfter,
        @Nullable OffsetDateTime createdBefore,
        @Nullable OffsetDateTime optoutAfter,
        @Nullable OffsetDateTime optoutBefore,
        @Nullable DeliveryStatus deliveryStatus,
        Set<Include> includes,
        boolean includeCount,
        int limit,
        @Nullable Cursor cursor) {

    /** A query by the filters an export allows, from the first contact on. */
    public static ContactQuery forExport(
            Set<Status> statuses,
            Set<UUID> lists,
            Set<UUID> tags,
            Set<UUID> contactIds,
            Set<UUID> excludedIds,
            int pageSize) {
        return new ContactQuery(
                statuses,
                null,
                lists,
                tags,
                contactIds,
                excludedIds,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                java.util.EnumSet.noneOf(Include.class),
                false,
                pageSize,
                null);
    }

    /** Only an exact address, in any state, with no sub-resources, count or cursor: one statement. */
    public boolean addressOnly() {
        return emailKey != null
                && (statuses.isEmpty() || statuses.equals(Set.of(Status.ALL)))
                && lists.isEmpty()
                && tags.isEmpty()
                && contactIds.isEmpty()
                && excludedIds.isEmpty()
                && updatedAfter == null
                && updatedBefore == null
                && createdAfter == null
                && createdBefore == null
                && optoutAfter == null
                && optoutBefore == null
                && deliveryStatus == null
                && includes.isEmpty()
                && !includeCount
                && cursor == null
                && limit > 0;
    }

    public ContactQuery after(UUID contactId) {
        return new ContactQuery(
                statuses,
                emailKey,
                lists,
                tags,
                contactIds,
                excludedIds,
                updatedAfter,
                updatedBefore,
                createdAfter,
                createdBefore,
                optoutAfter,
                optoutBefore,
                deliveryStatus,
                includes,
                includeCount,
                limit,
                new Cursor("contacts", contactId));
    }

    /** The vendor's status values, plus explicit and implicit for completeness. */
    public enum Status {
        ALL,
        ACTIVE,
        DELETED,
        NOT_SET,
        PENDING_CONFIRMATION,
        TEMP_HOLD,
        UNSUBSCRIBED,
        EXPLICIT,
        IMPLICIT,
        /** An extension: not deleted, and mail to the address bounced (its delivery_status). */
        BOUNCED
    }

    public static Set<Status> statuses(@Nullable String csv) {
        Set<Status> result = EnumSet.noneOf(Status.class);
        if (csv == null || csv.isBlank()) {
            return result;
        }
        for (String part : csv.split(",")) {
            try {
                result.add(Status.valueOf(part.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("status accepts all, active, deleted, not_set, pending_confirmation,"
                        + " temp_hold, unsubscribed, explicit, implicit and bounced, not " + part.strip());
            }
        }
        return result;
    }

    /** ISO-8601 date-time, or a plain date meaning its start in UTC. */
    public static @Nullable OffsetDateTime instant(String name, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException notDateTime) {
            try {
                return LocalDate.parse(value.strip()).atStartOfDay().atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                throw new ValidationFailed(
                        name + " must be an ISO-8601 date-time such as 2022-01-01T16:37:59Z," + " not " + value);
            }
        }
    }
}
