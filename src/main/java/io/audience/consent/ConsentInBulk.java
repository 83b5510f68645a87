package io.audience.consent;

import static io.audience.db.Tables.CONSENT_EVENT;
import static io.audience.db.Tables.EMAIL_CONSENT;
import static org.jooq.impl.DSL.val;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Record1;
import org.jooq.Select;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent of many addresses at once, set-based, for a bulk import: one statement per call, with
 * the rules of {@link ConsentService} for one address. The caller passes its rows as a jOOQ
 * {@link Select} with the fields each method names, and never writes these tables itself.
 */
@Repository
public class ConsentInBulk {

    private final DSLContext db;

    ConsentInBulk(DSLContext db) {
        this.db = db;
    }

    /** How many addresses {@link #createNew} created, by their first state. */
    public record Created(int initial, int restored) {}

    /**
     * Creates the addresses that the account does not have yet, each with its first event:
     * {@link ConsentPolicy#initial} by the account, or, when the address was erased after an
     * opt-out, {@link ConsentPolicy#suppressed} as its fingerprint remembers (the suppression is
     * then used up). Addresses the account has are left alone. {@code rows} selects, one row per
     * address: {@code email_key}, {@code fingerprint} (from {@link ConsentService#suppressionFingerprints}),
     * {@code contact_id} (the contact the address is for, kept in its history) and {@code evidence}
     * (of the first event, unless restored).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Created createNew(UUID accountId, Select<? extends Record> rows, Actor actor, OffsetDateTime now) {
        ConsentState initial = ConsentPolicy.initial(actor.source(), now);
        Permission suppressed = ConsentPolicy.suppressed(Source.CONTACT, now).permission();
        Record counts = db.resultQuery(
                        """
                with fresh as (
                    select r.email_key, r.fingerprint, r.contact_id, r.evidence, s.opted_out_at, s.opt_out_source
                      from ({1}) r
                      left join suppression s on s.account_id = {0} and s.fingerprint = r.fingerprint
                     where not exists (select 1 from email_consent c
                                        where c.account_id = {0} and c.email_key = r.email_key
                                          and c.email_key = any(array(select k.email_key from ({1}) k)))
                     order by r.email_key
                ), created as (
                    insert into email_consent (account_id, email_key, permission_to_send, opt_in_source, opt_in_date,
                                               opt_out_source, opt_out_date, confirm_status, created_at, updated_at)
                    select {0}, email_key,
                           case when opted_out_at is null then {3} else {4} end,
                           case when opted_out_at is null then {5} end,
                           case when opted_out_at is null then {6} end,
                           case when opted_out_at is null then null else opt_out_source end,
                           opted_out_at, {7}, {2}, {2}
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
                    select {0}, {8}, c.email_key, f.contact_id, {2}, null, c.permission_to_send, {9}, {10}, {11},
                           case when c.opt_out_date is null then f.evidence
                                else {12} || to_char(c.opt_out_date at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') end
                      from created c join fresh f on f.email_key = c.email_key
                    returning to_permission
                )
                select (count(*) filter (where to_permission = {3}))::int,
                       (count(*) filter (where to_permission <> {3}))::int
                  from events""",
                        val(accountId),
                        rows,
                        val(now),
                        val(initial.permission().wire()),
                        val(suppressed.wire()),
                        val(
                                initial.optInSource() == null
                                        ? null
                                        : initial.optInSource().wire()),
                        val(initial.optInDate()),
                        val(initial.confirmStatus().wire()),
                        Ids.nextInSql(),
                        val(actor.source().wire()),
                        val(actor.channel().wire()),
                        val(actor.actor()),
                        val(ConsentPolicy.RESTORED_FROM_SUPPRESSION))
                .fetchSingle();
        return new Created(counts.get(0, int.class), counts.get(1, int.class));
    }

    /** Whether the person left the list on their preference page: no account write may put the address back on it. */
    public org.jooq.Condition leftList(UUID accountId, org.jooq.Field<String> emailKey, UUID listId) {
        return ListOptOutRepository.leftList(accountId, emailKey, org.jooq.impl.DSL.inline(listId));
    }

    /** Whether the person opted out of the address themselves: no account write may then change it or add it to lists. */
    public org.jooq.Condition optedOutByContact(UUID accountId, org.jooq.Field<String> emailKey) {
        return org.jooq.impl.DSL.exists(org.jooq
                .impl
                .DSL
                .selectOne()
                .from(EMAIL_CONSENT)
                .where(
                        EMAIL_CONSENT.ACCOUNT_ID.eq(accountId),
                        EMAIL_CONSENT.EMAIL_KEY.eq(emailKey),
                        EMAIL_CONSENT.OPT_OUT_SOURCE.eq(Source.CONTACT.wire())));
    }

    /** Whether the address got its first history entry at {@code at}: it was created then (by {@link #createNew}). */
    public org.jooq.Condition firstRecordedAt(UUID accountId, org.jooq.Field<String> emailKey, OffsetDateTime at) {
        return org.jooq.impl.DSL.exists(org.jooq
                .impl
                .DSL
                .selectOne()
                .from(CONSENT_EVENT)
                .where(
                        CONSENT_EVENT.ACCOUNT_ID.eq(accountId),
                        CONSENT_EVENT.EMAIL_KEY.eq(emailKey),
                        CONSENT_EVENT.OCCURRED_AT.eq(at),
                        CONSENT_EVENT.FROM_PERMISSION.isNull()));
    }

    /**
     * Locks the addresses as {@link ConsentService#lock} does, in key order, as every writer of one
     * address takes its lock first, so no two bulk writers deadlock. {@code keys} selects email keys.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(UUID accountId, Select<? extends Record1<String>> keys) {
        db.resultQuery("""
                select count(*) from (
                    select 1 from email_consent e
                     where e.account_id = {0} and e.email_key = any(array({1}))
                     order by e.email_key
                       for update of e) locked""", val(accountId), keys).fetch();
    }
}
