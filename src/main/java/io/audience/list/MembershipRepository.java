package io.audience.list;

import static io.audience.db.Tables.CONTACT_LIST;
import static io.audience.db.Tables.LIST_MEMBERSHIP;

import io.audience.database.RenderedQuery;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.ResultQuery;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

@Repository
class MembershipRepository {

    private final DSLContext db;
    private final RenderedQuery lockLive;
    private final RenderedQuery add;
    private final RenderedQuery addToLive;

    private static final Field<UUID> LIVE_LIST = DSL.field(DSL.name("list_id"), UUID.class);
    private static final Field<Boolean> ADDED = DSL.field(DSL.name("added"), Boolean.class);

    MembershipRepository(DSLContext db) {
        this.db = db;
        // Lists as one array value, so that the statement's text is the same for any number of them.
        this.lockLive = RenderedQuery.select(db, lockLiveShape(db));
        Table<?> lists =
                DSL.unnest(DSL.param("lists", SQLDataType.UUID.array())).as("l", "list_id");
        this.add = RenderedQuery.returning(
                db, insertFrom(db, lists, lists.field("list_id", UUID.class)), LIST_MEMBERSHIP.LIST_ID);
        // A sign-up's lists: the lock and the insert in one round trip.
        Table<?> live = DSL.table(DSL.name("live"));
        this.addToLive = RenderedQuery.returning(
                db,
                db.resultQuery(
                        "with live as ({0}), added as ({1})"
                                + " select live.list_id, added.list_id is not null as added"
                                + " from live left join added on added.list_id = live.list_id",
                        lockLiveShape(db), insertFrom(db, live, DSL.field(DSL.name("live", "list_id"), UUID.class))),
                LIVE_LIST,
                ADDED);
    }

    /** Adds the contact to the lists {@code listId} of {@code from}, answering those it was not on yet. */
    private static ResultQuery<Record1<UUID>> insertFrom(DSLContext db, Table<?> from, Field<UUID> listId) {
        return db.insertInto(
                        LIST_MEMBERSHIP,
                        LIST_MEMBERSHIP.ACCOUNT_ID,
                        LIST_MEMBERSHIP.LIST_ID,
                        LIST_MEMBERSHIP.CONTACT_ID,
                        LIST_MEMBERSHIP.CREATED_AT)
                .select(DSL.select(
                                DSL.param("account", LIST_MEMBERSHIP.ACCOUNT_ID),
                                listId,
                                DSL.param("contact", LIST_MEMBERSHIP.CONTACT_ID),
                                DSL.param("created", LIST_MEMBERSHIP.CREATED_AT))
                        .from(from))
                .onConflictDoNothing()
                .returningResult(LIST_MEMBERSHIP.LIST_ID);
    }

    private static Select<?> lockLiveShape(DSLContext db) {
        return db.select(CONTACT_LIST.LIST_ID)
                .from(CONTACT_LIST)
                .where(
                        CONTACT_LIST.ACCOUNT_ID.eq(DSL.param("account", CONTACT_LIST.ACCOUNT_ID)),
                        CONTACT_LIST.LIST_ID.eq(DSL.any(DSL.param("lists", SQLDataType.UUID.array()))),
                        CONTACT_LIST.DELETED_AT.isNull())
                .forShare();
    }

    /** The live lists among those asked for, and which of them the contact was added to. */
    record LiveAdded(Set<UUID> live, Set<UUID> added) {}

    /**
     * Locks the live lists among {@code listIds} (as {@link #lockLiveLists}) and adds the contact to
     * them, in one statement: the insert reads the locked rows, so the lock comes first.
     */
    LiveAdded addToLive(UUID accountId, UUID contactId, Collection<UUID> listIds, OffsetDateTime now) {
        Set<UUID> live = new LinkedHashSet<>();
        Set<UUID> added = new LinkedHashSet<>();
        for (Record row : addToLive.fetch(db, accountId, listIds.toArray(UUID[]::new), accountId, contactId, now)) {
            UUID listId = row.get(LIVE_LIST);
            live.add(listId);
            if (Boolean.TRUE.equals(row.get(ADDED))) {
                added.add(listId);
            }
        }
        return new LiveAdded(live, added);
    }

    /** Locks the live lists among {@code listIds} (FOR SHARE: a concurrent list delete waits) and returns them. */
    Set<UUID> lockLiveLists(UUID accountId, Collection<UUID> listIds) {
        return new LinkedHashSet<>(
                lockLive.fetch(db, accountId, listIds.toArray(UUID[]::new)).getValues(CONTACT_LIST.LIST_ID));
    }

    /** Adds the memberships the contact does not have yet; answers the lists it was added to. */
    Set<UUID> add(UUID accountId, UUID contactId, Collection<UUID> listIds, OffsetDateTime now) {
        if (listIds.isEmpty()) {
            return Set.of();
        }
        return new LinkedHashSet<>(add.fetch(db, accountId, contactId, now, listIds.toArray(UUID[]::new))
                .getValues(LIST_MEMBERSHIP.LIST_ID));
    }

    /** Each removal answers the lists the contact really left. */
    Set<UUID> removeOthers(UUID accountId, UUID contactId, Collection<UUID> keep) {
        return db.deleteFrom(LIST_MEMBERSHIP)
                .where(
                        LIST_MEMBERSHIP.ACCOUNT_ID.eq(accountId),
                        LIST_MEMBERSHIP.CONTACT_ID.eq(contactId),
                        LIST_MEMBERSHIP.LIST_ID.notIn(keep))
                .returning(LIST_MEMBERSHIP.LIST_ID)
                .fetchSet(LIST_MEMBERSHIP.LIST_ID);
    }

    Set<UUID> remove(UUID accountId, UUID contactId, Collection<UUID> listIds) {
        return db.deleteFrom(LIST_MEMBERSHIP)
                .where(
                        LIST_MEMBERSHIP.ACCOUNT_ID.eq(accountId),
                        LIST_MEMBERSHIP.CONTACT_ID.eq(contactId),
                        LIST_MEMBERSHIP.LIST_ID.in(listIds))
                .returning(LIST_MEMBERSHIP.LIST_ID)
                .fetchSet(LIST_MEMBERSHIP.LIST_ID);
    }

    Set<UUID> removeAll(UUID accountId, UUID contactId) {
        return db.deleteFrom(LIST_MEMBERSHIP)
                .where(LIST_MEMBERSHIP.ACCOUNT_ID.eq(accountId), LIST_MEMBERSHIP.CONTACT_ID.eq(contactId))
                .returning(LIST_MEMBERSHIP.LIST_ID)
                .fetchSet(LIST_MEMBERSHIP.LIST_ID);
    }

    Map<UUID, List<UUID>> listsOf(UUID accountId, Collection<UUID> contactIds) {
        return db
                .select(LIST_MEMBERSHIP.CONTACT_ID, LIST_MEMBERSHIP.LIST_ID)
                .from(LIST_MEMBERSHIP)
                .where(LIST_MEMBERSHIP.ACCOUNT_ID.eq(accountId), LIST_MEMBERSHIP.CONTACT_ID.in(contactIds))
                .orderBy(LIST_MEMBERSHIP.CONTACT_ID, LIST_MEMBERSHIP.LIST_ID)
                .fetchGroups(LIST_MEMBERSHIP.CONTACT_ID, LIST_MEMBERSHIP.LIST_ID)
                .entrySet()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
