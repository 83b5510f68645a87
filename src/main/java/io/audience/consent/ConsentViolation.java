package io.audience.consent;

import io.audience.api.Conflict;
import java.util.LinkedHashMap;
import java.util.Map;

/** 409: an Account-sourced write tried to make an address the person opted out of sendable. */
public final class ConsentViolation extends Conflict {

    ConsentViolation(String address, ConsentState state) {
        this(
                state,
                "The contact " + address + " opted out themselves on " + state.optOutDate()
                        + " (opt_out_source Contact). An account cannot opt them back in; only the person can,"
                        + " by signing up again or confirming a resubscribe request"
                        + " (PUT /v3/contacts/resubscribe/{contact_id}).");
    }

    private ConsentViolation(ConsentState state, String message) {
        super(message, details(state));
    }

    /** An account tried to add to lists a person who opted out themselves. */
    static ConsentViolation listsRefused(String address, ConsentState state, java.util.Collection<?> listIds) {
        return new ConsentViolation(
                state,
                "The contact " + address + " opted out themselves on " + state.optOutDate()
                        + " (opt_out_source Contact). An account cannot add them to lists " + listIds
                        + "; only the person"
                        + " can, by signing up again or confirming a resubscribe request"
                        + " (PUT /v3/contacts/resubscribe/{contact_id} with list_ids).");
    }

    private static Map<String, Object> details(ConsentState state) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("permission_to_send", state.permission().wire());
        details.put("opt_out_source", Source.CONTACT.wire());
        details.put("opt_out_date", String.valueOf(state.optOutDate()));
        return details;
    }
}
