package io.audience.contact.imports;

import io.audience.contact.ContactsInBulk;
import io.audience.customfield.FieldValuesInBulk;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The phones, addresses and custom field values of a chunk's imported rows (their {@code extras}),
 * handed to their owners for the contacts the chunk created or updated, in the chunk's
 * transaction. Parameters as in {@link ImportChunkRepository}: {0} account, {1} activity, {2} first row,
 * {3} row after the last.
 */
@Repository
class ImportDetailRepository {

    private final ContactsInBulk contacts;
    private final FieldValuesInBulk fieldValues;

    ImportDetailRepository(ContactsInBulk contacts, FieldValuesInBulk fieldValues) {
        this.contacts = contacts;
        this.fieldValues = fieldValues;
    }

    void apply(UUID accountId, QueryPart[] p, OffsetDateTime now) {
        contacts.mergePhones(accountId, extras("phones", """
                i.contact_id, e.v ->> 'kind' as kind, e.v ->> 'phone_number' as phone_number, e.ord""", p), now);
        contacts.mergeAddresses(accountId, extras("addresses", """
                i.contact_id, e.v ->> 'kind' as kind, e.v ->> 'street' as street, e.v ->> 'city' as city,
                e.v ->> 'state' as state, e.v ->> 'postal_code' as postal_code, e.v ->> 'country' as country,
                e.ord""", p), now);
        fieldValues.apply(accountId, extras("fields", """
                i.contact_id, (e.v ->> 'custom_field_id')::uuid as custom_field_id, e.v ->> 'value' as value,
                e.v -> 'choice_ids' as choice_ids, e.ord""", p));
    }

    /** One row per element of the rows' extras list {@code name}, of the rows this transaction created or updated. */
    private static Select<Record> extras(String name, String columns, QueryPart[] p) {
        return DSL.select(DSL.asterisk())
                .from(DSL.table(
                        """
                (select %s
                   from import_row i
                  cross join lateral jsonb_array_elements(i.extras::jsonb -> '%s') with ordinality as e(v, ord)
                  where %s and i.extras is not null and i.outcome in ('created', 'updated') and %s) x""".formatted(columns, name, ImportChunkRepository.CHUNK, ImportChunkRepository.DECIDED_HERE),
                        (Object[]) p));
    }
}
