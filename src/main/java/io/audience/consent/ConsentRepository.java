package io.audience.consent;

import static io.audience.db.Tables.CONSENT_EVENT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.db.tables.records.ConsentEventRecord;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ConsentRepository {

    private final DSLContext db;

    ConsentRepository(DSLContext db) {
        this.db = db;
    }

    /** Creates the address's row if it is new; concurrent callers wait here for the first to commit. */
    boolean insertIfAbsent(UUID accountId, String emailKey, OffsetDateTime now) {
        return db.insertInto(EMAIL_CONSENT)
                        .set(EMAIL_CONSENT.ACCOUNT_ID, accountId)
                        .set(EMAIL_CONSENT.EMAIL_KEY, emailKey)
                        .set(EMAIL_CONSENT.PERMISSION_TO_SEND, Permission.NOT_SET.wire())
                        .set(EMAIL_CONSENT.CONFIRM_STATUS, ConfirmStatus.OFF.wire())
                        .set(EMAIL_CONSENT.CREATED_AT, now)
                        .set(EMAIL_CONSENT.UPDATED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    ConsentState lock(UUID accountId, String emailKey) {
        return db.selectFrom(EMAIL_CONSENT)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey))
                .forUpdate()
                .fetchSingle(ConsentRecords::state);
    }

    Optional<ConsentState> find(UUID accountId, String emailKey) {
        return db.selectFrom(EMAIL_CONSENT)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey))
                .fetchOptional(ConsentRecords::state);
    }

    void save(UUID accountId, String emailKey, ConsentState state, OffsetDateTime now) {
        db.update(EMAIL_CONSENT)
                .set(EMAIL_CONSENT.PERMISSION_TO_SEND, state.permission().wire())
                .set(EMAIL_CONSENT.OPT_IN_SOURCE, wire(state.optInSource()))
                .set(EMAIL_CONSENT.OPT_IN_DATE, state.optInDate())
                .set(EMAIL_CONSENT.OPT_OUT_SOURCE, wire(state.optOutSource()))
                .set(EMAIL_CONSENT.OPT_OUT_DATE, state.optOutDate())
                .set(EMAIL_CONSENT.OPT_OUT_REASON, state.optOutReason())
                .set(EMAIL_CONSENT.CONFIRM_STATUS, state.confirmStatus().wire())
                .set(EMAIL_CONSENT.UPDATED_AT, now)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey))
                .execute();
    }

    void append(UUID accountId, String emailKey, ConsentEvent event) {
        db.insertInto(CONSENT_EVENT)
                .set(CONSENT_EVENT.ACCOUNT_ID, accountId)
                .set(CONSENT_EVENT.EVENT_ID, event.eventId())
                .set(CONSENT_EVENT.EMAIL_KEY, emailKey)
                .set(CONSENT_EVENT.CONTACT_ID, event.contactId())
                .set(CONSENT_EVENT.OCCURRED_AT, event.occurredAt())
                .set(
                        CONSENT_EVENT.FROM_PERMISSION,
                        event.from() == null ? null : event.from().wire())
                .set(CONSENT_EVENT.TO_PERMISSION, event.to().wire())
                .set(CONSENT_EVENT.SOURCE, event.source().wire())
                .set(CONSENT_EVENT.CHANNEL, event.channel().wire())
                .set(CONSENT_EVENT.ACTOR, event.actor())
                .set(CONSENT_EVENT.IP, event.ip())
                .set(CONSENT_EVENT.USER_AGENT, truncate(event.userAgent(), 512))
                .set(CONSENT_EVENT.EVIDENCE, event.evidence())
                .execute();
    }

    /** Erase: the address's row and every event of its history. */
    void delete(UUID accountId, String emailKey) {
        db.deleteFrom(CONSENT_EVENT)
                .where(CONSENT_EVENT.ACCOUNT_ID.eq(accountId), CONSENT_EVENT.EMAIL_KEY.eq(emailKey))
                .execute();
        db.deleteFrom(EMAIL_CONSENT)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey))
                .execute();
    }

    /** The addresses whose history names the contact: its current one and those it had before. */
    List<String> addressesOf(UUID accountId, UUID contactId) {
        return db.selectDistinct(CONSENT_EVENT.EMAIL_KEY)
                .from(CONSENT_EVENT)
                .where(CONSENT_EVENT.ACCOUNT_ID.eq(accountId), CONSENT_EVENT.CONTACT_ID.eq(contactId))
                .fetch(CONSENT_EVENT.EMAIL_KEY);
    }

    List<ConsentEvent> history(UUID accountId, String emailKey) {
        return db.selectFrom(CONSENT_EVENT)
                .where(CONSENT_EVENT.ACCOUNT_ID.eq(accountId), CONSENT_EVENT.EMAIL_KEY.eq(emailKey))
                .orderBy(CONSENT_EVENT.EVENT_ID)
                .fetch(ConsentRepository::event);
    }

    static ConsentEvent event(ConsentEventRecord r) {
        return new ConsentEvent(
                r.getEventId(),
                r.getOccurredAt(),
                r.getContactId(),
                r.getFromPermission() == null ? null : Permission.fromWire("from", r.getFromPermission()),
                Permission.fromWire("to", r.getToPermission()),
                Source.fromWire("source", r.getSource()),
                Channel.valueOf(r.getChannel().toUpperCase(java.util.Locale.ROOT)),
                r.getActor(),
                r.getIp(),
                r.getUserAgent(),
                r.getEvidence());
    }

    static UUID newEventId() {
        return Ids.next();
    }

    private static @Nullable String wire(@Nullable Source source) {
        return source == null ? null : source.wire();
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
