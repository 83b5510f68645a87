package io.audience.consent;

import static io.audience.db.Tables.LIST_OPT_OUT;

import io.audience.database.RenderedQuery;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The lists a person left themselves, per address. */
@Repository
class ListOptOutRepository {

    private final DSLContext db;
    private final RenderedQuery left;

    ListOptOutRepository(DSLContext db) {
        this.db = db;
        this.left = RenderedQuery.select(
                db,
                db.select(LIST_OPT_OUT.LIST_ID, LIST_OPT_OUT.OPTED_OUT_AT)
                        .from(LIST_OPT_OUT)
                        .where(
                                LIST_OPT_OUT.ACCOUNT_ID.eq(DSL.param("account", LIST_OPT_OUT.ACCOUNT_ID)),
                                LIST_OPT_OUT.EMAIL_KEY.eq(DSL.param("email", LIST_OPT_OUT.EMAIL_KEY))));
    }

    /** The lists the address left, with when (read by every sign-up: rendered once). */
    Map<UUID, OffsetDateTime> left(UUID accountId, String emailKey) {
        return left.fetch(db, accountId, emailKey).intoMap(LIST_OPT_OUT.LIST_ID, LIST_OPT_OUT.OPTED_OUT_AT);
    }

    boolean add(UUID accountId, String emailKey, UUID listId, OffsetDateTime now) {
        return db.insertInto(LIST_OPT_OUT)
                        .set(LIST_OPT_OUT.ACCOUNT_ID, accountId)
                        .set(LIST_OPT_OUT.EMAIL_KEY, emailKey)
                        .set(LIST_OPT_OUT.LIST_ID, listId)
                        .set(LIST_OPT_OUT.OPTED_OUT_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** The lists of {@code listIds} the address had left and now has not. */
    Collection<UUID> remove(UUID accountId, String emailKey, Collection<UUID> listIds) {
        return db.deleteFrom(LIST_OPT_OUT)
                .where(
                        LIST_OPT_OUT.ACCOUNT_ID.eq(accountId),
                        LIST_OPT_OUT.EMAIL_KEY.eq(emailKey),
                        LIST_OPT_OUT.LIST_ID.in(listIds))
                .returning(LIST_OPT_OUT.LIST_ID)
                .fetch(LIST_OPT_OUT.LIST_ID);
    }

    /** The address left the list: for a bulk write's SQL, which must not put it back. */
    static Condition leftList(UUID accountId, Field<String> emailKey, Field<UUID> listId) {
        return DSL.exists(DSL.selectOne()
                .from(LIST_OPT_OUT)
                .where(
                        LIST_OPT_OUT.ACCOUNT_ID.eq(accountId),
                        LIST_OPT_OUT.EMAIL_KEY.eq(emailKey),
                        LIST_OPT_OUT.LIST_ID.eq(listId)));
    }
}
