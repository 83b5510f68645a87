package io.audience.contact;

import io.audience.contact.ContactChanged.Change;
import java.time.OffsetDateTime;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the other modules what happened to a contact, inside the transaction that did it. */
@Component
class ContactEvents {

    private final ApplicationEventPublisher events;

    ContactEvents(ApplicationEventPublisher events) {
        this.events = events;
    }

    void created(ContactRow row, OffsetDateTime at) {
        publish(row, Change.CREATED, at);
    }

    /** An update of a stored row: a revival, a deletion or a plain update, told by the two rows. */
    void changed(ContactRow before, ContactRow after, OffsetDateTime at) {
        Change change = before.deletedAt() != null && after.deletedAt() == null
                ? Change.REVIVED
                : before.deletedAt() == null && after.deletedAt() != null ? Change.DELETED : Change.UPDATED;
        publish(after, change, at);
    }

    void erased(ContactRow row, OffsetDateTime at) {
        publish(row, Change.ERASED, at);
    }

    private void publish(ContactRow row, Change change, OffsetDateTime at) {
        events.publishEvent(new ContactChanged(row.accountId(), row.contactId(), change, at));
    }
}
