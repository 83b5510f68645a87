package io.audience.contact.web;

import io.audience.api.IdLists;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import io.audience.consent.EmailAddresses;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.contact.ContactDraft;
import io.audience.contact.ContactFields;
import io.audience.customfield.FieldValue;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Turns request bodies into drafts, with the spec's limits; every message names the field. */
final class ContactValidation {

    private static final int NAME_MAX = ContactFields.NAME_MAX;

    private ContactValidation() {}

    static ContactDraft forCreate(ContactRequests.ContactInput in) {
        if (in.createSource() == null) {
            throw new ValidationFailed("create_source is required (Account or Contact)");
        }
        Source source = Source.fromWire("create_source", in.createSource());
        ContactDraft draft = common(in, source);
        if (draft.emailKey() == null && draft.firstName() == null && draft.lastName() == null) {
            throw new ValidationFailed("A contact needs at least an email_address, a first_name or a last_name");
        }
        return draft;
    }

    static ContactDraft forUpdate(ContactRequests.ContactInput in) {
        if (in.updateSource() == null) {
            throw new ValidationFailed("update_source is required (Account or Contact)");
        }
        Source source = Source.fromWire("update_source", in.updateSource());
        return common(in, source);
    }

    static ContactDraft forSignUp(ContactRequests.SignUpInput in) {
        if (in.emailAddress() == null) {
            throw new ValidationFailed("email_address is required (sms_channel sign-ups are not supported)");
        }
        String display = EmailAddresses.display("email_address", in.emailAddress());
        String key = EmailAddresses.key("email_address", in.emailAddress());
        List<UUID> lists = listIds(in.listMemberships());
        if (lists == null || lists.isEmpty()) {
            throw new ValidationFailed("list_memberships must name at least one list");
        }
        List<ContactDraft.Phone> phones = null;
        if (in.phoneNumber() != null) {
            phones = List.of(phone("phone_number", new ContactRequests.PhoneNumberInput(in.phoneNumber(), null)));
        }
        List<ContactDraft.Address> addresses =
                in.streetAddress() == null ? null : List.of(address("street_address", in.streetAddress()));
        birthday(in.birthdayMonth(), in.birthdayDay());
        return new ContactDraft(
                display,
                key,
                null,
                null,
                text("first_name", in.firstName(), NAME_MAX),
                text("last_name", in.lastName(), NAME_MAX),
                text("job_title", in.jobTitle(), NAME_MAX),
                text("company_name", in.companyName(), NAME_MAX),
                in.birthdayMonth(),
                in.birthdayDay(),
                anniversary(in.anniversary()),
                Source.CONTACT,
                phones,
                addresses,
                null,
                lists,
                null,
                customFields(in.customFields()));
    }

    private static ContactDraft common(ContactRequests.ContactInput in, Source source) {
        String display = null;
        String key = null;
        Permission permission = null;
        String reason = null;
        if (in.emailAddress() != null) {
            ContactRequests.EmailAddressInput email = in.emailAddress();
            if (email.address() == null) {
                throw new ValidationFailed("email_address.address is required");
            }
            display = EmailAddresses.display("email_address.address", email.address());
            key = EmailAddresses.key("email_address.address", email.address());
            permission = email.permissionToSend() == null
                    ? null
                    : Permission.fromWire("email_address.permission_to_send", email.permissionToSend());
            reason = text("email_address.opt_out_reason", email.optOutReason(), 255);
        }
        birthday(in.birthdayMonth(), in.birthdayDay());
        return new ContactDraft(
                display,
                key,
                permission,
                reason,
                text("first_name", in.firstName(), NAME_MAX),
                text("last_name", in.lastName(), NAME_MAX),
                text("job_title", in.jobTitle(), NAME_MAX),
                text("company_name", in.companyName(), NAME_MAX),
                in.birthdayMonth(),
                in.birthdayDay(),
                anniversary(in.anniversary()),
                source,
                phones(in.phoneNumbers()),
                addresses(in.streetAddresses()),
                notes(in.notes()),
                listIds(in.listMemberships()),
                tagIds(in.taggings()),
                customFields(in.customFields()));
    }

    static @Nullable String text(String field, @Nullable String value, int max) {
        if (value == null) {
            return null;
        }
        if (value.length() > max) {
            throw new ValidationFailed(field + " must be at most " + max + " characters, not " + value.length());
        }
        return Text.printable(field, value);
    }

    static void birthday(@Nullable Integer month, @Nullable Integer day) {
        ContactFields.birthday(month, day);
    }

    static @Nullable LocalDate anniversary(@Nullable String value) {
        return ContactFields.anniversary(value);
    }

    private static @Nullable List<ContactDraft.Phone> phones(@Nullable List<ContactRequests.PhoneNumberInput> in) {
        if (in == null) {
            return null;
        }
        ContactFields.phoneCount("phone_numbers", in.size());
        List<ContactDraft.Phone> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(phone("phone_numbers[" + i + "]", in.get(i)));
        }
        return out;
    }

    private static ContactDraft.Phone phone(String field, ContactRequests.PhoneNumberInput in) {
        if (in == null || in.phoneNumber() == null || in.phoneNumber().isBlank()) {
            throw new ValidationFailed(field + ".phone_number is required");
        }
        if (in.kind() != null && !ContactFields.PHONE_KINDS.contains(in.kind())) {
            throw new ValidationFailed(field + ".kind must be home, work, mobile or other, not " + in.kind());
        }
        String number = Objects.requireNonNull(
                text(field + ".phone_number", in.phoneNumber(), ContactFields.PHONE_NUMBER_MAX), "checked above");
        return new ContactDraft.Phone(number, in.kind());
    }

    private static @Nullable List<ContactDraft.Address> addresses(
            @Nullable List<ContactRequests.StreetAddressInput> in) {
        if (in == null) {
            return null;
        }
        ContactFields.addressCount("street_addresses", in.size());
        List<ContactDraft.Address> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(address("street_addresses[" + i + "]", in.get(i)));
        }
        return out;
    }

    private static ContactDraft.Address address(String field, ContactRequests.StreetAddressInput in) {
        if (in == null || in.kind() == null) {
            throw new ValidationFailed(field + ".kind is required (home, work or other)");
        }
        if (!ContactFields.ADDRESS_KINDS.contains(in.kind())) {
            throw new ValidationFailed(field + ".kind must be home, work or other, not " + in.kind());
        }
        return new ContactDraft.Address(
                in.kind(),
                text(field + ".street", in.street(), ContactFields.STREET_MAX),
                text(field + ".city", in.city(), ContactFields.ADDRESS_PART_MAX),
                text(field + ".state", in.state(), ContactFields.ADDRESS_PART_MAX),
                text(field + ".postal_code", in.postalCode(), ContactFields.ADDRESS_PART_MAX),
                text(field + ".country", in.country(), ContactFields.ADDRESS_PART_MAX));
    }

    private static @Nullable List<ContactDraft.Note> notes(@Nullable List<ContactRequests.NoteInput> in) {
        if (in == null) {
            return null;
        }
        if (in.size() > 150) {
            throw new ValidationFailed("notes takes at most 150 notes, not " + in.size());
        }
        List<ContactDraft.Note> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            ContactRequests.NoteInput note = in.get(i);
            String field = "notes[" + i + "]";
            if (note == null || note.content() == null || note.content().isBlank()) {
                throw new ValidationFailed(field + ".content is required");
            }
            UUID id = note.noteId() == null ? null : uuid(field + ".note_id", note.noteId());
            OffsetDateTime created = null;
            if (note.createdAt() != null) {
                try {
                    created = OffsetDateTime.parse(note.createdAt());
                } catch (DateTimeParseException e) {
                    throw new ValidationFailed(field + ".created_at must be an ISO-8601 date-time");
                }
            }
            String content = Objects.requireNonNull(text(field + ".content", note.content(), 2000), "checked above");
            out.add(new ContactDraft.Note(id, created, content));
        }
        return out;
    }

    private static @Nullable List<UUID> tagIds(@Nullable List<String> in) {
        if (in == null) {
            return null;
        }
        if (in.size() > 50) {
            throw new ValidationFailed("taggings takes at most 50 tags, not " + in.size());
        }
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(uuid("taggings[" + i + "]", in.get(i)));
        }
        return out;
    }

    private static @Nullable List<FieldValue> customFields(@Nullable List<ContactRequests.CustomFieldInput> in) {
        if (in == null) {
            return null;
        }
        if (in.size() > 25) {
            throw new ValidationFailed("custom_fields takes at most 25 values, not " + in.size());
        }
        List<FieldValue> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            ContactRequests.CustomFieldInput value = in.get(i);
            String field = "custom_fields[" + i + "]";
            if (value == null) {
                throw new ValidationFailed(field + " must be an object");
            }
            if (value.choiceIds() != null && value.choiceIds().stream().anyMatch(java.util.Objects::isNull)) {
                throw new ValidationFailed(field + ".choice_ids must not contain null");
            }
            out.add(new FieldValue(
                    uuid(field + ".custom_field_id", value.customFieldId()),
                    value.value() == null ? null : Text.printable(field + ".value", value.value()),
                    value.choiceIds()));
        }
        return out;
    }

    private static @Nullable List<UUID> listIds(@Nullable List<String> in) {
        if (in == null) {
            return null;
        }
        if (in.size() > 50) {
            throw new ValidationFailed("list_memberships takes at most 50 lists, not " + in.size());
        }
        List<UUID> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            out.add(uuid("list_memberships[" + i + "]", in.get(i)));
        }
        return out;
    }

    static UUID uuid(String field, @Nullable String value) {
        return IdLists.uuid(field, value);
    }
}
