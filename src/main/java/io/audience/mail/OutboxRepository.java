package io.audience.mail;

import static io.audience.db.Tables.OUTBOX_MAIL;

import io.audience.db.tables.records.OutboxMailRecord;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class OutboxRepository {

    static final String PENDING = "pending";
    static final String SENT = "sent";

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
                .set(OUTBOX_MAIL.ACTION_URL, mail.actionUrl())
                .set(OUTBOX_MAIL.UNSUBSCRIBE_URL, mail.unsubscribeUrl())
                .set(OUTBOX_MAIL.STATUS, PENDING)
                .set(OUTBOX_MAIL.ATTEMPTS, 0)
                .set(OUTBOX_MAIL.NEXT_ATTEMPT_AT, now)
                .set(OUTBOX_MAIL.CREATED_AT, now)
                .execute();
    }

    /** Due mail, locked; another worker (or instance) skips what this one holds. */
    List<QueuedMail> lockDue(OffsetDateTime now, int max) {
        return db.selectFrom(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.STATUS.eq(PENDING), OUTBOX_MAIL.NEXT_ATTEMPT_AT.le(now))
                .orderBy(OUTBOX_MAIL.NEXT_ATTEMPT_AT)
                .limit(max)
                .forUpdate()
                .skipLocked()
                .fetch(OutboxRepository::mail);
    }

    void markSent(QueuedMail mail, OffsetDateTime now) {
        db.update(OUTBOX_MAIL)
                .set(OUTBOX_MAIL.STATUS, SENT)
                .set(OUTBOX_MAIL.ATTEMPTS, mail.attempts() + 1)
                .set(OUTBOX_MAIL.SENT_AT, now)
                .setNull(OUTBOX_MAIL.LAST_ERROR)
                .where(OUTBOX_MAIL.ACCOUNT_ID.eq(mail.accountId()), OUTBOX_MAIL.MAIL_ID.eq(mail.mailId()))
                .execute();
    }

    void markFailed(QueuedMail mail, String error, OffsetDateTime retryAt) {
        db.update(OUTBOX_MAIL)
                .set(OUTBOX_MAIL.ATTEMPTS, mail.attempts() + 1)
                .set(OUTBOX_MAIL.LAST_ERROR, error.length() > 2000 ? error.substring(0, 2000) : error)
                .set(OUTBOX_MAIL.NEXT_ATTEMPT_AT, retryAt)
                .where(OUTBOX_MAIL.ACCOUNT_ID.eq(mail.accountId()), OUTBOX_MAIL.MAIL_ID.eq(mail.mailId()))
                .execute();
    }

    List<QueuedMail> recent(int max) {
        return db.selectFrom(OUTBOX_MAIL).orderBy(OUTBOX_MAIL.MAIL_ID.desc()).limit(max).fetch(OutboxRepository::mail);
    }

    /** Mail no longer pending: sent, or given up on (every status but pending), before {@code cutoff}. */
    int purgeFinishedBefore(OffsetDateTime cutoff) {
        return db.deleteFrom(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.STATUS.ne(PENDING), DSL.coalesce(OUTBOX_MAIL.SENT_AT, OUTBOX_MAIL.NEXT_ATTEMPT_AT)
                        .lt(cutoff))
                .execute();
    }

    void forget(UUID accountId, String emailKey) {
        db.deleteFrom(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.ACCOUNT_ID.eq(accountId), OUTBOX_MAIL.EMAIL_KEY.eq(emailKey))
                .execute();
    }

    private static QueuedMail mail(OutboxMailRecord r) {
        return new QueuedMail(r.getAccountId(), r.getMailId(), r.getKind(), r.getFromAddress(), r.getToAddress(),
                r.getSubject(), r.getBody(), r.getActionUrl(), r.getUnsubscribeUrl(), r.getStatus(), r.getAttempts(),
                r.getNextAttemptAt(), r.getLastError(), r.getCreatedAt(), r.getSentAt());
    }
}
