package io.audience.tag;

import static io.audience.db.Tables.CONTACT_TAG;
import static io.audience.db.Tables.TAGGING;

import io.audience.db.tables.records.ContactTagRecord;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class TagRepository {

    private final DSLContext db;

    TagRepository(DSLContext db) {
        this.db = db;
    }

    /** False when the account has a tag of that name already (the unique index decides). */
    boolean insert(UUID accountId, UUID tagId, String name, @Nullable String source, OffsetDateTime now) {
        return db.insertInto(CONTACT_TAG)
                        .set(CONTACT_TAG.ACCOUNT_ID, accountId)
                        .set(CONTACT_TAG.TAG_ID, tagId)
                        .set(CONTACT_TAG.NAME, name)
                        .set(CONTACT_TAG.TAG_SOURCE, source)
                        .set(CONTACT_TAG.CREATED_AT, now)
                        .set(CONTACT_TAG.UPDATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    Optional<TagView> find(UUID accountId, UUID tagId) {
        return db.selectFrom(CONTACT_TAG)
                .where(CONTACT_TAG.ACCOUNT_ID.eq(accountId), CONTACT_TAG.TAG_ID.eq(tagId))
                .fetchOptional(TagRepository::view);
    }

    Optional<TagView> lock(UUID accountId, UUID tagId) {
        return db.selectFrom(CONTACT_TAG)
                .where(CONTACT_TAG.ACCOUNT_ID.eq(accountId), CONTACT_TAG.TAG_ID.eq(tagId))
                .forUpdate()
                .fetchOptional(TagRepository::view);
    }

    Optional<TagView> findByName(UUID accountId, String name) {
        return db.selectFrom(CONTACT_TAG)
                .where(
                        CONTACT_TAG.ACCOUNT_ID.eq(accountId),
                        DSL.lower(CONTACT_TAG.NAME).eq(name.toLowerCase(Locale.ROOT)))
                .fetchOptional(TagRepository::view);
    }

    void rename(UUID accountId, UUID tagId, String name, OffsetDateTime now) {
        db.update(CONTACT_TAG)
                .set(CONTACT_TAG.NAME, name)
                .set(CONTACT_TAG.UPDATED_AT, now)
                .where(CONTACT_TAG.ACCOUNT_ID.eq(accountId), CONTACT_TAG.TAG_ID.eq(tagId))
                .execute();
    }

    /** Removes the tag from every contact first, then the tag. */
    void delete(UUID accountId, UUID tagId) {
        db.deleteFrom(TAGGING)
                .where(TAGGING.ACCOUNT_ID.eq(accountId), TAGGING.TAG_ID.eq(tagId))
                .execute();
        db.deleteFrom(CONTACT_TAG)
                .where(CONTACT_TAG.ACCOUNT_ID.eq(accountId), CONTACT_TAG.TAG_ID.eq(tagId))
                .execute();
    }

    List<TagView> page(UUID accountId, @Nullable UUID after, int limit) {
        Condition where = CONTACT_TAG.ACCOUNT_ID.eq(accountId);
        if (after != null) {
            where = where.and(CONTACT_TAG.TAG_ID.gt(after));
        }
        return db.selectFrom(CONTACT_TAG)
                .where(where)
                .orderBy(CONTACT_TAG.TAG_ID)
                .limit(limit)
                .fetch(TagRepository::view);
    }

    Map<UUID, Integer> contactCounts(UUID accountId, Collection<UUID> tagIds) {
        return db.select(TAGGING.TAG_ID, DSL.count())
                .from(TAGGING)
                .where(TAGGING.ACCOUNT_ID.eq(accountId), TAGGING.TAG_ID.in(tagIds))
                .groupBy(TAGGING.TAG_ID)
                .fetchMap(TAGGING.TAG_ID, DSL.count());
    }

    Set<UUID> existing(UUID accountId, Collection<UUID> tagIds) {
        return db.select(CONTACT_TAG.TAG_ID)
                .from(CONTACT_TAG)
                .where(CONTACT_TAG.ACCOUNT_ID.eq(accountId), CONTACT_TAG.TAG_ID.in(tagIds))
                .forShare()
                .fetchSet(CONTACT_TAG.TAG_ID);
    }

    void replaceTaggings(UUID accountId, UUID contactId, Collection<UUID> tagIds, OffsetDateTime now) {
        db.deleteFrom(TAGGING)
                .where(
                        TAGGING.ACCOUNT_ID.eq(accountId),
                        TAGGING.CONTACT_ID.eq(contactId),
                        tagIds.isEmpty() ? DSL.trueCondition() : TAGGING.TAG_ID.notIn(tagIds))
                .execute();
        addTaggings(accountId, contactId, tagIds, now);
    }

    /** Adds the taggings the contact does not have yet. */
    void addTaggings(UUID accountId, UUID contactId, Collection<UUID> tagIds, OffsetDateTime now) {
        for (UUID tagId : tagIds) {
            db.insertInto(TAGGING)
                    .set(TAGGING.ACCOUNT_ID, accountId)
                    .set(TAGGING.TAG_ID, tagId)
                    .set(TAGGING.CONTACT_ID, contactId)
                    .set(TAGGING.CREATED_AT, now)
                    .onConflictDoNothing()
                    .execute();
        }
    }

    void removeTaggings(UUID accountId, UUID contactId, Collection<UUID> tagIds) {
        db.deleteFrom(TAGGING)
                .where(TAGGING.ACCOUNT_ID.eq(accountId), TAGGING.CONTACT_ID.eq(contactId), TAGGING.TAG_ID.in(tagIds))
                .execute();
    }

    Map<UUID, List<UUID>> taggingsOf(UUID accountId, Collection<UUID> contactIds) {
        return db.select(TAGGING.CONTACT_ID, TAGGING.TAG_ID)
                .from(TAGGING)
                .where(TAGGING.ACCOUNT_ID.eq(accountId), TAGGING.CONTACT_ID.in(contactIds))
                .orderBy(TAGGING.CONTACT_ID, TAGGING.CREATED_AT, TAGGING.TAG_ID)
                .fetchGroups(TAGGING.CONTACT_ID, TAGGING.TAG_ID);
    }

    private static TagView view(ContactTagRecord r) {
        return new TagView(r.getTagId(), r.getName(), null, r.getCreatedAt(), r.getUpdatedAt(), r.getTagSource());
    }
}
