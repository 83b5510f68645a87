package io.audience.consent;

import static io.audience.db.Tables.CONSENT_EVENT;
import static io.audience.db.Tables.CONSENT_TEXT;
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

    Delivery delivery(UUID accountId, String emailKey) {
        return db.selectFrom(EMAIL_CONSENT)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey))
                .fetchOptional(ConsentRecords::delivery)
                .orElse(Delivery.DELIVERABLE);
    }

    void saveDelivery(UUID accountId, String emailKey, Delivery delivery, OffsetDateTime now) {
        db.update(EMAIL_CONSENT)
                .set(EMAIL_CONSENT.DELIVERY_STATUS, delivery.status().wire())
                .set(EMAIL_CONSENT.BOUNCED_AT, delivery.bouncedAt())
                .set(EMAIL_CONSENT.BOUNCE_REASON, delivery.bounceReason())
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
                .set(CONSENT_EVENT.CONSENT_TEXT_ID, wording(accountId, event))
                .set(
                        CONSENT_EVENT.PAGE_URL,
                        event.statement() == null ? null : event.statement().pageUrl())
                .set(CONSENT_EVENT.LIST_ID, event.listId())
                .set(
                        CONSENT_EVENT.FORM_ID,
                        event.statement() == null ? null : event.statement().formId())
                .set(
                        CONSENT_EVENT.FORM_VERSION,
                        event.statement() == null ? null : event.statement().formVersion())
                .execute();
    }

    /**
     * The id of the event's wording, stored once per account: a form shows the same text to
     * thousands of people, and the history must still say, years later, which text each one saw.
     */
    private @Nullable UUID wording(UUID accountId, ConsentEvent event) {
        String text = event.statement() == null ? null : event.statement().consentText();
        if (text == null) {
            return null;
        }
        String sha256 = sha256(text);
        db.insertInto(CONSENT_TEXT)
                .set(CONSENT_TEXT.ACCOUNT_ID, accountId)
                .set(CONSENT_TEXT.CONSENT_TEXT_ID, Ids.next())
                .set(CONSENT_TEXT.SHA256, sha256)
                .set(CONSENT_TEXT.BODY, text)
                .set(CONSENT_TEXT.CREATED_AT, event.occurredAt())
                .onConflictDoNothing()
                .execute();
        return db.select(CONSENT_TEXT.CONSENT_TEXT_ID)
                .from(CONSENT_TEXT)
                .where(CONSENT_TEXT.ACCOUNT_ID.eq(accountId), CONSENT_TEXT.SHA256.eq(sha256))
                .fetchSingle(CONSENT_TEXT.CONSENT_TEXT_ID);
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
        return db.select(CONSENT_EVENT.asterisk(), CONSENT_TEXT.BODY)
                .from(CONSENT_EVENT)
                .leftJoin(CONSENT_TEXT)
                .on(
                        CONSENT_TEXT.ACCOUNT_ID.eq(CONSENT_EVENT.ACCOUNT_ID),
                        CONSENT_TEXT.CONSENT_TEXT_ID.eq(CONSENT_EVENT.CONSENT_TEXT_ID))
                .where(CONSENT_EVENT.ACCOUNT_ID.eq(accountId), CONSENT_EVENT.EMAIL_KEY.eq(emailKey))
                .orderBy(CONSENT_EVENT.EVENT_ID)
                .fetch(r -> event(r.into(CONSENT_EVENT), r.get(CONSENT_TEXT.BODY)));
    }

    /** An event as stored; {@code wording} is its consent text when the caller read it (null: not read). */
    static ConsentEvent event(ConsentEventRecord r, @Nullable String wording) {
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
                r.getEvidence(),
                wording == null && r.getPageUrl() == null && r.getFormId() == null
                        ? null
                        : new Statement(wording, r.getPageUrl(), r.getFormId(), r.getFormVersion()),
                r.getListId());
    }

    static UUID newEventId() {
        return Ids.next();
    }

    private static @Nullable String wire(@Nullable Source source) {
        return source == null ? null : source.wire();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }

    private static @Nullable String truncate(@Nullable String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
