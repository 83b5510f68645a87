package io.audience.consent;

import static io.audience.db.Tables.CONSENT_EVENT;
import static io.audience.db.Tables.CONSENT_TEXT;
import static io.audience.db.Tables.EMAIL_CONSENT;

import io.audience.database.RenderedQuery;
import io.audience.db.tables.records.ConsentEventRecord;
import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ConsentRepository {

    private static final Field<Boolean> INSERTED = DSL.field("xmax = 0", Boolean.class);

    private final DSLContext db;
    private final RenderedQuery lockOrInsert;
    private final RenderedQuery save;
    private final RenderedQuery append;

    ConsentRepository(DSLContext db) {
        this.db = db;
        this.lockOrInsert = RenderedQuery.returning(
                db,
                db.insertInto(EMAIL_CONSENT)
                        .set(EMAIL_CONSENT.ACCOUNT_ID, DSL.param("account", EMAIL_CONSENT.ACCOUNT_ID))
                        .set(EMAIL_CONSENT.EMAIL_KEY, DSL.param("email", EMAIL_CONSENT.EMAIL_KEY))
                        .set(EMAIL_CONSENT.PERMISSION_TO_SEND, DSL.inline(Permission.NOT_SET.wire()))
                        .set(EMAIL_CONSENT.CONFIRM_STATUS, DSL.inline(ConfirmStatus.OFF.wire()))
                        .set(EMAIL_CONSENT.CREATED_AT, DSL.param("created", EMAIL_CONSENT.CREATED_AT))
                        .set(EMAIL_CONSENT.UPDATED_AT, DSL.param("updated", EMAIL_CONSENT.UPDATED_AT))
                        .onConflict(EMAIL_CONSENT.ACCOUNT_ID, EMAIL_CONSENT.EMAIL_KEY)
                        .doUpdate()
                        .set(EMAIL_CONSENT.UPDATED_AT, EMAIL_CONSENT.UPDATED_AT)
                        .returningResult(withInserted()),
                withInserted());
        this.append = RenderedQuery.write(db, appendShape(db));
        this.save = RenderedQuery.write(
                db,
                db.update(EMAIL_CONSENT)
                        .set(EMAIL_CONSENT.PERMISSION_TO_SEND, param(EMAIL_CONSENT.PERMISSION_TO_SEND))
                        .set(EMAIL_CONSENT.OPT_IN_SOURCE, param(EMAIL_CONSENT.OPT_IN_SOURCE))
                        .set(EMAIL_CONSENT.OPT_IN_DATE, param(EMAIL_CONSENT.OPT_IN_DATE))
                        .set(EMAIL_CONSENT.OPT_OUT_SOURCE, param(EMAIL_CONSENT.OPT_OUT_SOURCE))
                        .set(EMAIL_CONSENT.OPT_OUT_DATE, param(EMAIL_CONSENT.OPT_OUT_DATE))
                        .set(EMAIL_CONSENT.OPT_OUT_REASON, param(EMAIL_CONSENT.OPT_OUT_REASON))
                        .set(EMAIL_CONSENT.CONFIRM_STATUS, param(EMAIL_CONSENT.CONFIRM_STATUS))
                        .set(EMAIL_CONSENT.UPDATED_AT, param(EMAIL_CONSENT.UPDATED_AT))
                        .where(
                                EMAIL_CONSENT.ACCOUNT_ID.eq(param(EMAIL_CONSENT.ACCOUNT_ID)),
                                EMAIL_CONSENT.EMAIL_KEY.eq(param(EMAIL_CONSENT.EMAIL_KEY))));
    }

    /** Every change of consent writes one: rendered once, in the order {@link #append} gives the values. */
    private static org.jooq.Query appendShape(DSLContext db) {
        return db.insertInto(CONSENT_EVENT)
                .set(CONSENT_EVENT.ACCOUNT_ID, param(CONSENT_EVENT.ACCOUNT_ID))
                .set(CONSENT_EVENT.EVENT_ID, param(CONSENT_EVENT.EVENT_ID))
                .set(CONSENT_EVENT.EMAIL_KEY, param(CONSENT_EVENT.EMAIL_KEY))
                .set(CONSENT_EVENT.CONTACT_ID, param(CONSENT_EVENT.CONTACT_ID))
                .set(CONSENT_EVENT.OCCURRED_AT, param(CONSENT_EVENT.OCCURRED_AT))
                .set(CONSENT_EVENT.FROM_PERMISSION, param(CONSENT_EVENT.FROM_PERMISSION))
                .set(CONSENT_EVENT.TO_PERMISSION, param(CONSENT_EVENT.TO_PERMISSION))
                .set(CONSENT_EVENT.SOURCE, param(CONSENT_EVENT.SOURCE))
                .set(CONSENT_EVENT.CHANNEL, param(CONSENT_EVENT.CHANNEL))
                .set(CONSENT_EVENT.ACTOR, param(CONSENT_EVENT.ACTOR))
                .set(CONSENT_EVENT.IP, param(CONSENT_EVENT.IP))
                .set(CONSENT_EVENT.USER_AGENT, param(CONSENT_EVENT.USER_AGENT))
                .set(CONSENT_EVENT.EVIDENCE, param(CONSENT_EVENT.EVIDENCE))
                .set(CONSENT_EVENT.CONSENT_TEXT_ID, param(CONSENT_EVENT.CONSENT_TEXT_ID))
                .set(CONSENT_EVENT.PAGE_URL, param(CONSENT_EVENT.PAGE_URL))
                .set(CONSENT_EVENT.LIST_ID, param(CONSENT_EVENT.LIST_ID))
                .set(CONSENT_EVENT.FORM_ID, param(CONSENT_EVENT.FORM_ID))
                .set(CONSENT_EVENT.FORM_VERSION, param(CONSENT_EVENT.FORM_VERSION));
    }

    private static <T> org.jooq.Param<T> param(Field<T> field) {
        return DSL.param(field.getName(), field);
    }

    private static Field<?>[] withInserted() {
        Field<?>[] fields = java.util.Arrays.copyOf(EMAIL_CONSENT.fields(), EMAIL_CONSENT.fields().length + 1);
        fields[fields.length - 1] = INSERTED;
        return fields;
    }

    /** The address's state, and whether this call created its row. */
    record Locked(ConsentState state, boolean inserted) {}

    /**
     * Locks the address's row, creating it if it is new, in one statement (the upsert's no-op update
     * takes the row lock, as {@code for update} would). Concurrent callers wait here for the first to
     * commit. {@code xmax = 0} only on a row this statement inserted.
     */
    Locked lockOrInsert(UUID accountId, String emailKey, OffsetDateTime now) {
        Record r = lockOrInsert.fetch(db, accountId, emailKey, now, now).get(0);
        return new Locked(ConsentRecords.state(r), Boolean.TRUE.equals(r.get(INSERTED)));
    }

    Optional<ConsentState> find(UUID accountId, String emailKey) {
        return db.selectFrom(EMAIL_CONSENT)
                .where(EMAIL_CONSENT.ACCOUNT_ID.eq(accountId), EMAIL_CONSENT.EMAIL_KEY.eq(emailKey))
                .fetchOptional(ConsentRecords::state);
    }

    void save(UUID accountId, String emailKey, ConsentState state, OffsetDateTime now) {
        save.execute(
                db,
                state.permission().wire(),
                wire(state.optInSource()),
                state.optInDate(),
                wire(state.optOutSource()),
                state.optOutDate(),
                state.optOutReason(),
                state.confirmStatus().wire(),
                now,
                accountId,
                emailKey);
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
        Statement statement = event.statement();
        append.execute(
                db,
                accountId,
                event.eventId(),
                emailKey,
                event.contactId(),
                event.occurredAt(),
                event.from() == null ? null : event.from().wire(),
                event.to().wire(),
                event.source().wire(),
                event.channel().wire(),
                event.actor(),
                event.ip(),
                truncate(event.userAgent(), 512),
                event.evidence(),
                wording(accountId, event),
                statement == null ? null : statement.pageUrl(),
                event.listId(),
                statement == null ? null : statement.formId(),
                statement == null ? null : statement.formVersion());
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
