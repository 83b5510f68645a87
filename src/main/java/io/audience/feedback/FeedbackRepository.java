package io.audience.feedback;

import static io.audience.db.Tables.FEEDBACK_EVENT;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class FeedbackRepository {

    static final String RESET = "reset";

    private final DSLContext db;

    FeedbackRepository(DSLContext db) {
        this.db = db;
    }

    /** Records a report; false when the same report (source and its id) was recorded before. */
    boolean insert(UUID accountId, String emailKey, Feedback f, String actor, OffsetDateTime now) {
        return insert(
                accountId,
                emailKey,
                kind(f.kind()),
                f.source(),
                f.providerEventId(),
                f.mailId(),
                f.status(),
                f.diagnostic(),
                actor,
                f.occurredAt(),
                now);
    }

    void insertReset(UUID accountId, String emailKey, String actor, String why, OffsetDateTime now) {
        UUID id = Ids.next();
        insert(accountId, emailKey, RESET, "account", id.toString(), null, null, why, actor, now, now);
    }

    private boolean insert(
            UUID accountId,
            String emailKey,
            String kind,
            String source,
            String providerEventId,
            @Nullable UUID mailId,
            @Nullable String status,
            @Nullable String diagnostic,
            String actor,
            OffsetDateTime occurredAt,
            OffsetDateTime now) {
        return db.insertInto(FEEDBACK_EVENT)
                        .set(FEEDBACK_EVENT.ACCOUNT_ID, accountId)
                        .set(FEEDBACK_EVENT.EVENT_ID, Ids.next())
                        .set(FEEDBACK_EVENT.EMAIL_KEY, emailKey)
                        .set(FEEDBACK_EVENT.KIND, kind)
                        .set(FEEDBACK_EVENT.SOURCE, source)
                        .set(FEEDBACK_EVENT.PROVIDER_EVENT_ID, cut(providerEventId, 255))
                        .set(FEEDBACK_EVENT.MAIL_ID, mailId)
                        .set(FEEDBACK_EVENT.STATUS, status == null ? null : cut(status, 32))
                        .set(FEEDBACK_EVENT.DIAGNOSTIC, diagnostic == null ? null : cut(diagnostic, 1000))
                        .set(FEEDBACK_EVENT.ACTOR, cut(actor, 255))
                        .set(FEEDBACK_EVENT.OCCURRED_AT, occurredAt)
                        .set(FEEDBACK_EVENT.RECEIVED_AT, now)
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    /** Soft bounces of the address that occurred since {@code since} and since its last reset. */
    int softBouncesSince(UUID accountId, String emailKey, OffsetDateTime since) {
        var lastReset = DSL.select(DSL.max(FEEDBACK_EVENT.OCCURRED_AT))
                .from(FEEDBACK_EVENT)
                .where(
                        FEEDBACK_EVENT.ACCOUNT_ID.eq(accountId),
                        FEEDBACK_EVENT.EMAIL_KEY.eq(emailKey),
                        FEEDBACK_EVENT.KIND.eq(RESET));
        return db.fetchCount(
                FEEDBACK_EVENT,
                FEEDBACK_EVENT.ACCOUNT_ID.eq(accountId),
                FEEDBACK_EVENT.EMAIL_KEY.eq(emailKey),
                FEEDBACK_EVENT.KIND.eq(kind(Feedback.Kind.SOFT_BOUNCE)),
                FEEDBACK_EVENT.OCCURRED_AT.ge(DSL.greatest(DSL.val(since), lastReset.asField())));
    }

    static String kind(Feedback.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
