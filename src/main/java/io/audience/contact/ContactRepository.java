package io.audience.contact;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.consent.ConsentState;
import io.audience.database.RenderedQuery;
import io.audience.db.tables.records.ContactRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SelectOnConditionStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

/** The contact table and its address's consent, read together. */
@Repository
class ContactRepository {

    /** What an update writes: every column but the key, which names the row. */
    private static final List<Field<?>> UPDATED = Stream.of(CONTACT.fields())
            .filter(f -> !f.equals(CONTACT.ACCOUNT_ID) && !f.equals(CONTACT.CONTACT_ID))
            .toList();

    private final DSLContext db;
    private final RenderedQuery byEmail;
    private final RenderedQuery lockByEmail;
    private final RenderedQuery update;
    private final RenderedQuery insert;

    ContactRepository(DSLContext db) {
        this.db = db;
        this.lockByEmail = RenderedQuery.select(
                db,
                db.select(CONTACT.fields())
                        .from(CONTACT)
                        .where(
                                CONTACT.ACCOUNT_ID.eq(DSL.param("account", CONTACT.ACCOUNT_ID)),
                                CONTACT.EMAIL_KEY.eq(DSL.param("email", CONTACT.EMAIL_KEY)))
                        .forUpdate());
        Map<Field<?>, Field<?>> all = new LinkedHashMap<>();
        Stream.of(CONTACT.fields()).forEach(f -> all.put(f, DSL.param(f.getName(), f)));
        this.insert = RenderedQuery.write(db, db.insertInto(CONTACT).set(all).onConflictDoNothing());
        Map<Field<?>, Field<?>> set = new LinkedHashMap<>();
        UPDATED.forEach(f -> set.put(f, DSL.param(f.getName(), f)));
        this.update = RenderedQuery.write(
                db,
                db.update(CONTACT)
                        .set(set)
                        .where(
                                CONTACT.ACCOUNT_ID.eq(DSL.param("account", CONTACT.ACCOUNT_ID)),
                                CONTACT.CONTACT_ID.eq(DSL.param("contact", CONTACT.CONTACT_ID))));
        this.byEmail = RenderedQuery.select(
                db,
                withConsent()
                        .where(
                                CONTACT.ACCOUNT_ID.eq(DSL.param("account", CONTACT.ACCOUNT_ID)),
                                CONTACT.EMAIL_KEY.eq(DSL.param("email", CONTACT.EMAIL_KEY))));
    }

    /** Inserts unless the address already has a contact; the unique index decides, race-free. */
    boolean insert(ContactRow row) {
        ContactRecord r = record(row);
        return insert.execute(db, Stream.of(CONTACT.fields()).map(r::get).toArray()) == 1;
    }

    void update(ContactRow row) {
        ContactRecord r = record(row);
        @Nullable Object[] values = new Object[UPDATED.size() + 2];
        for (int i = 0; i < UPDATED.size(); i++) {
            values[i] = r.get(UPDATED.get(i));
        }
        values[UPDATED.size()] = row.accountId();
        values[UPDATED.size() + 1] = row.contactId();
        update.execute(db, values);
    }

    /** Erase: the row, and with it (by cascade) its details and memberships. */
    void delete(UUID accountId, UUID contactId) {
        db.deleteFrom(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CONTACT_ID.eq(contactId))
                .execute();
    }

    Optional<ContactRow> row(UUID accountId, UUID contactId) {
        return db.selectFrom(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CONTACT_ID.eq(contactId))
                .fetchOptional(ContactRepository::row);
    }

    Optional<ContactRow> lockRow(UUID accountId, UUID contactId) {
        return db.selectFrom(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CONTACT_ID.eq(contactId))
                .forUpdate()
                .fetchOptional(ContactRepository::row);
    }

    Optional<ContactRow> rowByEmail(UUID accountId, String emailKey) {
        return db.selectFrom(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.EMAIL_KEY.eq(emailKey))
                .fetchOptional(ContactRepository::row);
    }

    Optional<ContactRow> lockRowByEmail(UUID accountId, String emailKey) {
        return lockByEmail.fetch(db, r -> row(r.into(CONTACT)), accountId, emailKey).stream()
                .findFirst();
    }

    Optional<ContactView> find(UUID accountId, UUID contactId) {
        return withConsent()
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CONTACT_ID.eq(contactId))
                .fetchOptional(ContactRepository::view);
    }

    /** Whether another contact of the account has the address now. */
    boolean isAddressOfAnother(UUID accountId, String emailKey, UUID contactId) {
        return db.fetchExists(
                CONTACT,
                CONTACT.ACCOUNT_ID.eq(accountId),
                CONTACT.EMAIL_KEY.eq(emailKey),
                CONTACT.CONTACT_ID.ne(contactId));
    }

    /** The lookup by address, the API's most frequent read: its SQL is rendered once. */
    Optional<ContactView> findByEmail(UUID accountId, String emailKey) {
        return byEmail.fetch(db, ContactRepository::view, accountId, emailKey).stream()
                .findFirst();
    }

    List<ContactView> page(Condition where, int limit) {
        return withConsent()
                .where(where)
                .orderBy(CONTACT.CONTACT_ID)
                .limit(limit)
                .fetch(ContactRepository::view);
    }

    int count(Condition where) {
        return db.fetchCount(db.select(CONTACT.CONTACT_ID)
                .from(CONTACT)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(where));
    }

    private static ContactRecord record(ContactRow row) {
        ContactRecord r = new ContactRecord();
        r.setAccountId(row.accountId());
        r.setContactId(row.contactId());
        r.setEmailKey(row.emailKey());
        r.setEmailAddress(row.emailAddress());
        r.setEmailCreatedAt(row.emailCreatedAt());
        r.setEmailUpdatedAt(row.emailUpdatedAt());
        r.setFirstName(row.firstName());
        r.setLastName(row.lastName());
        r.setJobTitle(row.jobTitle());
        r.setCompanyName(row.companyName());
        r.setBirthdayMonth(
                row.birthdayMonth() == null ? null : row.birthdayMonth().shortValue());
        r.setBirthdayDay(row.birthdayDay() == null ? null : row.birthdayDay().shortValue());
        r.setAnniversary(row.anniversary());
        r.setCreateSource(row.createSource());
        r.setUpdateSource(row.updateSource());
        r.setCreatedAt(row.createdAt());
        r.setUpdatedAt(row.updatedAt());
        r.setDeletedAt(row.deletedAt());
        r.setVersion(row.version());
        return r;
    }

    private static ContactRow row(ContactRecord r) {
        return new ContactRow(
                r.getAccountId(),
                r.getContactId(),
                r.getEmailKey(),
                r.getEmailAddress(),
                r.getEmailCreatedAt(),
                r.getEmailUpdatedAt(),
                r.getFirstName(),
                r.getLastName(),
                r.getJobTitle(),
                r.getCompanyName(),
                toInteger(r.getBirthdayMonth()),
                toInteger(r.getBirthdayDay()),
                r.getAnniversary(),
                r.getCreateSource(),
                r.getUpdateSource(),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getDeletedAt(),
                r.getVersion());
    }

    private SelectOnConditionStep<Record> withConsent() {
        return db.select(CONTACT.fields())
                .select(EMAIL_CONSENT.fields())
                .from(CONTACT)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY));
    }

    private static ContactView view(Record r) {
        ContactRecord c = r.into(CONTACT);
        ContactView.Email email = null;
        if (c.getEmailKey() != null) {
            ConsentState consent = io.audience.consent.ConsentRecords.state(r);
            email = new ContactView.Email(
                    c.getEmailAddress(),
                    c.getEmailKey(),
                    consent,
                    io.audience.consent.ConsentRecords.delivery(r),
                    c.getEmailCreatedAt(),
                    c.getEmailUpdatedAt());
        }
        return new ContactView(
                c.getContactId(),
                email,
                c.getFirstName(),
                c.getLastName(),
                c.getJobTitle(),
                c.getCompanyName(),
                toInteger(c.getBirthdayMonth()),
                toInteger(c.getBirthdayDay()),
                c.getAnniversary(),
                c.getCreateSource(),
                c.getUpdateSource(),
                c.getCreatedAt(),
                c.getUpdatedAt(),
                c.getDeletedAt(),
                c.getVersion(),
                null,
                null,
                null,
                null,
                null,
                null);
    }

    private static @Nullable Integer toInteger(@Nullable Short value) {
        return value == null ? null : value.intValue();
    }
}
