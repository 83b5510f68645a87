package io.audience.contact;

import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.customfield.FieldValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A validated contact write. A null sub-resource list means "not sent: keep what is there"; an
 * empty one means "remove them all".
 */
public record ContactDraft(
        @Nullable String emailAddress,
        @Nullable String emailKey,
        @Nullable Permission permission,
        @Nullable String optOutReason,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String jobTitle,
        @Nullable String companyName,
        @Nullable Integer birthdayMonth,
        @Nullable Integer birthdayDay,
        @Nullable LocalDate anniversary,
        Source source,
        @Nullable List<Phone> phoneNumbers,
        @Nullable List<Address> streetAddresses,
        @Nullable List<Note> notes,
        @Nullable List<UUID> listMemberships,
        @Nullable List<UUID> taggings,
        @Nullable List<FieldValue> customFields) {

    public record Phone(String phoneNumber, @Nullable String kind) {}

    public record Address(
            String kind,
            @Nullable String street,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode,
            @Nullable String country) {}

    public record Note(@Nullable UUID noteId, @Nullable OffsetDateTime createdAt, String content) {}
}
