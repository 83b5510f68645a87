package io.audience.contact;

import io.audience.confirmation.ContactConfirmed;
import io.audience.list.ListMemberships;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the person confirms, their contact gets the lists they asked for and comes back if it was
 * deleted: in the confirming transaction, so both happen or neither.
 */
@Component
class ConfirmationListener {

    private final ContactRepository contacts;
    private final ListMemberships memberships;
    private final ContactEvents events;

    ConfirmationListener(ContactRepository contacts, ListMemberships memberships, ContactEvents events) {
        this.contacts = contacts;
        this.memberships = memberships;
        this.events = events;
    }

    @EventListener
    void on(ContactConfirmed confirmed) {
        contacts.lockRow(confirmed.accountId(), confirmed.contactId()).ifPresent(row -> {
            if (row.deletedAt() != null) {
                ContactRow revived = row.revived(confirmed.at());
                contacts.update(revived);
                events.changed(row, revived, confirmed.at());
            }
            memberships.addLive(confirmed.accountId(), confirmed.contactId(), confirmed.listIds(), confirmed.at());
        });
    }
}
