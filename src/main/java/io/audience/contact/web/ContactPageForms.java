package io.audience.contact.web;

import io.audience.api.IdLists;
import io.audience.api.ValidationFailed;
import io.audience.consent.Source;
import io.audience.contact.ContactDraft;
import io.audience.contact.ContactView;
import io.audience.customfield.FieldValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The contact page's forms as the API's request bodies, checked by the API's own validation
 * ({@link ContactValidation}): one set of field rules, and refusals worded as the API words them.
 */
final class ContactPageForms {

    private static final int SLOTS = 3;
    private static final String ACCOUNT = Source.ACCOUNT.wire();

    private ContactPageForms() {}

    /**
     * The profile form as a PUT: top-level fields replaced, phones and addresses as the form shows
     * them; lists, tags, custom fields and consent as they are.
     */
    static ContactDraft profile(MultiValueMap<String, String> form) {
        String email = value(form, "email");
        List<ContactRequests.PhoneNumberInput> phones = new ArrayList<>();
        List<ContactRequests.StreetAddressInput> addresses = new ArrayList<>();
        for (int i = 0; i < SLOTS; i++) {
            String number = value(form, "phone" + i);
            if (number != null) {
                phones.add(new ContactRequests.PhoneNumberInput(number, value(form, "phoneKind" + i)));
            }
            String street = value(form, "street" + i);
            String city = value(form, "city" + i);
            String state = value(form, "state" + i);
            String postal = value(form, "postalCode" + i);
            String country = value(form, "country" + i);
            if (street != null || city != null || state != null || postal != null || country != null) {
                addresses.add(new ContactRequests.StreetAddressInput(
                        value(form, "addressKind" + i), street, city, state, postal, country));
            }
        }
        return ContactValidation.forUpdate(new ContactRequests.ContactInput(
                email == null ? null : new ContactRequests.EmailAddressInput(email, null, null),
                value(form, "firstName"),
                value(form, "lastName"),
                value(form, "jobTitle"),
                value(form, "companyName"),
                null,
                ACCOUNT,
                number(form, "birthdayMonth", "birthday_month"),
                number(form, "birthdayDay", "birthday_day"),
                value(form, "anniversary"),
                phones,
                addresses,
                null,
                null,
                null,
                null));
    }

    /** The custom fields form: a value for each field filled in; a field left empty loses its value. */
    static List<FieldValue> customFields(MultiValueMap<String, String> form, List<String> fieldIds) {
        List<ContactRequests.CustomFieldInput> values = new ArrayList<>();
        for (String id : fieldIds) {
            List<String> sent = Objects.requireNonNullElse(form.get("field_" + id), List.<String>of()).stream()
                    .filter(v -> v != null && !v.isBlank())
                    .toList();
            if (sent.isEmpty()) {
                continue;
            }
            boolean choices = Objects.equals(value(form, "fieldKind_" + id), "choices");
            values.add(new ContactRequests.CustomFieldInput(
                    id, choices ? null : sent.get(0).strip(), choices ? sent : null));
        }
        ContactDraft draft = ContactValidation.forUpdate(new ContactRequests.ContactInput(
                null, null, null, null, null, null, ACCOUNT, null, null, null, null, null, null, null, null, values));
        return Objects.requireNonNull(draft.customFields(), "sent above");
    }

    /**
     * A change of lists, tags or custom field values as a PUT that keeps everything else: the
     * contact's own fields as they are, phones, addresses and notes not sent (kept), consent untouched.
     */
    static ContactDraft keeping(
            ContactView c, @Nullable List<UUID> lists, @Nullable List<UUID> tags, @Nullable List<FieldValue> values) {
        return new ContactDraft(
                null,
                null,
                null,
                null,
                c.firstName(),
                c.lastName(),
                c.jobTitle(),
                c.companyName(),
                c.birthdayMonth(),
                c.birthdayDay(),
                c.anniversary(),
                Source.ACCOUNT,
                null,
                null,
                null,
                lists,
                tags,
                values);
    }

    static List<UUID> ids(String field, @Nullable List<String> values) {
        List<UUID> out = new ArrayList<>();
        for (String value : Objects.requireNonNullElse(values, List.<String>of())) {
            UUID id = IdLists.uuid(field, value);
            if (!out.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** The version the page showed, as an If-Match: a change made meanwhile refuses the edit. */
    static String ifMatch(long version) {
        return "\"" + version + "\"";
    }

    private static @Nullable String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static @Nullable Integer number(MultiValueMap<String, String> form, String name, String field) {
        String value = value(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value);
        } catch (NumberFormatException e) {
            throw new ValidationFailed(field + " must be a number, not " + value);
        }
    }
}
