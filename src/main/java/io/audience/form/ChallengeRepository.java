package io.audience.form;

import static io.audience.db.Tables.FORM_CHALLENGE_SPENT;

import io.audience.scheduling.Retention;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The challenges already used: each solution buys one submission; expired ones are deleted. */
@Repository
class ChallengeRepository implements Retention {

    private final DSLContext db;

    ChallengeRepository(DSLContext db) {
        this.db = db;
    }

    /** False when the challenge was used before (the primary key decides, race-free). */
    @Transactional
    public boolean spend(String challenge, Instant expiresAt) {
        return db.insertInto(FORM_CHALLENGE_SPENT)
                        .set(FORM_CHALLENGE_SPENT.CHALLENGE, challenge)
                        .set(FORM_CHALLENGE_SPENT.EXPIRES_AT, OffsetDateTime.ofInstant(expiresAt, ZoneOffset.UTC))
                        .onConflictDoNothing()
                        .execute()
                == 1;
    }

    @Override
    public String describe() {
        return "used form challenges past their expiry";
    }

    @Override
    @Transactional
    public int purge(OffsetDateTime now) {
        return db.deleteFrom(FORM_CHALLENGE_SPENT)
                .where(FORM_CHALLENGE_SPENT.EXPIRES_AT.lt(now))
                .execute();
    }
}
