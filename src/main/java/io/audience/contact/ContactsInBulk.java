package io.audience.contact;

import static io.audience.db.Tables.CONTACT;
import static org.jooq.impl.DSL.val;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts, phones and street addresses of many rows at once, set-based, for a bulk import: one
 * statement per call. The caller passes its rows, already checked, as a jOOQ {@link Select} with
 * the fields each method names, holds the lock of every address it touches
 * ({@code ConsentInBulk.lock}), and never writes these tables itself. Sources are the account's.
 */
@Repository
public class ContactsInBulk {

    private final DSLContext db;

    ContactsInBulk(DSLContext db) {
        this.db = db;
    }

    /** The key of the contact's address, as a subquery for a statement of the caller. */
    public Field<String> emailKeyOf(UUID accountId, UUID contactId) {
        return DSL.field(DSL.select(CONTACT.EMAIL_KEY)
                .from(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CONTACT_ID.eq(contactId)));
    }

    /** The id of the contact that has the address (deleted or not), or null, as a subquery for a statement of the caller. */
    public Field<UUID> contactIdOf(UUID accountId, Field<String> emailKey) {
        return DSL.field(DSL.select(CONTACT.CONTACT_ID)
                .from(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.EMAIL_KEY.eq(emailKey))
                .limit(1));
    }

    /**
     * Creates a contact for each row whose address no contact of the account has; {@code rows}
     * selects {@code contact_id} (the new contact's id) and the contact fields ({@code email_key},
     * {@code email_address}, {@code first_name}, {@code last_name}, {@code job_title},
     * {@code company_name}, {@code birthday_month}, {@code birthday_day}, {@code anniversary}), each
     * address once. {@code allNew}: every address was created in this transaction, so no contact
     * can have one, and plain inserts do.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void create(UUID accountId, Select<? extends Record> rows, boolean allNew, OffsetDateTime now) {
        db.execute("""
                insert into contact (account_id, contact_id, email_key, email_address, email_created_at,
                                     email_updated_at, first_name, last_name, job_title, company_name, birthday_month,
                                     birthday_day, anniversary, create_source, update_source, created_at, updated_at,
                                     deleted_at, version)
                select {0}, r.contact_id, r.email_key, r.email_address, {2}, {2}, r.first_name, r.last_name,
                       r.job_title, r.company_name, r.birthday_month, r.birthday_day, r.anniversary, 'Account',
                       'Account', {2}, {2}, null, 1
                  from ({1}) r
                """ + (allNew ? "" : """
                 where not exists (select 1 from contact c where c.account_id = {0} and c.email_key = r.email_key
                                      and c.email_key = any(array(select k.email_key from ({1}) k)))
                 order by r.contact_id
                    on conflict do nothing"""), val(accountId), rows, val(now));
    }

    /**
     * Updates the contact of each row's address with what the row sends (a null keeps the value;
     * a birthday day goes with its month) and revives it; consent is not touched. {@code rows}
     * selects the contact fields of {@link #create} and {@code contact_id}: a contact that has this
     * id was just created from the row and is left as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void update(UUID accountId, Select<? extends Record> rows, OffsetDateTime now) {
        db.execute("""
                update contact c
                   set email_address = r.email_address,
                       email_updated_at = case when r.email_address is distinct from c.email_address then {2}
                                               else c.email_updated_at end,
                       first_name = coalesce(r.first_name, c.first_name),
                       last_name = coalesce(r.last_name, c.last_name),
                       job_title = coalesce(r.job_title, c.job_title),
                       company_name = coalesce(r.company_name, c.company_name),
                       birthday_month = coalesce(r.birthday_month, c.birthday_month),
                       birthday_day = case when r.birthday_month is not null then r.birthday_day else c.birthday_day end,
                       anniversary = coalesce(r.anniversary, c.anniversary),
                       update_source = 'Account', updated_at = {2}, deleted_at = null, version = c.version + 1
                  from ({1}) r
                 where c.account_id = {0} and c.email_key = r.email_key and c.contact_id <> r.contact_id
                   and c.email_key = any(array(select k.email_key from ({1}) k))""", val(accountId), rows, val(now));
    }

    /**
     * Phones of contacts, by {@link DetailsMerge}'s rule (as a sign-up merges them): a number the
     * contact has is left alone, a phone of a kind the contact has gets the new number, others are
     * added after the contact's own, which make room from the last when the contact would have more
     * than {@link ContactFields#MAX_EACH}. {@code phones} selects {@code contact_id}, {@code kind},
     * {@code phone_number} and {@code ord}, at most {@link ContactFields#MAX_EACH} per contact, each
     * kind once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mergePhones(UUID accountId, Select<? extends Record> phones, OffsetDateTime now) {
        db.execute("""
                with x as materialized ({1}),
                changed as (
                    update phone_number n set phone_number = x.phone_number, update_source = 'Account', updated_at = {2}
                      from x
                     where n.account_id = {0} and n.contact_id = x.contact_id and n.kind = x.kind
                       and not exists (select 1 from phone_number m where m.account_id = {0}
                                          and m.contact_id = x.contact_id and m.phone_number = x.phone_number)
                ), added as materialized (
                    select x.* from x
                     where not exists (select 1 from phone_number n
                                        where n.account_id = {0} and n.contact_id = x.contact_id
                                          and (n.kind = x.kind or n.phone_number = x.phone_number))
                ), room as (
                    delete from phone_number n
                     using (select o.phone_number_id,
                                   row_number() over (partition by o.contact_id order by o.position desc) as from_last,
                                   count(*) over (partition by o.contact_id) as own, a.k
                              from phone_number o
                              join (select contact_id, count(*) as k from added group by contact_id) a
                                on o.account_id = {0} and o.contact_id = a.contact_id) d
                     where n.account_id = {0} and n.phone_number_id = d.phone_number_id
                       and d.from_last <= d.own + d.k - {4}
                )
                insert into phone_number (account_id, phone_number_id, contact_id, position, phone_number, kind,
                                          create_source, update_source, created_at, updated_at)
                select {0}, {3}, x.contact_id,
                       coalesce((select max(n.position) + 1 from phone_number n
                                  where n.account_id = {0} and n.contact_id = x.contact_id), 0)
                       + row_number() over (partition by x.contact_id order by x.ord) - 1,
                       x.phone_number, x.kind, 'Account', 'Account', {2}, {2}
                  from added x
                """, val(accountId), phones, val(now), Ids.nextInSql(), val(ContactFields.MAX_EACH));
    }

    /**
     * Street addresses of contacts, by {@link DetailsMerge}'s rule: an address of a kind the
     * contact has gets the parts the row sends; others are added after the contact's own, which
     * make room from the last when the contact would have more than {@link ContactFields#MAX_EACH}.
     * {@code addresses} selects {@code contact_id}, {@code kind}, {@code street}, {@code city},
     * {@code state}, {@code postal_code}, {@code country} and {@code ord}, each kind once per contact.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void mergeAddresses(UUID accountId, Select<? extends Record> addresses, OffsetDateTime now) {
        db.execute("""
                with x as materialized ({1}),
                changed as (
                    update street_address a
                       set street = coalesce(x.street, a.street), city = coalesce(x.city, a.city),
                           state = coalesce(x.state, a.state), postal_code = coalesce(x.postal_code, a.postal_code),
                           country = coalesce(x.country, a.country), updated_at = {2}
                      from x
                     where a.account_id = {0} and a.contact_id = x.contact_id and a.kind = x.kind
                ), added as materialized (
                    select x.* from x
                     where not exists (select 1 from street_address a
                                        where a.account_id = {0} and a.contact_id = x.contact_id and a.kind = x.kind)
                ), room as (
                    delete from street_address n
                     using (select o.street_address_id,
                                   row_number() over (partition by o.contact_id order by o.position desc) as from_last,
                                   count(*) over (partition by o.contact_id) as own, a.k
                              from street_address o
                              join (select contact_id, count(*) as k from added group by contact_id) a
                                on o.account_id = {0} and o.contact_id = a.contact_id) d
                     where n.account_id = {0} and n.street_address_id = d.street_address_id
                       and d.from_last <= d.own + d.k - {4}
                )
                insert into street_address (account_id, street_address_id, contact_id, position, kind, street, city,
                                            state, postal_code, country, created_at, updated_at)
                select {0}, {3}, x.contact_id,
                       coalesce((select max(a.position) + 1 from street_address a
                                  where a.account_id = {0} and a.contact_id = x.contact_id), 0)
                       + row_number() over (partition by x.contact_id order by x.ord) - 1,
                       x.kind, x.street, x.city, x.state, x.postal_code, x.country, {2}, {2}
                  from added x
                """, val(accountId), addresses, val(now), Ids.nextInSql(), val(ContactFields.MAX_EACH));
    }
}
