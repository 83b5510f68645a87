package io.audience.feedback.suppression;

import static io.audience.db.Tables.SUPPRESSION_ROW;
import static org.jooq.impl.DSL.castNull;
import static org.jooq.impl.DSL.not;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.val;
import static org.jooq.impl.DSL.when;

import io.audience.activity.ActivityView;
import io.audience.activity.RowOutcomeRepository;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.ConsentInBulk;
import io.audience.consent.Source;
import io.audience.consent.SuppressionsInBulk;
import io.audience.contact.ContactsInBulk;
import io.audience.db.tables.SuppressionRow;
import io.audience.feedback.FeedbackInBulk;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.stereotype.Repository;

/**
 * Applies a chunk of staged suppression rows with set-based statements, inside the worker's chunk
 * transaction: the addresses are locked in key order, each row's outcome is decided from the
 * address's state (created: the account did not hold the address; skipped: it is opted out or
 * bounced already, or a duplicate; updated: otherwise), then the consent module opts out and
 * bounces the rows' addresses ({@link SuppressionsInBulk}), the feedback module records the
 * reports ({@link FeedbackInBulk}) and the outcomes go to the activity, one statement each, and
 * webhooks are to be told of the rows that changed a contact's address ({@link
 * SuppressionEventRepository}). No contact is created or changed and no list is touched.
 */
@Repository
class SuppressionChunkRepository {

    /** Rows this transaction decided (a range run again after a crash holds rows decided before). */
    private static final String DECIDED_HERE = "i.xmin::text::bigint = txid_current() % 4294967296";

    static final String BOUNCE_REASON = "imported: bounced";
    private static final String UNSUBSCRIBED = SuppressionEntry.Kind.UNSUBSCRIBED.wire();
    private static final String BOUNCED = SuppressionEntry.Kind.BOUNCED.wire();
    private static final String COMPLAINED = SuppressionEntry.Kind.COMPLAINED.wire();

    private final DSLContext db;
    private final ConsentInBulk consent;
    private final SuppressionsInBulk suppressions;
    private final ContactsInBulk contacts;
    private final FeedbackInBulk feedback;
    private final RowOutcomeRepository outcomes;
    private final SuppressionEventRepository events;

    SuppressionChunkRepository(
            DSLContext db,
            ConsentInBulk consent,
            SuppressionsInBulk suppressions,
            ContactsInBulk contacts,
            FeedbackInBulk feedback,
            RowOutcomeRepository outcomes,
            SuppressionEventRepository events) {
        this.db = db;
        this.consent = consent;
        this.suppressions = suppressions;
        this.contacts = contacts;
        this.feedback = feedback;
        this.outcomes = outcomes;
        this.events = events;
    }

    ActivityView.Counters apply(UUID accountId, UUID activityId, int from, int to, OffsetDateTime now) {
        SuppressionRow i = SUPPRESSION_ROW.as("i");
        Condition chunk = i.ACCOUNT_ID
                .eq(accountId)
                .and(i.ACTIVITY_ID.eq(activityId))
                .and(i.ITEM_NUMBER.ge(from))
                .and(i.ITEM_NUMBER.lt(to));
        // The chunk's statements are costed from statistics that do not know its rows; PostgreSQL's JIT
        // then compiled the decision for 0.7-0.9 s a chunk, to run for 0.3 s. Ends with the transaction.
        db.execute("set local jit = off");
        markDuplicates(accountId, activityId, from, to);
        // Duplicates have their reason now, and are decided last.
        Condition undecided = chunk.and(i.OUTCOME.isNull()).and(i.REASON.isNull());
        String actor = "activity:" + activityId;
        consent.lock(accountId, select(i.EMAIL_KEY).from(i).where(undecided));
        // An erased address that had opted out comes back opted out first, as in every other write.
        consent.createNew(
                accountId,
                select(i.EMAIL_KEY, i.FINGERPRINT, castNull(UUID.class).as("contact_id"), i.EVIDENCE)
                        .from(i)
                        .where(
                                undecided,
                                not(suppressions.known(accountId, i.EMAIL_KEY)),
                                suppressions.erasedAfterOptOut(accountId, i.FINGERPRINT)),
                new Actor(Source.ACCOUNT, Channel.IMPORT, actor, null, null, null),
                now);
        decide(accountId, i, undecided);
        Condition mine = chunk.and(DSL.condition(DECIDED_HERE));
        Condition applying = mine.and(i.OUTCOME.in("created", "updated"));
        int optingOut = db.fetchCount(i, applying.and(i.KIND.in(UNSUBSCRIBED, COMPLAINED)));
        int bouncing = db.fetchCount(i, applying.and(i.KIND.eq(BOUNCED)));
        int optedOut = suppressions.optOut(
                accountId,
                select(
                                i.EMAIL_KEY,
                                i.SOURCE,
                                when(i.KIND.eq(COMPLAINED), Channel.COMPLAINT.wire())
                                        .otherwise(Channel.IMPORT.wire())
                                        .as("channel"),
                                when(i.KIND.eq(COMPLAINED), "complaint")
                                        .otherwise(castNull(String.class))
                                        .as("opt_out_reason"),
                                i.OCCURRED_AT.as("opted_out_at"),
                                i.CONTACT_ID,
                                i.EVIDENCE)
                        .from(i)
                        .where(applying, i.KIND.in(UNSUBSCRIBED, COMPLAINED)),
                actor,
                now);
        int bounced = suppressions.bounce(
                accountId,
                select(
                                i.EMAIL_KEY,
                                i.OCCURRED_AT.as("bounced_at"),
                                val(BOUNCE_REASON).as("bounce_reason"),
                                i.CONTACT_ID,
                                i.EVIDENCE)
                        .from(i)
                        .where(applying, i.KIND.eq(BOUNCED)),
                actor,
                now);
        if (optedOut != optingOut || bounced != bouncing) {
            // Only a writer that created one of the new addresses after they were decided can cause
            // this (a new address has no row to lock): the chunk runs again, and then sees the address.
            throw new CannotAcquireLockException("A concurrent writer created an address of suppression rows " + from
                    + ".." + to + " of " + activityId + "; the chunk runs again");
        }
        // A report already on record as suppressed is kept as received too; a re-run of the row is one report.
        feedback.record(
                accountId,
                select(
                                i.EMAIL_KEY,
                                when(i.KIND.eq(BOUNCED), FeedbackInBulk.hardBounce())
                                        .otherwise(FeedbackInBulk.complaint())
                                        .as("kind"),
                                DSL.concat(val(activityId + ":"), i.ITEM_NUMBER.cast(String.class))
                                        .as("provider_event_id"),
                                when(i.KIND.eq(BOUNCED), BOUNCE_REASON)
                                        .otherwise(castNull(String.class))
                                        .as("diagnostic"),
                                i.OCCURRED_AT)
                        .from(i)
                        .where(mine, i.OUTCOME.isNotNull(), i.KIND.in(BOUNCED, COMPLAINED)),
                "import",
                actor,
                now);
        db.update(i)
                .set(i.OUTCOME, "skipped")
                .where(chunk, i.OUTCOME.isNull(), i.REASON.isNotNull())
                .execute();
        outcomes.record(
                accountId,
                activityId,
                select(i.ITEM_NUMBER, i.OUTCOME, i.REASON, i.CONTACT_ID).from(i).where(mine));
        events.record(accountId, activityId, from, to, DSL.condition(DECIDED_HERE), now);
        return counts(i, mine);
    }

    /**
     * A row whose address an earlier row of the import has gets its reason (its outcome, skipped,
     * comes last). Decided from the staged rows alone, so chunks in parallel lanes agree and only
     * the first row of an address is ever applied; the earlier rows are read through the address
     * index for the chunk's own addresses only.
     */
    private void markDuplicates(UUID accountId, UUID activityId, int from, int to) {
        db.execute("""
                update suppression_row i
                   set reason = 'duplicate of row ' || f.first || ' in this import'
                  from (select e.email_key, min(e.item_number) as first
                          from suppression_row e
                         where e.account_id = {0} and e.activity_id = {1}
                           and e.email_key = any(array(select k.email_key from suppression_row k
                                                        where k.account_id = {0} and k.activity_id = {1}
                                                          and k.item_number >= {2} and k.item_number < {3}
                                                          and k.email_key is not null))
                         group by e.email_key) f
                 where i.account_id = {0} and i.activity_id = {1} and i.item_number >= {2} and i.item_number < {3}
                   and i.outcome is null and i.email_key = f.email_key and f.first < i.item_number""", val(accountId), val(activityId), val(from), val(to));
    }

    /** Each undecided row's outcome, its reason and the contact that has its address, from the address's state. */
    private void decide(UUID accountId, SuppressionRow i, Condition undecided) {
        Condition known = suppressions.known(accountId, i.EMAIL_KEY);
        Condition bounced = i.KIND.eq(BOUNCED).and(suppressions.bounced(accountId, i.EMAIL_KEY));
        Condition optedOut = i.KIND.ne(BOUNCED).and(suppressions.optedOutAlready(accountId, i.EMAIL_KEY, i.SOURCE));
        Field<String> optOutSource = suppressions.optOutSource(accountId, i.EMAIL_KEY);
        db.update(i)
                .set(i.CONTACT_ID, contacts.contactIdOf(accountId, i.EMAIL_KEY))
                .set(
                        i.OUTCOME,
                        when(not(known), "created")
                                .when(bounced.or(optedOut), "skipped")
                                .otherwise("updated"))
                .set(
                        i.REASON,
                        when(
                                        not(known),
                                        "new address: its consent and delivery state are recorded; no contact is created")
                                .when(bounced, "already bounced; the address's delivery state is kept")
                                .when(
                                        optedOut.and(i.SOURCE.eq(Source.ACCOUNT.wire()))
                                                .and(optOutSource.eq(Source.CONTACT.wire())),
                                        "already unsubscribed by the person (opt_out_source Contact); an account's"
                                                + " opt-out does not replace it")
                                .when(
                                        optedOut,
                                        DSL.concat(
                                                val("already unsubscribed (opt_out_source "),
                                                DSL.coalesce(optOutSource, val("none")),
                                                val(")")))
                                .otherwise(castNull(String.class)))
                .where(undecided)
                .execute();
    }

    /** The counts of the rows this transaction decided, so a range run again is never counted twice. */
    private ActivityView.Counters counts(SuppressionRow i, Condition mine) {
        Record r = db.select(
                        DSL.count(),
                        DSL.count().filterWhere(i.OUTCOME.in("created", "updated")),
                        DSL.count().filterWhere(i.OUTCOME.eq("failed")),
                        DSL.count().filterWhere(i.OUTCOME.eq("failed").and(i.CORRECTABLE)))
                .from(i)
                .where(mine)
                .fetchSingle();
        return new ActivityView.Counters(
                0, r.get(0, int.class), r.get(1, int.class), r.get(2, int.class), r.get(3, int.class), 0, 0);
    }
}
