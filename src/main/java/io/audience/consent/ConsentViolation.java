package io.audience.consent;

import io.audience.api.Conflict;
import java.util.LinkedHashMap;
import java.util.Map;

/** 409: an Account-sourced write tried to make an address the person opted out of sendable. */
public final class ConsentViolation extends Conflict {

    ConsentViolation(String address, ConsentState state) {
        super("The contact " + address + " opted out themselves on " + state.optOutDate()
                + " (opt_out_source Contact). An account cannot opt them back in; only the person can,"
                + " by signing up again or confirming a resubscribe request"
                + " (PUT /v3/contacts/resubscribe/{contact_id}).", details(state));
    }

    private static Map<String, Object> details(ConsentState state) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("permission_to_send", state.permission().wire());
        details.put("opt_out_source", Source.CONTACT.wire());
        details.put("opt_out_date", String.valueOf(state.optOutDate()));
        return details;
    }
}
