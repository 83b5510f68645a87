package io.audience.contact.web;

import io.audience.consent.ConsentState;
import io.audience.consent.Source;
import io.audience.contact.ContactView;
import io.audience.customfield.FieldValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** The vendor's ContactResource; sub-resource arrays appear only when included. */
record ContactResource(
        UUID contactId,
        @Nullable EmailAddress emailAddress,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String jobTitle,
        @Nullable String companyName,
        @Nullable Integer birthdayMonth,
        @Nullable Integer birthdayDay,
        @Nullable LocalDate anniversary,
        String updateSource,
        String createSource,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Nullable LocalDate deletedAt,
        @Nullable List<FieldValue> customFields,
        @Nullable List<ContactView.PhoneView> phoneNumbers,
        @Nullable List<ContactView.AddressView> streetAddresses,
        @Nullable List<UUID> listMemberships,
        @Nullable List<UUID> taggings,
        @Nullable List<ContactView.NoteView> notes) {

    record EmailAddress(
            String address,
            String permissionToSend,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Nullable String optInSource,
            @Nullable OffsetDateTime optInDate,
            @Nullable String optOutSource,
            @Nullable OffsetDateTime optOutDate,
            @Nullable String optOutReason,
            String confirmStatus,
            String deliveryStatus,
            @Nullable OffsetDateTime bouncedAt,
            @Nullable String bounceReason) {}

    static ContactResource of(ContactView c) {
        return new ContactResource(
                c.contactId(),
                email(c.email()),
                c.firstName(),
                c.lastName(),
                c.jobTitle(),
                c.companyName(),
                c.birthdayMonth(),
                c.birthdayDay(),
                c.anniversary(),
                c.updateSource(),
                c.createSource(),
                c.createdAt(),
                c.updatedAt(),
                c.deletedAt() == null ? null : c.deletedAt().toLocalDate(),
                c.customFields(),
                c.phoneNumbers(),
                c.streetAddresses(),
                c.listMemberships(),
                c.taggings(),
                c.notes());
    }

    private static @Nullable EmailAddress email(ContactView.@Nullable Email email) {
        if (email == null) {
            return null;
        }
        ConsentState consent = email.consent();
        return new EmailAddress(
                email.address(),
                consent.permission().wire(),
                email.createdAt(),
                email.updatedAt(),
                wire(consent.optInSource()),
                consent.optInDate(),
                wire(consent.optOutSource()),
                consent.optOutDate(),
                consent.optOutReason(),
                consent.confirmStatus().wire(),
                email.delivery().status().wire(),
                email.delivery().bouncedAt(),
                email.delivery().bounceReason());
    }

    private static @Nullable String wire(@Nullable Source source) {
        return source == null ? null : source.wire();
    }
}
