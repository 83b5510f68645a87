package io.audience.contact;

import io.audience.confirmation.ContactAddresses;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

@Component
class CurrentAddresses implements ContactAddresses {

    private final ContactRepository contacts;

    CurrentAddresses(ContactRepository contacts) {
        this.contacts = contacts;
    }

    @Override
    public Optional<String> currentKey(UUID accountId, UUID contactId) {
        return contacts.row(accountId, contactId).map(ContactRow::emailKey);
    }
}
