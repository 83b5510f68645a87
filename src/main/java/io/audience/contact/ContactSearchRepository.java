package io.audience.contact;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.consent.DeliveryStatus;
import io.audience.consent.Permission;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.CommonTableExpression;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Name;
import org.jooq.Record1;
import org.jooq.Record8;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * The console's contact search over contact joined with its address's consent, in id order. Each
 * kind of term matches an index of V16 (the address, exact or a prefix, contact_email_key_uq of V33). Patterns are
 * inlined, not bound: a LIKE prefix uses a btree only when the planner sees the pattern, which a
 * cached generic plan of a bound parameter would hide.
 *
 * <p>One query with ORDER BY id LIMIT 51 lets the planner choose between walking the primary key
 * until 51 rows match and fetching every match through the text indexes, on estimates that are
 * often wrong by a hundred times: it walked half of a million contacts for a prefix matching 111
 * (0.4 s). So the choice is made from what is found, not guessed: the first {@link #WINDOW}
 * contacts after the cursor are walked (bounded, and enough for any term matching one contact in
 * two hundred), and only when they hold too few matches are the rest fetched through the indexes,
 * where a rare term costs little because it is rare.
 */
@Repository
class ContactSearchRepository {

    private static final int WINDOW = 10_000;

    private static final Name MATCHES = DSL.name("matches");

    private final DSLContext db;
    private final int window;

    @Autowired
    ContactSearchRepository(DSLContext db) {
        this(db, WINDOW);
    }

    /** With another window: tests move its edge across a handful of contacts. */
    ContactSearchRepository(DSLContext db, int window) {
        this.db = db;
        this.window = window;
    }

    List<ContactHit> search(UUID accountId, SearchText text, ContactSearchQuery query, int limit) {
        Condition where = DSL.and(scope(accountId, query), matching(text, query.statuses()));
        if (text.addressPrefix() != null) {
            // Text with an '@' matches a handful of addresses: no window is worth walking.
            return rows(accountId, throughIndexes(where, DSL.noCondition(), limit));
        }
        List<UUID> ids = new ArrayList<>(inWindow(accountId, query.after(), where, limit));
        if (ids.size() < limit) {
            UUID windowEnd = windowEnd(accountId, query.after());
            if (windowEnd != null) {
                ids.addAll(throughIndexes(where, CONTACT.CONTACT_ID.gt(windowEnd), limit - ids.size()));
            }
        }
        return rows(accountId, ids);
    }

    /**
     * Matches among the first {@link #WINDOW} contacts after the cursor. The window is a derived
     * table named contact, so the same conditions apply to it; its LIMIT keeps them from being
     * pushed down, which is what makes this a walk of the primary key that stops at 51 matches.
     */
    private List<UUID> inWindow(UUID accountId, @Nullable UUID after, Condition where, int limit) {
        Table<?> walked = DSL.select(CONTACT.asterisk())
                .from(CONTACT)
                .where(
                        CONTACT.ACCOUNT_ID.eq(accountId),
                        after == null ? DSL.noCondition() : CONTACT.CONTACT_ID.gt(after))
                .orderBy(CONTACT.CONTACT_ID)
                .limit(window)
                .asTable(CONTACT.getName());
        return db.select(CONTACT.CONTACT_ID)
                .from(walked)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(where)
                .orderBy(CONTACT.CONTACT_ID)
                .limit(limit)
                .fetch(CONTACT.CONTACT_ID);
    }

    /** The last contact of the window, or null when the window holds every contact after the cursor. */
    private @Nullable UUID windowEnd(UUID accountId, @Nullable UUID after) {
        return db.select(CONTACT.CONTACT_ID)
                .from(CONTACT)
                .where(
                        CONTACT.ACCOUNT_ID.eq(accountId),
                        after == null ? DSL.noCondition() : CONTACT.CONTACT_ID.gt(after))
                .orderBy(CONTACT.CONTACT_ID)
                .offset(window - 1)
                .limit(1)
                .fetchOne(CONTACT.CONTACT_ID);
    }

    /**
     * Matches fetched through the text indexes (after the window: few by now). MATERIALIZED fences
     * the matching off from the ORDER BY LIMIT, so the planner cannot turn it into a walk again.
     */
    private List<UUID> throughIndexes(Condition where, Condition from, int limit) {
        CommonTableExpression<Record1<UUID>> matches = MATCHES.fields(CONTACT.CONTACT_ID.getName())
                .asMaterialized(DSL.select(CONTACT.CONTACT_ID)
                        .from(CONTACT)
                        .leftJoin(EMAIL_CONSENT)
                        .on(
                                EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID),
                                EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                        .where(where, from));
        Field<UUID> id = matches.field(CONTACT.CONTACT_ID.getName(), UUID.class);
        return db.with(matches)
                .select(id)
                .from(matches)
                .orderBy(id)
                .limit(limit)
                .fetch(id);
    }

    private List<ContactHit> rows(UUID accountId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return db.select(
                        CONTACT.CONTACT_ID,
                        CONTACT.EMAIL_ADDRESS,
                        CONTACT.FIRST_NAME,
                        CONTACT.LAST_NAME,
                        EMAIL_CONSENT.PERMISSION_TO_SEND,
                        EMAIL_CONSENT.DELIVERY_STATUS,
                        CONTACT.UPDATED_AT,
                        CONTACT.DELETED_AT)
                .from(CONTACT)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CONTACT_ID.in(ids))
                .orderBy(CONTACT.CONTACT_ID)
                .fetch(ContactSearchRepository::hit);
    }

    /** Account, list, tag and cursor, the API's own conditions (any state: {@link #matching} decides). */
    private static Condition scope(UUID accountId, ContactSearchQuery query) {
        ContactQuery filters = ContactQuery.forExport(
                EnumSet.of(ContactQuery.Status.ALL),
                query.list() == null ? Set.of() : Set.of(query.list()),
                query.tag() == null ? Set.of() : Set.of(query.tag()),
                Set.of(),
                Set.of(),
                query.limit());
        return ContactFilters.of(accountId, query.after() == null ? filters : filters.after(query.after()));
    }

    /** The text and the state; an exact address is found in any state unless a state was chosen. */
    private static Condition matching(SearchText text, Set<ContactQuery.Status> statuses) {
        Condition state =
                ContactFilters.status(ContactQuery.forExport(statuses, Set.of(), Set.of(), Set.of(), Set.of(), 1));
        if (text.isEmpty()) {
            return state;
        }
        if (text.addressPrefix() != null) {
            Condition prefix =
                    CONTACT.EMAIL_KEY.like(startsWith(text.addressPrefix())).and(state);
            return text.exactKey() == null
                    ? prefix
                    : prefix.or(
                            CONTACT.EMAIL_KEY.eq(text.exactKey()).and(statuses.isEmpty() ? DSL.noCondition() : state));
        }
        List<Condition> words = new ArrayList<>();
        for (String word : text.words()) {
            words.add(word(word));
        }
        return DSL.and(words).and(state);
    }

    /**
     * A word is a prefix of a name or of an address, or from three characters a substring of a name.
     * A word with a digit, '_' or '+' is no name: it is looked for in addresses only, so the planner
     * sees one selective prefix (user4242 is 1,111 addresses among a million) instead of an OR whose
     * name branches it over-estimates, which made it walk the primary key (0.8 s at 1M).
     */
    private static Condition word(String word) {
        if (word.chars().anyMatch(c -> Character.isDigit(c) || c == '_' || c == '+')) {
            return CONTACT.EMAIL_KEY.like(startsWith(word));
        }
        Field<String> pattern = word.length() >= SearchText.SUBSTRING_MIN ? contains(word) : startsWith(word);
        return DSL.or(
                DSL.lower(CONTACT.FIRST_NAME).like(pattern),
                DSL.lower(CONTACT.LAST_NAME).like(pattern),
                CONTACT.EMAIL_KEY.like(startsWith(word)));
    }

    private static Field<String> startsWith(String text) {
        return DSL.inline(SearchText.literal(text) + "%");
    }

    private static Field<String> contains(String text) {
        return DSL.inline("%" + SearchText.literal(text) + "%");
    }

    private static ContactHit hit(
            Record8<UUID, String, String, String, String, String, OffsetDateTime, OffsetDateTime> r) {
        return new ContactHit(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5() == null ? null : Permission.fromWire("permission_to_send", r.value5()),
                r.value6() == null ? null : DeliveryStatus.fromWire("delivery_status", r.value6()),
                r.value7(),
                r.value8());
    }
}
