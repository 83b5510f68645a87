package io.audience.contact;

import io.audience.api.PreconditionFailed;
import io.audience.consent.Source;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A contact's own columns, and the rules for changing them: PUT replaces, a sign-up merges, both
 * revive; every change bumps the version that the ETag shows.
 */
record ContactRow(
        UUID accountId,
        UUID contactId,
        @Nullable String emailKey,
        @Nullable String emailAddress,
        @Nullable OffsetDateTime emailCreatedAt,
        @Nullable OffsetDateTime emailUpdatedAt,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String jobTitle,
        @Nullable String companyName,
        @Nullable Integer birthdayMonth,
        @Nullable Integer birthdayDay,
        @Nullable LocalDate anniversary,
        String createSource,
        String updateSource,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable OffsetDateTime deletedAt,
        long version) {

    static ContactRow create(
            UUID accountId, UUID contactId, ContactDraft draft, Source createSource, OffsetDateTime now) {
        return new ContactRow(
                accountId,
                contactId,
                draft.emailKey(),
                draft.emailAddress(),
                draft.emailKey() == null ? null : now,
                draft.emailKey() == null ? null : now,
                draft.firstName(),
                draft.lastName(),
                draft.jobTitle(),
                draft.companyName(),
                draft.birthdayMonth(),
                draft.birthdayDay(),
                draft.anniversary(),
                createSource.wire(),
                draft.source().wire(),
                now,
                now,
                null,
                1);
    }

    /** PUT: top-level properties are replaced; the address stays unless a new one is sent. */
    ContactRow replacedBy(ContactDraft draft, OffsetDateTime now) {
        boolean newAddress = draft.emailKey() != null && !draft.emailKey().equals(emailKey);
        boolean addressEdited =
                draft.emailAddress() != null && !draft.emailAddress().equals(emailAddress);
        return new ContactRow(
                accountId,
                contactId,
                draft.emailKey() != null ? draft.emailKey() : emailKey,
                draft.emailAddress() != null ? draft.emailAddress() : emailAddress,
                newAddress ? now : emailCreatedAt,
                addressEdited ? now : emailUpdatedAt,
                draft.firstName(),
                draft.lastName(),
                draft.jobTitle(),
                draft.companyName(),
                draft.birthdayMonth(),
                draft.birthdayDay(),
                draft.anniversary(),
                createSource,
                draft.source().wire(),
                createdAt,
                now,
                null,
                version + 1);
    }

    /** A sign-up: only what the form sent changes. */
    ContactRow mergedWith(ContactDraft draft, OffsetDateTime now) {
        return mergedWith(draft, Source.CONTACT, now);
    }

    /** A sign-up or an import row: only what was sent changes, and the contact is live again. */
    ContactRow mergedWith(ContactDraft draft, Source source, OffsetDateTime now) {
        boolean addressEdited =
                draft.emailAddress() != null && !draft.emailAddress().equals(emailAddress);
        boolean birthday = draft.birthdayMonth() != null;
        return new ContactRow(
                accountId,
                contactId,
                emailKey,
                addressEdited ? draft.emailAddress() : emailAddress,
                emailCreatedAt,
                addressEdited ? now : emailUpdatedAt,
                or(draft.firstName(), firstName),
                or(draft.lastName(), lastName),
                or(draft.jobTitle(), jobTitle),
                or(draft.companyName(), companyName),
                birthday ? draft.birthdayMonth() : birthdayMonth,
                birthday ? draft.birthdayDay() : birthdayDay,
                or(draft.anniversary(), anniversary),
                createSource,
                source.wire(),
                createdAt,
                now,
                null,
                version + 1);
    }

    ContactRow deleted(OffsetDateTime now) {
        return new ContactRow(
                accountId,
                contactId,
                emailKey,
                emailAddress,
                emailCreatedAt,
                emailUpdatedAt,
                firstName,
                lastName,
                jobTitle,
                companyName,
                birthdayMonth,
                birthdayDay,
                anniversary,
                createSource,
                updateSource,
                createdAt,
                now,
                now,
                version + 1);
    }

    /** The person's confirmation brings a deleted contact back. */
    ContactRow revived(OffsetDateTime now) {
        return revivedBy(Source.CONTACT, now);
    }

    /** A deleted contact live again, as it was, by {@code source}'s doing. */
    ContactRow revivedBy(Source source, OffsetDateTime now) {
        return new ContactRow(
                accountId,
                contactId,
                emailKey,
                emailAddress,
                emailCreatedAt,
                emailUpdatedAt,
                firstName,
                lastName,
                jobTitle,
                companyName,
                birthdayMonth,
                birthdayDay,
                anniversary,
                createSource,
                source.wire(),
                createdAt,
                now,
                null,
                version + 1);
    }

    String etag() {
        return "\"" + version + "\"";
    }

    /** If-Match: a list of ETags (weak ones compare by value) or {@code *}. */
    void checkIfMatch(@Nullable String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        for (String tag : ifMatch.split(",")) {
            String candidate = tag.strip();
            if (candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals(etag())) {
                return;
            }
        }
        throw new PreconditionFailed("The contact changed since you read it: If-Match " + ifMatch
                + " does not match the current ETag " + etag() + "; GET it again and retry");
    }

    private static <T> @Nullable T or(@Nullable T sent, @Nullable T kept) {
        return sent != null ? sent : kept;
    }
}
