package io.audience.list;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.CONTACT_LIST;
import static io.audience.db.Tables.EMAIL_CONSENT;
import static io.audience.db.Tables.LIST_MEMBERSHIP;

import io.audience.consent.Permission;
import io.audience.db.tables.records.ContactListRecord;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ListRepository {

    private final DSLContext db;

    ListRepository(DSLContext db) {
        this.db = db;
    }

    /** False when a live list already has the name (the partial unique index decides, race-free). */
    boolean insert(
            UUID accountId,
            UUID listId,
            String name,
            @Nullable String description,
            boolean favorite,
            boolean isPublic,
            OffsetDateTime now) {
        return db.insertInto(CONTACT_LIST)
                        .set(CONTACT_LIST.ACCOUNT_ID, accountId)
                        .set(CONTACT_LIST.LIST_ID, listId)
                        .set(CONTACT_LIST.NAME, name)
                        .set(CONTACT_LIST.DESCRIPTION, description)
                        .set(CONTACT_LIST.FAVORITE, favorite)
                        .set(CONTACT_LIST.IS_PUBLIC, isPublic)
                        .set(CONTACT_LIST.CREATED_AT, now)
                        .set(CONTACT_LIST.UPDATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** The account's live lists it shows on the preference page, by name. */
    List<ContactListView> publicLists(UUID accountId) {
        return db.selectFrom(CONTACT_LIST)
                .where(
                        CONTACT_LIST.ACCOUNT_ID.eq(accountId),
                        CONTACT_LIST.DELETED_AT.isNull(),
                        CONTACT_LIST.IS_PUBLIC.isTrue())
                .orderBy(CONTACT_LIST.NAME, CONTACT_LIST.LIST_ID)
                .fetch(ListRepository::view);
    }

    Optional<ContactListView> find(UUID accountId, UUID listId) {
        return db.selectFrom(CONTACT_LIST)
                .where(CONTACT_LIST.ACCOUNT_ID.eq(accountId), CONTACT_LIST.LIST_ID.eq(listId))
                .fetchOptional(ListRepository::view);
    }

    Optional<ContactListView> findLiveByName(UUID accountId, String name) {
        return db.selectFrom(CONTACT_LIST)
                .where(
                        CONTACT_LIST.ACCOUNT_ID.eq(accountId),
                        CONTACT_LIST.DELETED_AT.isNull(),
                        DSL.lower(CONTACT_LIST.NAME).eq(name.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional(ListRepository::view);
    }

    Optional<ContactListView> lockLive(UUID accountId, UUID listId) {
        return db.selectFrom(CONTACT_LIST)
                .where(
                        CONTACT_LIST.ACCOUNT_ID.eq(accountId),
                        CONTACT_LIST.LIST_ID.eq(listId),
                        CONTACT_LIST.DELETED_AT.isNull())
                .forUpdate()
                .fetchOptional(ListRepository::view);
    }

    void update(
            UUID accountId,
            UUID listId,
            String name,
            @Nullable String description,
            boolean favorite,
            boolean isPublic,
            OffsetDateTime now) {
        db.update(CONTACT_LIST)
                .set(CONTACT_LIST.NAME, name)
                .set(CONTACT_LIST.DESCRIPTION, description)
                .set(CONTACT_LIST.FAVORITE, favorite)
                .set(CONTACT_LIST.IS_PUBLIC, isPublic)
                .set(CONTACT_LIST.UPDATED_AT, now)
                .where(CONTACT_LIST.ACCOUNT_ID.eq(accountId), CONTACT_LIST.LIST_ID.eq(listId))
                .execute();
    }

    void markDeleted(UUID accountId, UUID listId, OffsetDateTime now) {
        db.deleteFrom(LIST_MEMBERSHIP)
                .where(LIST_MEMBERSHIP.ACCOUNT_ID.eq(accountId), LIST_MEMBERSHIP.LIST_ID.eq(listId))
                .execute();
        db.update(CONTACT_LIST)
                .set(CONTACT_LIST.DELETED_AT, now)
                .set(CONTACT_LIST.UPDATED_AT, now)
                .where(CONTACT_LIST.ACCOUNT_ID.eq(accountId), CONTACT_LIST.LIST_ID.eq(listId))
                .execute();
    }

    List<ContactListView> page(UUID accountId, ListQuery query) {
        Condition where = filter(accountId, query);
        if (query.cursor() != null) {
            where = where.and(CONTACT_LIST.LIST_ID.gt(query.cursor().after()));
        }
        return db.selectFrom(CONTACT_LIST)
                .where(where)
                .orderBy(CONTACT_LIST.LIST_ID)
                .limit(query.limit() + 1)
                .fetch(ListRepository::view);
    }

    int count(UUID accountId, ListQuery query) {
        return db.fetchCount(CONTACT_LIST, filter(accountId, query));
    }

    Map<UUID, Integer> membershipCounts(UUID accountId, Collection<UUID> listIds, boolean activeOnly) {
        Condition where = LIST_MEMBERSHIP.ACCOUNT_ID.eq(accountId).and(LIST_MEMBERSHIP.LIST_ID.in(listIds));
        if (activeOnly) {
            where = where.and(
                    EMAIL_CONSENT.PERMISSION_TO_SEND.in(Permission.IMPLICIT.wire(), Permission.EXPLICIT.wire()));
        }
        return db.select(LIST_MEMBERSHIP.LIST_ID, DSL.count())
                .from(LIST_MEMBERSHIP)
                .join(CONTACT)
                .on(
                        CONTACT.ACCOUNT_ID.eq(LIST_MEMBERSHIP.ACCOUNT_ID),
                        CONTACT.CONTACT_ID.eq(LIST_MEMBERSHIP.CONTACT_ID))
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(where)
                .groupBy(LIST_MEMBERSHIP.LIST_ID)
                .fetchMap(LIST_MEMBERSHIP.LIST_ID, DSL.count());
    }

    private static Condition filter(UUID accountId, ListQuery query) {
        List<Condition> conditions = new ArrayList<>();
        conditions.add(CONTACT_LIST.ACCOUNT_ID.eq(accountId));
        switch (query.status()) {
            case ACTIVE -> conditions.add(CONTACT_LIST.DELETED_AT.isNull());
            case DELETED -> conditions.add(CONTACT_LIST.DELETED_AT.isNotNull());
            case ALL -> {}
        }
        if (query.name() != null) {
            conditions.add(CONTACT_LIST.NAME.eq(query.name()));
        }
        return DSL.and(conditions);
    }

    private static ContactListView view(ContactListRecord r) {
        return new ContactListView(
                r.getListId(),
                r.getName(),
                r.getDescription(),
                r.getFavorite(),
                r.getIsPublic(),
                r.getCreatedAt(),
                r.getUpdatedAt(),
                r.getDeletedAt(),
                null);
    }
}
