package io.audience.contact;

import static io.audience.db.Tables.NOTE;
import static io.audience.db.Tables.PHONE_NUMBER;
import static io.audience.db.Tables.STREET_ADDRESS;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Phone numbers, street addresses and notes: sub-resources replaced as a whole. */
@Repository
class ContactDetailsRepository {

    private final DSLContext db;

    ContactDetailsRepository(DSLContext db) {
        this.db = db;
    }

    /** Replaces each sub-resource the draft carries; those it does not carry stay. */
    void replaceAll(UUID accountId, UUID contactId, ContactDraft draft, OffsetDateTime now) {
        if (draft.phoneNumbers() != null) {
            replacePhones(
                    accountId, contactId, draft.phoneNumbers(), draft.source().wire(), now);
        }
        if (draft.streetAddresses() != null) {
            replaceAddresses(accountId, contactId, draft.streetAddresses(), now);
        }
        if (draft.notes() != null) {
            replaceNotes(accountId, contactId, draft.notes(), now);
        }
    }

    void replacePhones(
            UUID accountId, UUID contactId, List<ContactDraft.Phone> phones, String source, OffsetDateTime now) {
        Map<String, ContactView.PhoneView> kept =
                phonesOf(accountId, List.of(contactId)).getOrDefault(contactId, List.of()).stream()
                        .collect(java.util.stream.Collectors.toMap(
                                p -> p.phoneNumber() + "|" + p.kind(), p -> p, (a, b) -> a));
        db.deleteFrom(PHONE_NUMBER)
                .where(PHONE_NUMBER.ACCOUNT_ID.eq(accountId), PHONE_NUMBER.CONTACT_ID.eq(contactId))
                .execute();
        short position = 0;
        for (ContactDraft.Phone phone : phones) {
            // An unchanged number keeps its id and history, so a PUT of what was read changes nothing.
            ContactView.PhoneView same = kept.get(phone.phoneNumber() + "|" + phone.kind());
            db.insertInto(PHONE_NUMBER)
                    .set(PHONE_NUMBER.ACCOUNT_ID, accountId)
                    .set(PHONE_NUMBER.PHONE_NUMBER_ID, same != null ? same.phoneNumberId() : Ids.next())
                    .set(PHONE_NUMBER.CONTACT_ID, contactId)
                    .set(PHONE_NUMBER.POSITION, position++)
                    .set(PHONE_NUMBER.PHONE_NUMBER_, phone.phoneNumber())
                    .set(PHONE_NUMBER.KIND, phone.kind())
                    .set(PHONE_NUMBER.CREATE_SOURCE, same != null ? same.createSource() : source)
                    .set(PHONE_NUMBER.UPDATE_SOURCE, same != null ? same.updateSource() : source)
                    .set(PHONE_NUMBER.CREATED_AT, same != null ? same.createdAt() : now)
                    .set(PHONE_NUMBER.UPDATED_AT, same != null ? same.updatedAt() : now)
                    .execute();
        }
    }

    void replaceAddresses(UUID accountId, UUID contactId, List<ContactDraft.Address> addresses, OffsetDateTime now) {
        db.deleteFrom(STREET_ADDRESS)
                .where(STREET_ADDRESS.ACCOUNT_ID.eq(accountId), STREET_ADDRESS.CONTACT_ID.eq(contactId))
                .execute();
        short position = 0;
        for (ContactDraft.Address a : addresses) {
            db.insertInto(STREET_ADDRESS)
                    .set(STREET_ADDRESS.ACCOUNT_ID, accountId)
                    .set(STREET_ADDRESS.STREET_ADDRESS_ID, Ids.next())
                    .set(STREET_ADDRESS.CONTACT_ID, contactId)
                    .set(STREET_ADDRESS.POSITION, position++)
                    .set(STREET_ADDRESS.KIND, a.kind())
                    .set(STREET_ADDRESS.STREET, a.street())
                    .set(STREET_ADDRESS.CITY, a.city())
                    .set(STREET_ADDRESS.STATE, a.state())
                    .set(STREET_ADDRESS.POSTAL_CODE, a.postalCode())
                    .set(STREET_ADDRESS.COUNTRY, a.country())
                    .set(STREET_ADDRESS.CREATED_AT, now)
                    .set(STREET_ADDRESS.UPDATED_AT, now)
                    .execute();
        }
    }

    void replaceNotes(UUID accountId, UUID contactId, List<ContactDraft.Note> notes, OffsetDateTime now) {
        db.deleteFrom(NOTE)
                .where(NOTE.ACCOUNT_ID.eq(accountId), NOTE.CONTACT_ID.eq(contactId))
                .execute();
        for (ContactDraft.Note note : notes) {
            db.insertInto(NOTE)
                    .set(NOTE.ACCOUNT_ID, accountId)
                    .set(NOTE.NOTE_ID, note.noteId() != null ? note.noteId() : Ids.next())
                    .set(NOTE.CONTACT_ID, contactId)
                    .set(NOTE.CONTENT, note.content())
                    .set(NOTE.CREATED_AT, note.createdAt() != null ? note.createdAt() : now)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    Map<UUID, List<ContactView.PhoneView>> phonesOf(UUID accountId, Collection<UUID> contactIds) {
        return db.selectFrom(PHONE_NUMBER)
                .where(PHONE_NUMBER.ACCOUNT_ID.eq(accountId), PHONE_NUMBER.CONTACT_ID.in(contactIds))
                .orderBy(PHONE_NUMBER.CONTACT_ID, PHONE_NUMBER.POSITION)
                .fetchGroups(
                        PHONE_NUMBER.CONTACT_ID,
                        r -> new ContactView.PhoneView(
                                r.getPhoneNumberId(),
                                r.getPhoneNumber(),
                                r.getKind(),
                                r.getCreateSource(),
                                r.getUpdateSource(),
                                r.getCreatedAt(),
                                r.getUpdatedAt()));
    }

    Map<UUID, List<ContactView.AddressView>> addressesOf(UUID accountId, Collection<UUID> contactIds) {
        return db.selectFrom(STREET_ADDRESS)
                .where(STREET_ADDRESS.ACCOUNT_ID.eq(accountId), STREET_ADDRESS.CONTACT_ID.in(contactIds))
                .orderBy(STREET_ADDRESS.CONTACT_ID, STREET_ADDRESS.POSITION)
                .fetchGroups(
                        STREET_ADDRESS.CONTACT_ID,
                        r -> new ContactView.AddressView(
                                r.getStreetAddressId(),
                                r.getKind(),
                                r.getStreet(),
                                r.getCity(),
                                r.getState(),
                                r.getPostalCode(),
                                r.getCountry(),
                                r.getCreatedAt(),
                                r.getUpdatedAt()));
    }

    Map<UUID, List<ContactView.NoteView>> notesOf(UUID accountId, Collection<UUID> contactIds) {
        return db.selectFrom(NOTE)
                .where(NOTE.ACCOUNT_ID.eq(accountId), NOTE.CONTACT_ID.in(contactIds))
                .orderBy(NOTE.CONTACT_ID, NOTE.CREATED_AT.desc(), NOTE.NOTE_ID.desc())
                .fetchGroups(
                        NOTE.CONTACT_ID,
                        r -> new ContactView.NoteView(r.getNoteId(), r.getCreatedAt(), r.getContent()));
    }
}
