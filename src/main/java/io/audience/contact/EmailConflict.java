package io.audience.contact;

import io.audience.api.Conflict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 409 on an address that already has a contact: unlike the vendor's bare "not unique", it says
 * which contact, in what state, and how to go on.
 */
final class EmailConflict extends Conflict {

    EmailConflict(String address, ContactView existing) {
        super(message(address, existing), details(existing));
    }

    private static String message(String address, ContactView existing) {
        String state =
                existing.deletedAt() == null ? "status active" : "status deleted, deleted_at " + existing.deletedAt();
        return "EmailAddress is not unique: " + address + " belongs to contact " + existing.contactId()
                + " (" + state + "). Update it with PUT /v3/contacts/" + existing.contactId()
                + (existing.deletedAt() == null ? "" : ", which also revives it,")
                + " or use POST /v3/contacts/sign_up_form.";
    }

    private static Map<String, Object> details(ContactView existing) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("contact_id", existing.contactId().toString());
        details.put("status", existing.status());
        details.put(
                "deleted_at",
                existing.deletedAt() == null ? null : existing.deletedAt().toString());
        if (existing.email() != null) {
            details.put(
                    "permission_to_send",
                    existing.email().consent().permission().wire());
        }
        return details;
    }
}
