package io.audience.contact;

import java.util.Collection;
import java.util.UUID;

/**
 * Rows another module keeps that name a contact (the staged rows of an import): erase asks each
 * to forget the person in its transaction, so the module that owns the rows deletes them.
 */
public interface PersonData {

    /** Deletes the rows that name the contact, by its id or by one of its addresses' keys. */
    void forgetPerson(UUID accountId, UUID contactId, Collection<String> emailKeys);
}
