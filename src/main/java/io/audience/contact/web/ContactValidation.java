package io.audience.contact.web;

import io.audience.api.IdLists;
import io.audience.api.Text;
import io.audience.api.VendorDates;
import io.audience.api.ValidationFailed;
import io.audience.contact.ContactDraft;
import io.audience.consent.EmailAddresses;
import io.audience.customfield.FieldValue;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Turns request bodies into drafts, with the spec's limits; every message names the field. */
final class ContactValidation {

    private static final int NAME_MAX = 50;
    private static final Set<String> PHONE_KINDS = Set.of("home", "work", "mobile", "other");
    private static final Set<String> ADDRESS_KINDS = Set.of("home", "work", "other");

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
        return new ContactDraft(display, key, null, null,
                text("first_name", in.firstName(), NAME_MAX), text("last_name", in.lastName(), NAME_MAX),
                text("job_title", in.jobTitle(), NAME_MAX), text("company_name", in.companyName(), NAME_MAX),
                in.birthdayMonth(), in.birthdayDay(), anniversary(in.anniversary()), Source.CONTACT,
                phones, addresses, null, lists, null, customFields(in.customFields()));
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
                    ? null : Permission.fromWire("email_address.permission_to_send", email.permissionToSend());
            reason = text("email_address.opt_out_reason", email.optOutReason(), 255);
        }
        birthday(in.birthdayMonth(), in.birthdayDay());
        return new ContactDraft(display, key, permission, reason,
                text("first_name", in.firstName(), NAME_MAX), text("last_name", in.lastName(), NAME_MAX),
                text("job_title", in.jobTitle(), NAME_MAX), text("company_name", in.companyName(), NAME_MAX),
                in.birthdayMonth(), in.birthdayDay(), anniversary(in.anniversary()), source,
                phones(in.phoneNumbers()), addresses(in.streetAddresses()), notes(in.notes()),
                listIds(in.listMemberships()), tagIds(in.taggings()), customFields(in.customFields()));
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
        if (month == null && day == null) {
            return;
        }
        if (month == null || day == null) {
            throw new ValidationFailed("birthday_month and birthday_day must be sent together");
        }
        if (month < 1 || month > 12) {
            throw new ValidationFailed("birthday_month must be from 1 to 12, not " + month);
        }
        try {
            MonthDay.of(month, day);
        } catch (DateTimeException e) {
            throw new ValidationFailed("birthday_day " + day + " does not exist in month " + month);
        }
    }

    static @Nullable LocalDate anniversary(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        return VendorDates.parse(value).orElseThrow(() -> new ValidationFailed(
                "anniversary must be a date as " + VendorDates.FORMATS + ", not " + value));
    }

    private static @Nullable List<ContactDraft.Phone> phones(@Nullable List<ContactRequests.PhoneNumberInput> in) {
        if (in == null) {
            return null;
        }
        if (in.size() > 3) {
            throw new ValidationFailed("phone_numbers takes at most 3 numbers, not " + in.size());
        }
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
        if (in.kind() != null && !PHONE_KINDS.contains(in.kind())) {
            throw new ValidationFailed(field + ".kind must be home, work, mobile or other, not " + in.kind());
        }
        String number = Objects.requireNonNull(text(field + ".phone_number", in.phoneNumber(), 25), "checked above");
        return new ContactDraft.Phone(number, in.kind());
    }

    private static @Nullable List<ContactDraft.Address> addresses(
            @Nullable List<ContactRequests.StreetAddressInput> in) {
        if (in == null) {
            return null;
        }
        if (in.size() > 3) {
            throw new ValidationFailed("street_addresses takes at most 3 addresses, not " + in.size());
        }
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
        if (!ADDRESS_KINDS.contains(in.kind())) {
            throw new ValidationFailed(field + ".kind must be home, work or other, not " + in.kind());
        }
        return new ContactDraft.Address(in.kind(), text(field + ".street", in.street(), 255),
                text(field + ".city", in.city(), 50), text(field + ".state", in.state(), 50),
                text(field + ".postal_code", in.postalCode(), 50), text(field + ".country", in.country(), 50));
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
            out.add(new FieldValue(uuid(field + ".custom_field_id", value.customFieldId()),
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
