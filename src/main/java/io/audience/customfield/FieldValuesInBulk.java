package io.audience.customfield;

import static org.jooq.impl.DSL.val;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom field values of many contacts at once, set-based, for a bulk import: one statement per
 * call. The caller passes values already checked against their field ({@link FieldValues}) as a
 * jOOQ {@link Select}, and never writes the values itself.
 */
@Repository
public class FieldValuesInBulk {

    private final DSLContext db;

    FieldValuesInBulk(DSLContext db) {
        this.db = db;
    }

    /**
     * A value replaces the contact's value of that field; a new one goes after the contact's
     * others, in {@code ord} order; a field deleted meanwhile is left out. {@code values} selects
     * {@code contact_id}, {@code custom_field_id}, the value as text, {@code choice_ids} (a jsonb
     * array of choice ids, or null) and {@code ord} (the value's place among the contact's), each
     * field once per contact.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(UUID accountId, Select<? extends Record> values) {
        db.execute("""
                insert into contact_custom_field (account_id, contact_id, custom_field_id, value, choice_ids, position)
                select {0}, x.contact_id, x.custom_field_id, x.value,
                       (select string_agg(c, ',') from jsonb_array_elements_text(x.choice_ids) c),
                       coalesce((select max(v.position) + 1 from contact_custom_field v
                                  where v.account_id = {0} and v.contact_id = x.contact_id), 0)
                       + row_number() over (partition by x.contact_id order by x.ord) - 1
                  from ({1}) x join custom_field f on f.account_id = {0} and f.custom_field_id = x.custom_field_id
                    on conflict (account_id, contact_id, custom_field_id)
                    do update set value = excluded.value, choice_ids = excluded.choice_ids
                """, val(accountId), values);
    }
}
