package io.audience.feedback;

import static org.jooq.impl.DSL.val;

import io.audience.identity.Ids;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.Select;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reports about many addresses at once (a suppression import), set-based: each is recorded once
 * per source and id, as {@link FeedbackService#record} does for one.
 */
@Repository
public class FeedbackInBulk {

    private final DSLContext db;

    FeedbackInBulk(DSLContext db) {
        this.db = db;
    }

    /** The kind of report a hard bounce is recorded as. */
    public static String hardBounce() {
        return FeedbackRepository.kind(Feedback.Kind.HARD_BOUNCE);
    }

    /** The kind of report a complaint is recorded as. */
    public static String complaint() {
        return FeedbackRepository.kind(Feedback.Kind.COMPLAINT);
    }

    /**
     * Records the reports of {@code source} that were not recorded before; the addresses must be
     * held by the account. {@code rows} selects {@code email_key}, {@code kind} ({@link #hardBounce}
     * or {@link #complaint}), {@code provider_event_id}, {@code diagnostic} and {@code occurred_at}.
     * Answers how many were new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int record(UUID accountId, Select<? extends Record> rows, String source, String actor, OffsetDateTime now) {
        return db.execute("""
                insert into feedback_event (account_id, event_id, email_key, kind, source, provider_event_id, mail_id,
                                            status, diagnostic, actor, occurred_at, received_at)
                select {0}, {2}, r.email_key, r.kind, {3}, r.provider_event_id, null, null, r.diagnostic, {4},
                       r.occurred_at, {5}
                  from ({1}) r
                    on conflict do nothing""", val(accountId), rows, Ids.nextInSql(), val(source), val(actor), val(now));
    }
}
