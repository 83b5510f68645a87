package io.audience.contact;

import io.audience.consent.ConsentState;
import io.audience.consent.Delivery;
import io.audience.customfield.FieldValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A contact as read, with its address's consent; sub-resources are null when not asked for. */
public record ContactView(
        UUID contactId,
        @Nullable Email email,
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
        long version,
        @Nullable List<PhoneView> phoneNumbers,
        @Nullable List<AddressView> streetAddresses,
        @Nullable List<NoteView> notes,
        @Nullable List<UUID> listMemberships,
        @Nullable List<UUID> taggings,
        @Nullable List<FieldValue> customFields) {

    public record Email(
            String address,
            String key,
            ConsentState consent,
            Delivery delivery,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    public record PhoneView(
            UUID phoneNumberId,
            String phoneNumber,
            @Nullable String kind,
            String createSource,
            String updateSource,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    public record AddressView(
            UUID streetAddressId,
            String kind,
            @Nullable String street,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode,
            @Nullable String country,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {}

    public record NoteView(UUID noteId, OffsetDateTime createdAt, String content) {}

    public String etag() {
        return "\"" + version + "\"";
    }

    public String status() {
        return deletedAt == null ? "active" : "deleted";
    }

    ContactView with(
            @Nullable List<PhoneView> phones,
            @Nullable List<AddressView> addresses,
            @Nullable List<NoteView> noteList,
            @Nullable List<UUID> lists,
            @Nullable List<UUID> tags,
            @Nullable List<FieldValue> values) {
        return new ContactView(
                contactId,
                email,
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
                updatedAt,
                deletedAt,
                version,
                phones,
                addresses,
                noteList,
                lists,
                tags,
                values);
    }
}
