package io.audience.mail;

import static io.audience.db.Tables.OUTBOX_MAIL;

import io.audience.db.tables.records.OutboxMailRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    static final String PENDING = "pending";
    static final String SENT = "sent";
    static final String FAILED = "failed";

    private final DSLContext db;

    OutboxRepository(DSLContext db) {
        this.db = db;
    }

    void insert(UUID mailId, OutgoingMail mail, OffsetDateTime now) {
        db.insertInto(OUTBOX_MAIL)
                .set(OUTBOX_MAIL.ACCOUNT_ID, mail.accountId())
                .set(OUTBOX_MAIL.MAIL_ID, mailId)
                .set(OUTBOX_MAIL.EMAIL_KEY, mail.emailKey())
                .set(OUTBOX_MAIL.KIND, mail.kind())
                .set(OUTBOX_MAIL.FROM_ADDRESS, mail.from())
                .set(OUTBOX_MAIL.TO_ADDRESS, mail.to())
                .set(OUTBOX_MAIL.SUBJECT, mail.subject())
                .set(OUTBOX_MAIL.BODY, mail.body())
                .set(OUTBOX_MAIL.HTML_BODY, mail.htmlBody())
                .set(OUTBOX_MAIL.ACTION_URL, mail.actionUrl())
                .set(OUTBOX_MAIL.UNSUBSCRIBE_URL, mail.unsubscribeUrl())
                .set(OUTBOX_MAIL.STATUS, PENDING)
                .set(OUTBOX_MAIL.ATTEMPTS, 0)
                .set(OUTBOX_MAIL.NEXT_ATTEMPT_AT, now)
                .set(OUTBOX_MAIL.CREATED_AT, now)
                .execute();
    }

    /**
     * Claims the next due mail for {@code claim} until {@code until}, in one statement: rows another
     * worker (or instance) is claiming are skipped, and a claim that was never recorded (its worker
     * died) lets the mail become due again once it has expired.
     */
    Optional<QueuedMail> claimNext(OffsetDateTime now, UUID claim, OffsetDateTime until) {
        var due = db.select(OUTBOX_MAIL.ACCOUNT_ID, OUTBOX_MAIL.MAIL_ID)
                .from(OUTBOX_MAIL)
                .where(
                        OUTBOX_MAIL.STATUS.eq(PENDING),
                        OUTBOX_MAIL.NEXT_ATTEMPT_AT.le(now),
                        OUTBOX_MAIL.CLAIMED_UNTIL.isNull().or(OUTBOX_MAIL.CLAIMED_UNTIL.le(now)))
                .orderBy(OUTBOX_MAIL.NEXT_ATTEMPT_AT)
                .limit(1)
                .forUpdate()
                .skipLocked();
        return db.update(OUTBOX_MAIL)
                .set(OUTBOX_MAIL.CLAIMED_BY, claim)
                .set(OUTBOX_MAIL.CLAIMED_UNTIL, until)
                .where(DSL.row(OUTBOX_MAIL.ACCOUNT_ID, OUTBOX_MAIL.MAIL_ID).in(due))
                .returning()
                .fetchOptional()
                .map(OutboxRepository::mail);
    }

    /** Records a send; false when the claim was no longer this worker's (it expired and was taken). */
    boolean markSent(QueuedMail mail, UUID claim, OffsetDateTime now) {
        return db.update(OUTBOX_MAIL)
                        .set(OUTBOX_MAIL.STATUS, SENT)
                        .set(OUTBOX_MAIL.ATTEMPTS, OUTBOX_MAIL.ATTEMPTS.plus(1))
                        .set(OUTBOX_MAIL.SENT_AT, now)
                        .setNull(OUTBOX_MAIL.LAST_ERROR)
                        .setNull(OUTBOX_MAIL.REPLY_CODE)
                        .setNull(OUTBOX_MAIL.CLAIMED_BY)
                        .setNull(OUTBOX_MAIL.CLAIMED_UNTIL)
                        .where(claimed(mail, claim))
                        .execute()
                == 1;
    }

    /** Records a failed attempt: retried at {@code retryAt}, or, when {@code retryAt} is null, given up on. */
    boolean markFailed(
            QueuedMail mail,
            UUID claim,
            @Nullable Integer replyCode,
            String error,
            @Nullable OffsetDateTime retryAt,
            OffsetDateTime now) {
        return db.update(OUTBOX_MAIL)
                        .set(OUTBOX_MAIL.STATUS, retryAt == null ? FAILED : PENDING)
                        .set(OUTBOX_MAIL.ATTEMPTS, OUTBOX_MAIL.ATTEMPTS.plus(1))
                        .set(OUTBOX_MAIL.LAST_ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                        .set(OUTBOX_MAIL.REPLY_CODE, replyCode)
                        .set(OUTBOX_MAIL.NEXT_ATTEMPT_AT, retryAt == null ? now : retryAt)
                        .setNull(OUTBOX_MAIL.CLAIMED_BY)
                        .setNull(OUTBOX_MAIL.CLAIMED_UNTIL)
                        .where(claimed(mail, claim))
                        .execute()
                == 1;
    }

    private static org.jooq.Condition claimed(QueuedMail mail, UUID claim) {
        return OUTBOX_MAIL
                .ACCOUNT_ID
                .eq(mail.accountId())
                .and(OUTBOX_MAIL.MAIL_ID.eq(mail.mailId()))
                .and(OUTBOX_MAIL.CLAIMED_BY.eq(claim));
    }

    Optional<Outbox.Recipient> recipient(UUID mailId) {
        return db.select(OUTBOX_MAIL.ACCOUNT_ID, OUTBOX_MAIL.MAIL_ID, OUTBOX_MAIL.EMAIL_KEY, OUTBOX_MAIL.KIND)
                .from(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.MAIL_ID.eq(mailId))
                .limit(1)
                .fetchOptional(r -> new Outbox.Recipient(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    List<QueuedMail> recent(int max) {
        return db.selectFrom(OUTBOX_MAIL)
                .orderBy(OUTBOX_MAIL.MAIL_ID.desc())
                .limit(max)
                .fetch(OutboxRepository::mail);
    }

    /** Mail of every account waiting to be sent, or sent again, for the installation's gauge. */
    long pendingCount() {
        return db.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.STATUS.eq(PENDING));
    }

    /** Mail no longer pending: sent, or given up on (every status but pending), before {@code cutoff}. */
    int purgeFinishedBefore(OffsetDateTime cutoff) {
        return db.deleteFrom(OUTBOX_MAIL)
                .where(
                        OUTBOX_MAIL.STATUS.ne(PENDING),
                        DSL.coalesce(OUTBOX_MAIL.SENT_AT, OUTBOX_MAIL.NEXT_ATTEMPT_AT)
                                .lt(cutoff))
                .execute();
    }

    void forget(UUID accountId, String emailKey) {
        db.deleteFrom(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.ACCOUNT_ID.eq(accountId), OUTBOX_MAIL.EMAIL_KEY.eq(emailKey))
                .execute();
    }

    private static QueuedMail mail(OutboxMailRecord r) {
        return new QueuedMail(
                r.getAccountId(),
                r.getMailId(),
                r.getEmailKey(),
                r.getKind(),
                r.getFromAddress(),
                r.getToAddress(),
                r.getSubject(),
                r.getBody(),
                r.getHtmlBody(),
                r.getActionUrl(),
                r.getUnsubscribeUrl(),
                r.getStatus(),
                r.getAttempts(),
                r.getNextAttemptAt(),
                r.getLastError(),
                r.getReplyCode(),
                r.getCreatedAt(),
                r.getSentAt());
    }
}
