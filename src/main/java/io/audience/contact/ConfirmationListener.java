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

    ConfirmationListener(ContactRepository contacts, ListMemberships memberships) {
        this.contacts = contacts;
        this.memberships = memberships;
    }

    @EventListener
    void on(ContactConfirmed confirmed) {
        contacts.lockRow(confirmed.accountId(), confirmed.contactId()).ifPresent(row -> {
            if (row.deletedAt() != null) {
                contacts.update(row.revived(confirmed.at()));
            }
            memberships.addLive(confirmed.accountId(), confirmed.contactId(), confirmed.listIds(), confirmed.at());
        });
    }
}
