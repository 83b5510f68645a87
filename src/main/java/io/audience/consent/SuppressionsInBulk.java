package io.audience.consent;

import static io.audience.db.Tables.EMAIL_CONSENT;
import static io.audience.db.Tables.SUPPRESSION;
import static org.jooq.impl.DSL.val;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;
import java.util.function.IntSupplier;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Select;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opt-outs and bounces of many addresses at once, set-based, for a suppression import: the rules
 * of {@link ConsentPolicy} (an opt-out never re-subscribes; an account's opt-out never overwrites
 * the person's own) and of the feedback module (a bounce sets the delivery state, never lowers it),
 * one statement per call, each change with its history entry. Nothing here creates a contact or
 * makes an address sendable: a new address starts unsubscribed, or not set when it only bounced.
 * The caller holds the addresses' locks ({@link ConsentInBulk#lock}), passes each address at most
 * once per call, and never writes these tables itself. Every read of email_consent is bounded by
 * the rows' own keys (an index scan), so a statement costs the size of its rows, never of the table.
 */
@Repository
public class SuppressionsInBulk {

    private static final String UNSUBSCRIBED = Permission.UNSUBSCRIBED.wire();
    private static final String CONTACT = Source.CONTACT.wire();
    private static final String ACCOUNT = Source.ACCOUNT.wire();

    private final DSLContext db;
    private final ConsentMetrics metrics;

    SuppressionsInBulk(DSLContext db, ConsentMetrics metrics) {
        this.db = db;
        this.metrics = metrics;
    }

    /** Whether the account holds consent for the address. */
    public Condition known(UUID accountId, Field<String> emailKey) {
        return DSL.exists(DSL.selectOne()
                .from(EMAIL_CONSENT)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey)));
    }

    /**
     * Whether an opt-out by {@code source} would change nothing: the address is unsubscribed, by the
     * person, or by anyone when {@code source} is the account.
     */
    public Condition optedOutAlready(UUID accountId, Field<String> emailKey, Field<String> source) {
        return DSL.exists(DSL.selectOne()
                .from(EMAIL_CONSENT)
                .where(
                        EMAIL_CONSENT.ACCOUNT_ID.eq(accountId),
                        EMAIL_CONSENT.EMAIL_KEY.eq(emailKey),
                        EMAIL_CONSENT.PERMISSION_TO_SEND.eq(UNSUBSCRIBED),
                        EMAIL_CONSENT.OPT_OUT_SOURCE.eq(CONTACT).or(source.eq(ACCOUNT))));
    }

    /** Who opted the address out, when it is ({@code Account}, {@code Contact} or null). */
    public Field<String> optOutSource(UUID accountId, Field<String> emailKey) {
        return DSL.field(DSL.select(EMAIL_CONSENT.OPT_OUT_SOURCE)
                .from(EMAIL_CONSENT)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey)));
    }

    /** Whether the address is bounced already (no bounce changes it further). */
    public Condition bounced(UUID accountId, Field<String> emailKey) {
        return DSL.exists(DSL.selectOne()
                .from(EMAIL_CONSENT)
                .where(
                        EMAIL_CONSENT.ACCOUNT_ID.eq(accountId),
                        EMAIL_CONSENT.EMAIL_KEY.eq(emailKey),
                        EMAIL_CONSENT.DELIVERY_STATUS.eq(DeliveryStatus.BOUNCED.wire())));
    }

    /** Whether an erased address of this fingerprint had opted out ({@link ConsentInBulk#createNew} restores it). */
    public Condition erasedAfterOptOut(UUID accountId, Field<String> fingerprint) {
        return DSL.exists(DSL.selectOne()
                .from(SUPPRESSION)
                .where(SUPPRESSION.ACCOUNT_ID.eq(accountId), SUPPRESSION.FINGERPRINT.eq(fingerprint)));
    }

    /**
     * Opts the addresses out, creating the ones the account does not hold (unsubscribed, nothing
     * else), as {@link ConsentPolicy#accountSets} to unsubscribed and {@link ConsentPolicy#contactOptsOut}
     * do for one address: the person's own opt-out keeps its source, date and reason against the
     * account's; an address opted out already by that source is left alone. {@code rows} selects
     * {@code email_key}, {@code source} ({@code Account} or {@code Contact}), {@code channel},
     * {@code opt_out_reason}, {@code opted_out_at}, {@code contact_id} and {@code evidence}. Answers
     * the number of addresses changed or created.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int optOut(UUID accountId, Select<? extends Record> rows, String actor, OffsetDateTime now) {
        int changed = optOutRows(accountId, rows, actor, now);
        metrics.optedOutByImport(changed);
        return changed;
    }

    private int optOutRows(UUID accountId, Select<? extends Record> rows, String actor, OffsetDateTime now) {
        return withHashJoins(() -> db.resultQuery(
                        """
                with r as (select * from ({1}) x),
                old as (select e.email_key, e.permission_to_send, e.opt_out_source from email_consent e
                         where e.account_id = {0} and e.email_key = any(array(select k.email_key from r k))),
                changed as (
                    update email_consent e
                       set permission_to_send = {3},
                           opt_out_source = case when o.opt_out_source = {4} then o.opt_out_source else r.source end,
                           opt_out_date = case when o.opt_out_source = {4} and r.source = {5} then e.opt_out_date
                                               else r.opted_out_at end,
                           opt_out_reason = case when o.opt_out_source = {4} and r.source = {5} then e.opt_out_reason
                                                 else r.opt_out_reason end,
                           updated_at = {2}
                      from r join old o on o.email_key = r.email_key
                     where e.account_id = {0} and e.email_key = r.email_key
                       and e.email_key = any(array(select k.email_key from r k))
                       and not (o.permission_to_send = {3} and (o.opt_out_source = {4} or r.source = {5}))
                    returning e.email_key, o.permission_to_send as from_permission
                ), created as (
                    insert into email_consent (account_id, email_key, permission_to_send, opt_in_source, opt_in_date,
                                               opt_out_source, opt_out_date, opt_out_reason, confirm_status,
                                               created_at, updated_at)
                    select {0}, r.email_key, {3}, null, null, r.source, r.opted_out_at, r.opt_out_reason, {6}, {2}, {2}
                      from r
                     where not exists (select 1 from old o where o.email_key = r.email_key)
                        on conflict do nothing
                    returning email_key, null::varchar as from_permission
                ), events as (
                    insert into consent_event (account_id, event_id, email_key, contact_id, occurred_at,
                                               from_permission, to_permission, source, channel, actor, evidence)
                    select {0}, {7}, x.email_key, r.contact_id, {2}, x.from_permission, {3}, r.source, r.channel, {8},
                           r.evidence
                      from (select * from changed union all select * from created) x join r on r.email_key = x.email_key
                    returning 1
                )
                select count(*)::int from events""",
                        val(accountId),
                        rows,
                        val(now),
                        val(UNSUBSCRIBED),
                        val(CONTACT),
                        val(ACCOUNT),
                        val(ConfirmStatus.OFF.wire()),
                        Ids.nextInSql(),
                        val(actor))
                .fetchSingle()
                .get(0, int.class));
    }

    /**
     * Makes the addresses bounced, creating the ones the account does not hold (not set, bounced),
     * each with a history note (channel {@code bounce}) that leaves its consent as it is; an address
     * bounced already is left alone. {@code rows} selects {@code email_key}, {@code bounced_at},
     * {@code bounce_reason}, {@code contact_id} and {@code evidence}. Answers the number of addresses
     * changed or created.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int bounce(UUID accountId, Select<? extends Record> rows, String actor, OffsetDateTime now) {
        return withHashJoins(() -> db.resultQuery(
                        """
                with r as (select * from ({1}) x),
                old as (select e.email_key, e.delivery_status from email_consent e
                         where e.account_id = {0} and e.email_key = any(array(select k.email_key from r k))),
                changed as (
                    update email_consent e
                       set delivery_status = {3}, bounced_at = r.bounced_at, bounce_reason = r.bounce_reason,
                           updated_at = {2}
                      from r join old o on o.email_key = r.email_key
                     where e.account_id = {0} and e.email_key = r.email_key and o.delivery_status <> {3}
                       and e.email_key = any(array(select k.email_key from r k))
                    returning e.email_key, e.permission_to_send
                ), created as (
                    insert into email_consent (account_id, email_key, permission_to_send, confirm_status, created_at,
                                               updated_at, delivery_status, bounced_at, bounce_reason)
                    select {0}, r.email_key, {4}, {5}, {2}, {2}, {3}, r.bounced_at, r.bounce_reason
                      from r
                     where not exists (select 1 from old o where o.email_key = r.email_key)
                        on conflict do nothing
                    returning email_key, permission_to_send
                ), events as (
                    insert into consent_event (account_id, event_id, email_key, contact_id, occurred_at,
                                               from_permission, to_permission, source, channel, actor, evidence)
                    select {0}, {6}, x.email_key, r.contact_id, {2}, x.permission_to_send, x.permission_to_send, {7},
                           {8}, {9}, r.evidence
                      from (select * from changed union all select * from created) x join r on r.email_key = x.email_key
                    returning 1
                )
                select count(*)::int from events""",
                        val(accountId),
                        rows,
                        val(now),
                        val(DeliveryStatus.BOUNCED.wire()),
                        val(Permission.NOT_SET.wire()),
                        val(ConfirmStatus.OFF.wire()),
                        Ids.nextInSql(),
                        val(ACCOUNT),
                        val(Channel.BOUNCE.wire()),
                        val(actor))
                .fetchSingle()
                .get(0, int.class));
    }

    /**
     * Runs a statement whose parts join the caller's rows to each other: the caller's rows were
     * decided in this transaction, statistics do not know them, so each part is estimated at one
     * row and the planner loops (5,000 x 5,000 comparisons a chunk: 6.8 s where hash joins take
     * 0.3 s). Every table is read by an index with {@code = any(array)} first, so hash joins are
     * right whatever the sizes. SET LOCAL is undone at the end, and by the transaction's end anyway.
     */
    private int withHashJoins(IntSupplier statement) {
        db.execute("set local enable_nestloop = off");
        try {
            return statement.getAsInt();
        } finally {
            db.execute("set local enable_nestloop to default");
        }
    }
}
