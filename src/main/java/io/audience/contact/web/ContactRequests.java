package io.audience.contact.web;

import io.audience.api.BoundedIds;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.annotation.JsonDeserialize;

/** The request bodies of the contacts API, in the vendor's shapes (ContactPostRequest and friends). */
final class ContactRequests {

    private ContactRequests() {}

    record EmailAddressInput(
            @Nullable String address,
            @Nullable String permissionToSend,
            @Nullable String optOutReason) {}

    record PhoneNumberInput(
            @Nullable String phoneNumber, @Nullable String kind) {}

    record StreetAddressInput(
            @Nullable String kind,
            @Nullable String street,
            @Nullable String city,
            @Nullable String state,
            @Nullable String postalCode,
            @Nullable String country) {}

    record CustomFieldInput(
            @Nullable String customFieldId,
            @Nullable String value,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> choiceIds) {}

    record NoteInput(
            @Nullable String noteId,
            @Nullable String createdAt,
            @Nullable String content) {}

    /** POST /v3/contacts and PUT /v3/contacts/{id} share one shape; PUT requires update_source. */
    record ContactInput(
            @Nullable EmailAddressInput emailAddress,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String jobTitle,
            @Nullable String companyName,
            @Nullable String createSource,
            @Nullable String updateSource,
            @Nullable Integer birthdayMonth,
            @Nullable Integer birthdayDay,
            @Nullable String anniversary,
            @Nullable List<PhoneNumberInput> phoneNumbers,
            @Nullable List<StreetAddressInput> streetAddresses,
            @Nullable List<NoteInput> notes,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listMemberships,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> taggings,

            @Nullable List<CustomFieldInput> customFields) {}

    record SignUpInput(
            @Nullable String emailAddress,
            @Nullable String firstName,
            @Nullable String lastName,
            @Nullable String jobTitle,
            @Nullable String companyName,
            @Nullable String phoneNumber,

            @JsonDeserialize(using = BoundedIds.class) @Nullable
            List<String> listMemberships,

            @Nullable String anniversary,
            @Nullable Integer birthdayMonth,
            @Nullable Integer birthdayDay,
            @Nullable StreetAddressInput streetAddress,
            @Nullable List<CustomFieldInput> customFields,
            @Nullable ConsentInput consent) {}

    /** A sign-up relayed from the caller's own form: the person's request and what they were shown (an extension). */
    record ConsentInput(
            @Nullable String ip,
            @Nullable String userAgent,
            @Nullable String consentText,
            @Nullable String pageUrl) {}
}
