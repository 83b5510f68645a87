package io.audience.consent;

import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.db.tables.records.EmailConsentRecord;
import java.util.Locale;
import org.jooq.Record;

/** Maps the {@code email_consent} columns of any query that selected or joined that table. */
public final class ConsentRecords {

    private ConsentRecords() {}

    public static ConsentState state(Record r) {
        EmailConsentRecord c = r.into(EMAIL_CONSENT);
        return new ConsentState(
                Permission.fromWire("permission_to_send", c.getPermissionToSend()),
                c.getOptInSource() == null ? null : Source.fromWire("opt_in_source", c.getOptInSource()),
                c.getOptInDate(),
                c.getOptOutSource() == null ? null : Source.fromWire("opt_out_source", c.getOptOutSource()),
                c.getOptOutDate(),
                c.getOptOutReason(),
                ConfirmStatus.valueOf(c.getConfirmStatus().toUpperCase(Locale.ROOT)));
    }

    public static Delivery delivery(Record r) {
        EmailConsentRecord c = r.into(EMAIL_CONSENT);
        String status = c.getDeliveryStatus();
        if (status == null || status.equals(DeliveryStatus.DELIVERABLE.wire())) {
            return Delivery.DELIVERABLE;
        }
        return new Delivery(DeliveryStatus.fromWire("delivery_status", status), c.getBouncedAt(), c.getBounceReason());
    }
}
