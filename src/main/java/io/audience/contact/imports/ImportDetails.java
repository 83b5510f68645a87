package io.audience.contact.imports;

import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.springframework.stereotype.Repository;

/**
 * The phones, addresses and custom field values of a chunk's imported rows (their {@code extras}),
 * applied to the contacts the chunk created or updated, in the chunk's transaction. Parameters as
 * in {@link ImportChunks}: {0} account, {1} activity, {2} first row, {3} row after the last, {4} now,
 * {8} a new id for each row.
 */
@Repository
class ImportDetails {

    private final DSLContext db;

    ImportDetails(DSLContext db) {
        this.db = db;
    }

    void apply(QueryPart[] p) {
        applyPhones(p);
        applyAddresses(p);
        applyCustomFields(p);
    }

    /** A phone of a kind the contact has replaces that number; others are added after the contact's own. */
    private void applyPhones(QueryPart[] p) {
        db.execute("""
                with x as (
                    select i.contact_id, e.v ->> 'phone_number' as phone_number, e.v ->> 'kind' as kind, e.ord
                      from import_row i
                     cross join lateral jsonb_array_elements(i.extras::jsonb -> 'phones') with ordinality as e(v, ord)
                     where %s and i.extras is not null and i.outcome in ('created', 'updated') and %s
                ), changed as (
                    update phone_number n set phone_number = x.phone_number, update_source = 'Account', updated_at = {4}
                      from x
                     where n.account_id = {0} and n.contact_id = x.contact_id and n.kind = x.kind
                )
                insert into phone_number (account_id, phone_number_id, contact_id, position, phone_number, kind,
                                          create_source, update_source, created_at, updated_at)
                select {0}, {8}, x.contact_id,
                       coalesce((select max(n.position) + 1 from phone_number n
                                  where n.account_id = {0} and n.contact_id = x.contact_id), 0)
                       + row_number() over (partition by x.contact_id order by x.ord) - 1,
                       x.phone_number, x.kind, 'Account', 'Account', {4}, {4}
                  from x
                 where not exists (select 1 from phone_number n
                                    where n.account_id = {0} and n.contact_id = x.contact_id and n.kind = x.kind)
                """.formatted(ImportChunks.CHUNK, ImportChunks.DECIDED_HERE), (Object[]) p);
    }

    /** An address of a kind the contact has gets the parts the row sends; others are added. */
    private void applyAddresses(QueryPart[] p) {
        db.execute("""
                with x as (
                    select i.contact_id, e.v ->> 'kind' as kind, e.v ->> 'street' as street, e.v ->> 'city' as city,
                           e.v ->> 'state' as state, e.v ->> 'postal_code' as postal_code,
                           e.v ->> 'country' as country, e.ord
                      from import_row i
                     cross join lateral jsonb_array_elements(i.extras::jsonb -> 'addresses') with ordinality as e(v, ord)
                     where %s and i.extras is not null and i.outcome in ('created', 'updated') and %s
                ), changed as (
                    update street_address a
                       set street = coalesce(x.street, a.street), city = coalesce(x.city, a.city),
                           state = coalesce(x.state, a.state), postal_code = coalesce(x.postal_code, a.postal_code),
                           country = coalesce(x.country, a.country), updated_at = {4}
                      from x
                     where a.account_id = {0} and a.contact_id = x.contact_id and a.kind = x.kind
                )
                insert into street_address (account_id, street_address_id, contact_id, position, kind, street, city,
                                            state, postal_code, country, created_at, updated_at)
                select {0}, {8}, x.contact_id,
                       coalesce((select max(a.position) + 1 from street_address a
                                  where a.account_id = {0} and a.contact_id = x.contact_id), 0)
                       + row_number() over (partition by x.contact_id order by x.ord) - 1,
                       x.kind, x.street, x.city, x.state, x.postal_code, x.country, {4}, {4}
                  from x
                 where not exists (select 1 from street_address a
                                    where a.account_id = {0} and a.contact_id = x.contact_id and a.kind = x.kind)
                """.formatted(ImportChunks.CHUNK, ImportChunks.DECIDED_HERE), (Object[]) p);
    }

    /** A value replaces the contact's value of that field; a field deleted meanwhile is left out. */
    private void applyCustomFields(QueryPart[] p) {
        db.execute("""
                with x as (
                    select i.contact_id, (e.v ->> 'custom_field_id')::uuid as custom_field_id, e.v ->> 'value' as value,
                           e.v -> 'choice_ids' as choice_ids, e.ord
                      from import_row i
                     cross join lateral jsonb_array_elements(i.extras::jsonb -> 'fields') with ordinality as e(v, ord)
                     where %s and i.extras is not null and i.outcome in ('created', 'updated') and %s
                )
                insert into contact_custom_field (account_id, contact_id, custom_field_id, value, choice_ids, position)
                select {0}, x.contact_id, x.custom_field_id, x.value,
                       (select string_agg(c, ',') from jsonb_array_elements_text(x.choice_ids) c),
                       coalesce((select max(v.position) + 1 from contact_custom_field v
                                  where v.account_id = {0} and v.contact_id = x.contact_id), 0)
                       + row_number() over (partition by x.contact_id order by x.ord) - 1
                  from x join custom_field f on f.account_id = {0} and f.custom_field_id = x.custom_field_id
                    on conflict (account_id, contact_id, custom_field_id)
                    do update set value = excluded.value, choice_ids = excluded.choice_ids
                """.formatted(ImportChunks.CHUNK, ImportChunks.DECIDED_HERE), (Object[]) p);
    }
}
