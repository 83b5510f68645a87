package io.audience.list;

import static io.audience.db.Tables.LIST_MEMBERSHIP;
import static org.jooq.impl.DSL.val;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record1;
import org.jooq.Record2;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * List memberships of many contacts at once, set-based, for a bulk import: one statement per call.
 * The caller passes its contacts as a jOOQ {@link Select} and never writes memberships itself.
 */
@Repository
public class MembershipsInBulk {

    private final DSLContext db;

    MembershipsInBulk(DSLContext db) {
        this.db = db;
    }

    /**
     * Adds every contact that {@code contacts} selects (one {@code contact_id} column, each contact
     * once) to each list; a list deleted meanwhile is left out, a membership the contact has is
     * kept. {@code noneAreMembers}: the contacts were all created in this transaction, so they can
     * have no membership yet and plain inserts do.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(
            UUID accountId,
            Collection<UUID> listIds,
            Select<? extends Record1<UUID>> contacts,
            boolean noneAreMembers,
            OffsetDateTime now) {
        db.execute(
                """
                insert into list_membership (account_id, list_id, contact_id, created_at)
                select {0}, l.list_id, r.contact_id, {2}
                  from ({1}) r
                  join contact_list l on l.account_id = {0} and l.list_id = any({3}) and l.deleted_at is null
                """ + (noneAreMembers ? "" : " order by r.contact_id on conflict do nothing"),
                val(accountId),
                contacts,
                val(now),
                val(listIds.toArray(UUID[]::new)));
    }

    /**
     * Of {@code contacts}, each one added at {@code at} to some of {@code listIds}, with those lists:
     * {@code contact_id} and {@code detail}, a JSON array of list ids (for webhooks' list_membership.added).
     */
    public Select<Record2<UUID, String>> addedAt(
            UUID accountId, Collection<UUID> listIds, Select<? extends Record1<UUID>> contacts, OffsetDateTime at) {
        return DSL.select(
                        LIST_MEMBERSHIP.CONTACT_ID.as("contact_id"),
                        DSL.field("json_agg({0} order by {0})::text", String.class, LIST_MEMBERSHIP.LIST_ID)
                                .as("detail"))
                .from(LIST_MEMBERSHIP)
                .where(
                        LIST_MEMBERSHIP.ACCOUNT_ID.eq(accountId),
                        LIST_MEMBERSHIP.LIST_ID.in(listIds),
                        // Looked up by the chunk's contacts (an index scan each), never by walking the list.
                        DSL.condition("{0} = any(array({1}))", LIST_MEMBERSHIP.CONTACT_ID, contacts),
                        LIST_MEMBERSHIP.CREATED_AT.eq(at))
                .groupBy(LIST_MEMBERSHIP.CONTACT_ID);
    }
}
