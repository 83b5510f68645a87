package io.audience.contact.imports;

import static io.audience.db.Tables.IMPORT_ROW;
import static org.jooq.impl.DSL.val;

import io.audience.activity.ActivityView;
import io.audience.activity.RowOutcomeRepository;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.ConsentInBulk;
import io.audience.consent.Source;
import io.audience.contact.ContactsInBulk;
import io.audience.db.tables.ImportRow;
import io.audience.list.MembershipsInBulk;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Applies a chunk of staged import rows with set-based statements, inside the worker's chunk
 * transaction. The rules are those of a single import row (DESIGN 7): a new address starts
 * implicit, or unsubscribed when its suppression fingerprint says the person opted out before it
 * was erased; an existing contact keeps its consent, is updated with what the row sends and is
 * revived; an address whose person opted out is not changed and not added to lists. Each table is
 * written by its owner ({@link ConsentInBulk}, {@link ContactsInBulk}, {@link MembershipsInBulk},
 * and through {@link ImportDetailRepository} the phones, addresses and field values), which gets the
 * chunk's rows as a jOOQ {@code Select}, one statement per owner; this class decides which rows go
 * where, and records each row's outcome in the staging table and hands it to the activity.
 *
 * Parameters of every statement: {0} account, {1} activity, {2} first row, {3} row after the
 * last, {4} now.
 */
@Repository
class ImportChunkRepository {

    static final String CHUNK =
            "i.account_id = {0} and i.activity_id = {1}" + " and i.item_number >= {2} and i.item_number < {3}";
    /**
     * The chunk's addresses. Every read of a large table is bounded by them (an index scan for
     * these keys), so whatever join the planner picks costs the size of the chunk, never the size
     * of the table: without it a hash join reads every contact of the account for each chunk.
     */
    private static final String KEYS = "any(array(select k.email_key from import_row k where k.account_id = {0}"
            + " and k.activity_id = {1} and k.item_number >= {2} and k.item_number < {3} and k.email_key is not null))";
    /**
     * Rows this transaction decided. A range run again after a crash can hold rows an earlier
     * lease already applied; their memberships and details are not written a second time.
     */
    static final String DECIDED_HERE = "i.xmin::text::bigint = txid_current() % 4294967296";

    private static final String OPTED_OUT = "coalesce(e.opt_out_source, '') = 'Contact'";
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportChunkRepository.class);

    private final DSLContext db;
    private final ImportDetailRepository details;
    private final RowOutcomeRepository outcomes;
    private final ConsentInBulk consent;
    private final ContactsInBulk contacts;
    private final MembershipsInBulk memberships;
    private final ImportEventRepository events;

    ImportChunkRepository(
            DSLContext db,
            ImportDetailRepository details,
            RowOutcomeRepository outcomes,
            ConsentInBulk consent,
            ContactsInBulk contacts,
            MembershipsInBulk memberships,
            ImportEventRepository events) {
        this.db = db;
        this.details = details;
        this.outcomes = outcomes;
        this.consent = consent;
        this.contacts = contacts;
        this.memberships = memberships;
        this.events = events;
    }

    ActivityView.Counters apply(
            UUID accountId,
            UUID activityId,
            int from,
            int to,
            ContactImports.ImportPayload payload,
            String actor,
            String evidence,
            OffsetDateTime now) {
        QueryPart[] p = {val(accountId), val(activityId), val(from), val(to), val(now)};
        Laps lap = new Laps();
        if (!payload.noRepeats()) {
            skipDuplicates(p);
        }
        lap.lap();
        int pending = db.resultQuery(
                        "select count(*)::int from import_row i where " + CHUNK + " and i.outcome is null",
                        (Object[]) p)
                .fetchSingle()
                .get(0, int.class);
        ImportRow i = IMPORT_ROW.as("i");
        Condition undecided = i.ACCOUNT_ID
                .eq(accountId)
                .and(i.ACTIVITY_ID.eq(activityId))
                .and(i.ITEM_NUMBER.ge(from))
                .and(i.ITEM_NUMBER.lt(to))
                .and(i.OUTCOME.isNull());
        ConsentInBulk.Created fresh = consent.createNew(
                accountId,
                DSL.select(
                                i.EMAIL_KEY,
                                i.FINGERPRINT,
                                i.NEW_CONTACT_ID.as("contact_id"),
                                DSL.concat(DSL.val(evidence + " row "), i.ITEM_NUMBER.cast(String.class))
                                        .as("evidence"))
                        .from(i)
                        .where(undecided),
                new Actor(Source.ACCOUNT, Channel.IMPORT, actor, null, null, null),
                now);
        lap.lap();
        boolean allNew = fresh.initial() == pending;
        Select<? extends Record> rows = DSL.select(
                        i.NEW_CONTACT_ID.as("contact_id"),
                        i.EMAIL_KEY,
                        i.EMAIL_ADDRESS,
                        i.FIRST_NAME,
                        i.LAST_NAME,
                        i.JOB_TITLE,
                        i.COMPANY_NAME,
                        i.BIRTHDAY_MONTH,
                        i.BIRTHDAY_DAY,
                        i.ANNIVERSARY)
                .from(i)
                .where(undecided);
        if (allNew) {
            // Every address of the chunk is new to the account (the common case of a first import):
            // no contact can have them and there is nothing to lock, update or look up.
            contacts.create(accountId, rows, true, now);
            lap.lap();
            db.execute(
                    "update import_row i set outcome = 'created', contact_id = i.new_contact_id where " + CHUNK
                            + " and i.outcome is null",
                    (Object[]) p);
            lap.lap();
        } else {
            consent.lock(accountId, DSL.select(i.EMAIL_KEY).from(i).where(undecided));
            events.markRevived(p);
            lap.lap();
            contacts.create(accountId, rows, false, now);
            lap.lap();
            // An address whose person opted out is not changed (DESIGN 7).
            contacts.update(
                    accountId,
                    DSL.select(
                                    i.NEW_CONTACT_ID.as("contact_id"),
                                    i.EMAIL_KEY,
                                    i.EMAIL_ADDRESS,
                                    i.FIRST_NAME,
                                    i.LAST_NAME,
                                    i.JOB_TITLE,
                                    i.COMPANY_NAME,
                                    i.BIRTHDAY_MONTH,
                                    i.BIRTHDAY_DAY,
                                    i.ANNIVERSARY)
                            .from(i)
                            .where(undecided, DSL.not(consent.optedOutByContact(accountId, i.EMAIL_KEY))),
                    now);
            lap.lap();
            recordOutcomes(p);
            lap.lap();
        }
        // New contacts have no memberships yet; a person who opted out is not added (cannot_add), nor
        // put back on a list they left on their preference page (one statement per list for that).
        for (UUID listId : payload.listIds()) {
            memberships.add(
                    accountId,
                    List.of(listId),
                    DSL.select(i.CONTACT_ID)
                            .from(i)
                            .where(
                                    i.ACCOUNT_ID.eq(accountId),
                                    i.ACTIVITY_ID.eq(activityId),
                                    i.ITEM_NUMBER.ge(from),
                                    i.ITEM_NUMBER.lt(to),
                                    i.OUTCOME.in("created", "updated"),
                                    i.CANNOT_ADD.isFalse(),
                                    DSL.condition(DECIDED_HERE),
                                    DSL.not(consent.leftList(accountId, i.EMAIL_KEY, listId))),
                    allNew,
                    now);
        }
        lap.lap();
        if (!payload.noExtras()) {
            details.apply(accountId, p, now);
        }
        events.record(accountId, activityId, from, to, payload.listIds(), allNew, now);
        lap.lap();
        handOutcomes(accountId, activityId, from, to);
        lap.lap();
        ActivityView.Counters counts = counts(p);
        lap.lap();
        log.debug(
                "Import chunk {}..{} of {}: ms per step (addresses, [locks], creates, [updates], outcomes,"
                        + " lists, details and webhook events, outcomes to the activity, counts){}",
                from,
                to,
                activityId,
                lap);
        return counts;
    }

    /**
     * A row whose address an earlier row of the import has is skipped. Decided from the staged
     * rows alone, so chunks in parallel lanes agree. The earlier rows are read through the address
     * index for the chunk's own addresses only (the same bound as every other read here), so no
     * plan can walk the whole import per row.
     */
    private void skipDuplicates(QueryPart[] p) {
        db.execute("""
                update import_row i
                   set outcome = 'skipped', reason = 'duplicate of row ' || f.first || ' in this import'
                  from (select e.email_key, min(e.item_number) as first
                          from import_row e
                         where e.account_id = {0} and e.activity_id = {1} and e.email_key = %s
                         group by e.email_key) f
                 where %s and i.outcome is null and i.email_key = f.email_key and f.first < i.item_number""".formatted(KEYS, CHUNK), (Object[]) p);
    }

    private void recordOutcomes(QueryPart[] p) {
        db.execute("""
                update import_row i
                   set contact_id = c.contact_id,
                       cannot_add = (%2$s),
                       outcome = case when c.contact_id = i.new_contact_id then 'created'
                                      when %2$s then 'skipped' else 'updated' end,
                       reason = case when not (%2$s) then null
                                     when c.contact_id = i.new_contact_id then 'the person opted out before this'
                                          || ' address was erased; created unsubscribed, not added to lists'
                                     else 'the person opted out on '
                                          || to_char(e.opt_out_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                          || '; an import does not revive them or add them to lists' end
                  from contact c, email_consent e
                 where %1$s and i.outcome is null
                   and c.account_id = {0} and c.email_key = i.email_key
                   and e.account_id = {0} and e.email_key = i.email_key
                   and c.email_key = %3$s and e.email_key = %3$s""".formatted(CHUNK, OPTED_OUT, KEYS), (Object[]) p);
        // Only a writer that bypassed the address lock could leave a row here; it is reported, not lost.
        db.execute("""
                update import_row i set outcome = 'failed', correctable = false,
                       reason = 'a concurrent change to this address interfered; import the row again'
                 where %s and i.outcome is null""".formatted(CHUNK), (Object[]) p);
    }

    /** The outcomes of the rows this transaction decided go to the activity's report, in the same transaction. */
    private void handOutcomes(UUID accountId, UUID activityId, int from, int to) {
        ImportRow i = IMPORT_ROW.as("i");
        outcomes.record(
                accountId,
                activityId,
                DSL.select(i.ITEM_NUMBER, i.OUTCOME, i.REASON, i.CONTACT_ID)
                        .from(i)
                        .where(
                                i.ACCOUNT_ID.eq(accountId),
                                i.ACTIVITY_ID.eq(activityId),
                                i.ITEM_NUMBER.ge(from),
                                i.ITEM_NUMBER.lt(to),
                                i.OUTCOME.isNotNull(),
                                DSL.condition(DECIDED_HERE)));
    }

    /**
     * The chunk's counts: only of the rows this transaction decided (their row version is its own),
     * so a range run again after a crash, or rows decided while staging, are never counted twice.
     */
    private ActivityView.Counters counts(QueryPart[] p) {
        org.jooq.Record r =
                db.resultQuery("""
                select count(*)::int,
                       (count(*) filter (where outcome in ('created', 'updated')))::int,
                       (count(*) filter (where outcome = 'failed'))::int,
                       (count(*) filter (where outcome = 'failed' and correctable))::int,
                       (count(*) filter (where cannot_add))::int
                  from import_row i
                 where %s and %s""".formatted(CHUNK, DECIDED_HERE), (Object[]) p).fetchSingle();
        return new ActivityView.Counters(
                0,
                r.get(0, int.class),
                r.get(1, int.class),
                r.get(2, int.class),
                r.get(3, int.class),
                r.get(4, int.class),
                0);
    }
}
