package io.audience.contact;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.consent.Permission;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record7;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * The console's contact search over contact joined with its address's consent. Each kind of term
 * matches an index of V16 (or contact_email_uq for the exact address). Patterns are inlined, not
 * bound: a LIKE prefix uses a btree only when the planner sees the pattern, which a cached generic
 * plan of a bound parameter would hide.
 */
@Repository
class ContactSearchRepository {

    private final DSLContext db;

    ContactSearchRepository(DSLContext db) {
        this.db = db;
    }

    List<ContactHit> search(UUID accountId, SearchText text, ContactSearchQuery query, int limit) {
        return db.select(
                        CONTACT.CONTACT_ID,
                        CONTACT.EMAIL_ADDRESS,
                        CONTACT.FIRST_NAME,
                        CONTACT.LAST_NAME,
                        EMAIL_CONSENT.PERMISSION_TO_SEND,
                        CONTACT.UPDATED_AT,
                        CONTACT.DELETED_AT)
                .from(CONTACT)
                .leftJoin(EMAIL_CONSENT)
                .on(EMAIL_CONSENT.ACCOUNT_ID.eq(CONTACT.ACCOUNT_ID), EMAIL_CONSENT.EMAIL_KEY.eq(CONTACT.EMAIL_KEY))
                .where(scope(accountId, query), matching(text, query.statuses()))
                .orderBy(CONTACT.CONTACT_ID)
                .limit(limit)
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

    private static ContactHit hit(Record7<UUID, String, String, String, String, OffsetDateTime, OffsetDateTime> r) {
        return new ContactHit(
                r.value1(),
                r.value2(),
                r.value3(),
                r.value4(),
                r.value5() == null ? null : Permission.fromWire("permission_to_send", r.value5()),
                r.value6(),
                r.value7());
    }
}
