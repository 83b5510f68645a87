package io.audience.consent;

import static io.audience.db.Tables.SUPPRESSION;

import io.audience.database.RenderedQuery;
import io.audience.identity.InstallationSecretRepository;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Erased addresses that had opted out, kept only as keyed hashes. */
@Repository
class SuppressionRepository {

    record Suppression(Source optOutSource, OffsetDateTime optedOutAt) {}

    private final DSLContext db;
    private final InstallationSecretRepository secrets;
    private final RenderedQuery take;

    SuppressionRepository(DSLContext db, InstallationSecretRepository secrets) {
        this.db = db;
        this.secrets = secrets;
        // Every address new to its account is looked up here (a sign-up's, among others): rendered once.
        this.take = RenderedQuery.returning(
                db,
                db.deleteFrom(SUPPRESSION)
                        .where(
                                SUPPRESSION.ACCOUNT_ID.eq(DSL.param("account", SUPPRESSION.ACCOUNT_ID)),
                                SUPPRESSION.FINGERPRINT.eq(DSL.param("fingerprint", SUPPRESSION.FINGERPRINT)))
                        .returning(SUPPRESSION.OPT_OUT_SOURCE, SUPPRESSION.OPTED_OUT_AT),
                SUPPRESSION.OPT_OUT_SOURCE,
                SUPPRESSION.OPTED_OUT_AT);
    }

    void add(UUID accountId, String emailKey, Source optOutSource, OffsetDateTime optedOutAt, OffsetDateTime now) {
        db.insertInto(SUPPRESSION)
                .set(SUPPRESSION.ACCOUNT_ID, accountId)
                .set(SUPPRESSION.FINGERPRINT, fingerprint(accountId, emailKey))
                .set(SUPPRESSION.OPT_OUT_SOURCE, optOutSource.wire())
                .set(SUPPRESSION.OPTED_OUT_AT, optedOutAt)
                .set(SUPPRESSION.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
    }

    /** Removes and returns the address's suppression: its state moves back into the address's row. */
    Optional<Suppression> take(UUID accountId, String emailKey) {
        return take.fetch(db, accountId, fingerprint(accountId, emailKey)).stream()
                .findFirst()
                .map(r -> new Suppression(
                        Source.fromWire("opt_out_source", r.get(SUPPRESSION.OPT_OUT_SOURCE)),
                        r.get(SUPPRESSION.OPTED_OUT_AT)));
    }

    private String fingerprint(UUID accountId, String emailKey) {
        return HexFormat.of().formatHex(secrets.hmac("suppression", accountId + "|" + SuppressionForm.of(emailKey)));
    }

    /** The same fingerprints, for many addresses of one account on one thread. */
    java.util.function.Function<String, String> fingerprints(UUID accountId) {
        java.util.function.Function<String, byte[]> hmac = secrets.hmacs("suppression");
        return emailKey -> HexFormat.of().formatHex(hmac.apply(accountId + "|" + SuppressionForm.of(emailKey)));
    }
}
