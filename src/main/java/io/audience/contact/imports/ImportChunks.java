package io.audience.contact.imports;

import static io.audience.db.Tables.IMPORT_ROW;
import static org.jooq.impl.DSL.val;

import io.audience.activity.RowOutcomes;
import io.audience.activity.ActivityView;
import io.audience.db.tables.ImportRow;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Applies a chunk of staged import rows with set-based statements, inside the worker's chunk
 * transaction. The rules are those of a single import row (DESIGN 7): a new address starts
 * implicit, or unsubscribed when its suppression fingerprint says the person opted out before it
 * was erased; an existing contact keeps its consent, is updated with what the row sends and is
 * revived; an address whose person opted out is not changed and not added to lists.
 *
 * Parameters of every statement: {0} account, {1} activity, {2} first row, {3} row after the
 * last, {4} now, {8} a new id for each row ({@link Ids#nextInSql}).
 */
@Repository
class ImportChunks {

    static final String CHUNK = "i.account_id = {0} and i.activity_id = {1}"
            + " and i.item_number >= {2} and i.item_number < {3}";
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
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportChunks.class);

    private final DSLContext db;
    private final ImportDetails details;
    private final RowOutcomes outcomes;

    ImportChunks(DSLContext db, ImportDetails details, RowOutcomes outcomes) {
        this.db = db;
        this.details = details;
        this.outcomes = outcomes;
    }

    /**
     * An import grows the tables it writes faster than autovacuum re-analyses them, and with stale
     * statistics (a table "of 12 rows" that has a million) nested loops run the wrong way round.
     * Analysed before the first chunk and again each time the import has doubled what it applied
     * (10,000, 20,000, 40,000 rows...): a few analyses per import, each a sample of 30,000 rows.
     */
    void refreshStatistics(int from) {
        int done = from - 1;
        if (done == 0 || done >= 10_000 && done % 10_000 == 0 && Integer.bitCount(done / 10_000) == 1) {
            long started = System.nanoTime();
            db.execute("analyze contact, email_consent, list_membership");
            log.debug("Statistics refreshed after {} rows in {} ms", done, (System.nanoTime() - started) / 1_000_000);
        }
    }

    ActivityView.Counters apply(UUID accountId, UUID activityId, int from, int to, ContactImports.ImportPayload payload,
            String actor, String evidence, OffsetDateTime now) {
        QueryPart[] p = {val(accountId), val(activityId), val(from), val(to), val(now), val(actor), val(evidence),
            val(payload.listIds().toArray(UUID[]::new)), Ids.nextInSql()};
        long[] at = {System.nanoTime()};
        StringBuilder timings = new StringBuilder();
        Runnable lap = () -> {
            long now2 = System.nanoTime();
            timings.append(' ').append((now2 - at[0]) / 1_000_000);
            at[0] = now2;
        };
        if (!payload.noRepeats()) {
            skipDuplicates(p);
        }
        lap.run();
        int pending = db.resultQuery("select count(*)::int from import_row i where " + CHUNK
                + " and i.outcome is null", (Object[]) p).fetchSingle().get(0, int.class);
        org.jooq.Record fresh = createAddresses(p);
        lap.run();
        boolean allNew = fresh.get(0, int.class) == pending;
        if (allNew) {
            // Every address of the chunk is new to the account (the common case of a first import):
            // no contact can have them and there is nothing to lock, update or look up.
            createContacts(p, false);
            lap.run();
            db.execute("update import_row i set outcome = 'created', contact_id = i.new_contact_id where " + CHUNK
                    + " and i.outcome is null", (Object[]) p);
            lap.run();
        } else {
            lockAddresses(p);
            lap.run();
            createContacts(p, true);
            lap.run();
            updateContacts(p);
            lap.run();
            recordOutcomes(p);
            lap.run();
        }
        addToLists(p, !allNew);
        lap.run();
        if (!payload.noExtras()) {
            details.apply(p);
        }
        lap.run();
        handOutcomes(accountId, activityId, from, to);
        lap.run();
        ActivityView.Counters counts = counts(p);
        lap.run();
        log.debug("Import chunk {}..{} of {}: ms per step (addresses, [locks], creates, [updates], outcomes,"
                + " lists, details, outcomes to the activity, counts){}", from, to, activityId, timings);
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
                 where %s and i.outcome is null and i.email_key = f.email_key and f.first < i.item_number"""
                .formatted(KEYS, CHUNK), (Object[]) p);
    }

    /**
     * New addresses get their consent row and its first event; {5} actor, {6} evidence. Answers
     * how many new addresses started implicit and how many came back unsubscribed.
     */
    private org.jooq.Record createAddresses(QueryPart[] p) {
        return db.resultQuery("""
                with fresh as (
                    select i.email_key, i.fingerprint, i.new_contact_id, i.item_number, s.opted_out_at, s.opt_out_source
                      from import_row i
                      left join suppression s on s.account_id = {0} and s.fingerprint = i.fingerprint
                     where %s and i.outcome is null
                       and not exists (select 1 from email_consent c
                                        where c.account_id = {0} and c.email_key = i.email_key and c.email_key = %2$s)
                     order by i.email_key
                ), created as (
                    insert into email_consent (account_id, email_key, permission_to_send, opt_in_source, opt_in_date,
                                               opt_out_source, opt_out_date, confirm_status, created_at, updated_at)
                    select {0}, email_key,
                           case when opted_out_at is null then 'implicit' else 'unsubscribed' end,
                           case when opted_out_at is null then 'Account' end,
                           case when opted_out_at is null then {4} end,
                           case when opted_out_at is null then null else opt_out_source end,
                           opted_out_at, 'off', {4}, {4}
                      from fresh
                        on conflict do nothing
                    returning email_key, permission_to_send, opt_out_date
                ), taken as (
                    delete from suppression s using fresh f, created c
                     where c.email_key = f.email_key and c.opt_out_date is not null
                       and s.account_id = {0} and s.fingerprint = f.fingerprint
                ), events as (
                    insert into consent_event (account_id, event_id, email_key, contact_id, occurred_at,
                                               from_permission, to_permission, source, channel, actor, evidence)
                    select {0}, {8}, c.email_key, f.new_contact_id, {4}, null, c.permission_to_send, 'Account',
                           'import', {5},
                           case when c.opt_out_date is null then {6} || ' row ' || f.item_number
                                else 'suppression: this address was erased after an opt-out on '
                                     || to_char(c.opt_out_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') end
                      from created c join fresh f on f.email_key = c.email_key
                    returning to_permission
                )
                select (count(*) filter (where to_permission = 'implicit'))::int,
                       (count(*) filter (where to_permission <> 'implicit'))::int
                  from events
                """.formatted(CHUNK, KEYS), (Object[]) p).fetchSingle();
    }

    /** In address order, as every writer of one address takes its lock first, so no two chunks deadlock. */
    private void lockAddresses(QueryPart[] p) {
        db.resultQuery("""
                select count(*) from (
                    select 1 from email_consent e join import_row i on e.account_id = i.account_id
                                                                      and e.email_key = i.email_key
                     where %s and i.outcome is null and e.email_key = %s
                     order by e.email_key
                       for update of e) locked""".formatted(CHUNK, KEYS), (Object[]) p).fetch();
    }

    /**
     * When every address of the chunk was just created by this transaction, no contact can have
     * one (a contact references its address row, which this transaction holds): plain inserts,
     * without the cost of ON CONFLICT's speculative insertion.
     */
    private void createContacts(QueryPart[] p, boolean someMayExist) {
        db.execute("""
                insert into contact (account_id, contact_id, email_key, email_address, email_created_at,
                                     email_updated_at, first_name, last_name, job_title, company_name, birthday_month,
                                     birthday_day, anniversary, create_source, update_source, created_at, updated_at,
                                     deleted_at, version)
                select {0}, i.new_contact_id, i.email_key, i.email_address, {4}, {4}, i.first_name, i.last_name,
                       i.job_title, i.company_name, i.birthday_month, i.birthday_day, i.anniversary, 'Account',
                       'Account', {4}, {4}, null, 1
                  from import_row i
                 where %s and i.outcome is null
                   %s""".formatted(CHUNK, someMayExist ? """
                   and not exists (select 1 from contact c where c.account_id = {0} and c.email_key = i.email_key
                                                              and c.email_key = %s)
                 order by i.new_contact_id
                    on conflict do nothing""".formatted(KEYS) : ""),
                (Object[]) p);
    }

    /** Only what the row sends changes; the contact is live again; consent is not touched. */
    private void updateContacts(QueryPart[] p) {
        db.execute("""
                update contact c
                   set email_address = i.email_address,
                       email_updated_at = case when i.email_address is distinct from c.email_address then {4}
                                               else c.email_updated_at end,
                       first_name = coalesce(i.first_name, c.first_name),
                       last_name = coalesce(i.last_name, c.last_name),
                       job_title = coalesce(i.job_title, c.job_title),
                       company_name = coalesce(i.company_name, c.company_name),
                       birthday_month = coalesce(i.birthday_month, c.birthday_month),
                       birthday_day = case when i.birthday_month is not null then i.birthday_day else c.birthday_day end,
                       anniversary = coalesce(i.anniversary, c.anniversary),
                       update_source = 'Account', updated_at = {4}, deleted_at = null, version = c.version + 1
                  from import_row i, email_consent e
                 where %s and i.outcome is null
                   and c.account_id = {0} and c.email_key = i.email_key and c.contact_id <> i.new_contact_id
                   and e.account_id = {0} and e.email_key = i.email_key and not (%s)
                   and c.email_key = %3$s and e.email_key = %3$s""".formatted(CHUNK, OPTED_OUT, KEYS),
                (Object[]) p);
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

    /** {7} the import's lists; a list deleted meanwhile is left out. New contacts have no memberships yet. */
    private void addToLists(QueryPart[] p, boolean someMayExist) {
        db.execute("""
                insert into list_membership (account_id, list_id, contact_id, created_at)
                select {0}, l.list_id, i.contact_id, {4}
                  from import_row i
                  join contact_list l on l.account_id = {0} and l.list_id = any({7}) and l.deleted_at is null
                 where %s and %s and i.outcome in ('created', 'updated') and not i.cannot_add
                 %s""".formatted(CHUNK, DECIDED_HERE, someMayExist ? "order by i.contact_id on conflict do nothing" : ""),
                (Object[]) p);
    }

    /** The outcomes of the rows this transaction decided go to the activity's report, in the same transaction. */
    private void handOutcomes(UUID accountId, UUID activityId, int from, int to) {
        ImportRow i = IMPORT_ROW.as("i");
        outcomes.record(accountId, activityId, DSL.select(i.ITEM_NUMBER, i.OUTCOME, i.REASON, i.CONTACT_ID)
                .from(i)
                .where(i.ACCOUNT_ID.eq(accountId), i.ACTIVITY_ID.eq(activityId), i.ITEM_NUMBER.ge(from),
                        i.ITEM_NUMBER.lt(to), i.OUTCOME.isNotNull(), DSL.condition(DECIDED_HERE)));
    }

    /**
     * The chunk's counts: only of the rows this transaction decided (their row version is its own),
     * so a range run again after a crash, or rows decided while staging, are never counted twice.
     */
    private ActivityView.Counters counts(QueryPart[] p) {
        org.jooq.Record r = db.resultQuery("""
                select count(*)::int,
                       (count(*) filter (where outcome in ('created', 'updated')))::int,
                       (count(*) filter (where outcome = 'failed'))::int,
                       (count(*) filter (where outcome = 'failed' and correctable))::int,
                       (count(*) filter (where cannot_add))::int
                  from import_row i
                 where %s and %s""".formatted(CHUNK, DECIDED_HERE), (Object[]) p)
                .fetchSingle();
        return new ActivityView.Counters(0, r.get(0, int.class), r.get(1, int.class), r.get(2, int.class), r.get(3, int.class),
                r.get(4, int.class), 0);
    }
}
