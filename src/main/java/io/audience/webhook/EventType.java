package io.audience.webhook;

import io.audience.api.ValidationFailed;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What a webhook can be told, by its wire name. */
public enum EventType {
    CONTACT_CREATED("contact.created"),
    CONTACT_UPDATED("contact.updated"),
    CONTACT_DELETED("contact.deleted"),
    CONTACT_REVIVED("contact.revived"),
    CONTACT_ERASED("contact.erased"),
    CONSENT_CHANGED("consent.changed"),
    LIST_MEMBERSHIP_ADDED("list_membership.added"),
    LIST_MEMBERSHIP_REMOVED("list_membership.removed"),
    ACTIVITY_COMPLETED("activity.completed"),
    /** A bounce of mail to the contact's address was recorded (its delivery state may have changed). */
    DELIVERY_BOUNCED("delivery.bounced"),
    /** Sent only by POST /v3/webhooks/{webhook_id}/test, to that webhook, whatever it subscribed to. */
    PING("ping");

    public static final String ALL = "*";

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    static EventType fromWire(String value) {
        for (EventType type : values()) {
            if (type != PING && type.wire.equals(value)) {
                return type;
            }
        }
        throw new ValidationFailed("events: " + value + " is not an event; use \"*\" or any of "
                + Arrays.stream(values())
                        .filter(t -> t != PING)
                        .map(EventType::wire)
                        .collect(Collectors.joining(", ")));
    }
}
