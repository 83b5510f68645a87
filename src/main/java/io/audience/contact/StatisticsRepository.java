package io.audience.contact;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.consent.DeliveryStatus;
import io.audience.consent.Permission;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Repository;

/** Counts for the console's dashboard, each read from an index range of one account. */
@Repository
class StatisticsRepository {

    private final DSLContext db;

    StatisticsRepository(DSLContext db) {
        this.db = db;
    }

    ContactsByState byState(UUID accountId) {
        // contact_deleted_ix holds deleted_at, so both counts come from the index alone.
        var contacts = db.select(DSL.count(), DSL.count(CONTACT.DELETED_AT))
                .from(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId))
                .fetchSingle();
        int active = contacts.value1() - contacts.value2();
        // Few addresses are unsubscribed or pending: start from them (email_consent_held_ix).
        Map<String, Integer> held = db.select(EMAIL_CONSENT.PERMISSION_TO_SEND, DSL.count())
                .from(EMAIL_CONSENT)
                .join(CONTACT)
                .on(CONTACT.ACCOUNT_ID.eq(EMAIL_CONSENT.ACCOUNT_ID), CONTACT.EMAIL_KEY.eq(EMAIL_CONSENT.EMAIL_KEY))
                .where(
                        EMAIL_CONSENT.ACCOUNT_ID.eq(accountId),
                        EMAIL_CONSENT.PERMISSION_TO_SEND.in(
                                Permission.UNSUBSCRIBED.wire(), Permission.PENDING_CONFIRMATION.wire()),
                        CONTACT.DELETED_AT.isNull())
                .groupBy(EMAIL_CONSENT.PERMISSION_TO_SEND)
                .fetchMap(EMAIL_CONSENT.PERMISSION_TO_SEND, DSL.count());
        return new ContactsByState(
                active,
                contacts.value2(),
                held.getOrDefault(Permission.UNSUBSCRIBED.wire(), 0),
                held.getOrDefault(Permission.PENDING_CONFIRMATION.wire(), 0),
                undeliverable(accountId),
                complained(accountId));
    }

    /** Bounced addresses of contacts not deleted; few, so from email_consent_undeliverable_ix. */
    private int undeliverable(UUID accountId) {
        return liveAddresses(accountId, EMAIL_CONSENT.DELIVERY_STATUS.eq(DeliveryStatus.BOUNCED.wire()));
    }

    /** Contacts not deleted whose person opted out by a spam complaint (from email_consent_held_ix). */
    private int complained(UUID accountId) {
        return liveAddresses(
                accountId,
                EMAIL_CONSENT
                        .PERMISSION_TO_SEND
                        .eq(Permission.UNSUBSCRIBED.wire())
                        .and(EMAIL_CONSENT.OPT_OUT_REASON.eq(io.audience.consent.ConsentPolicy.COMPLAINT)));
    }

    /** Addresses of the account in {@code state} that a contact not deleted has. */
    private int liveAddresses(UUID accountId, org.jooq.Condition state) {
        return db.fetchCount(db.select(EMAIL_CONSENT.EMAIL_KEY)
                .from(EMAIL_CONSENT)
                .join(CONTACT)
                .on(CONTACT.ACCOUNT_ID.eq(EMAIL_CONSENT.ACCOUNT_ID), CONTACT.EMAIL_KEY.eq(EMAIL_CONSENT.EMAIL_KEY))
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), state, CONTACT.DELETED_AT.isNull()));
    }

    /** Contacts created per UTC day since {@code since}, those since deleted included. */
    Map<LocalDate, Integer> createdPerDay(UUID accountId, OffsetDateTime since) {
        Field<LocalDate> day = utcDay(CONTACT.CREATED_AT);
        return db.select(day, DSL.count())
                .from(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CREATED_AT.ge(since))
                .groupBy(day)
                .fetchMap(day, DSL.count());
    }

    /** Contacts deleted per UTC day since {@code since} and still deleted (not restored, not erased). */
    Map<LocalDate, Integer> deletedPerDay(UUID accountId, OffsetDateTime since) {
        Field<LocalDate> day = utcDay(CONTACT.DELETED_AT);
        return db.select(day, DSL.count())
                .from(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.DELETED_AT.ge(since))
                .groupBy(day)
                .fetchMap(day, DSL.count());
    }

    Set<UUID> existing(UUID accountId, Collection<UUID> contactIds) {
        if (contactIds.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(db.select(CONTACT.CONTACT_ID)
                .from(CONTACT)
                .where(CONTACT.ACCOUNT_ID.eq(accountId), CONTACT.CONTACT_ID.in(contactIds))
                .fetch(CONTACT.CONTACT_ID));
    }

    /** The calendar day in UTC, whatever the session's time zone. */
    static Field<LocalDate> utcDay(Field<OffsetDateTime> at) {
        return DSL.field("cast(({0} at time zone 'UTC') as date)", SQLDataType.LOCALDATE, at);
    }
}
