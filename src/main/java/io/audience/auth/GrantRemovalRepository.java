package io.audience.auth;

import static io.audience.db.Tables.OAUTH2_AUTHORIZATION;
import static io.audience.db.Tables.OAUTH2_AUTHORIZATION_CONSENT;
import static io.audience.db.Tables.OAUTH_USED_REFRESH_TOKEN;

import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/**
 * Ends every grant of an app or of a user at once: the grants (their access tokens are refused at
 * the next call, since each call checks its grant still stands), the consents that would let the
 * app skip the consent page, and the record of the grants' used refresh tokens.
 */
@Repository
class GrantRemovalRepository {

    private final DSLContext db;

    GrantRemovalRepository(DSLContext db) {
        this.db = db;
    }

    void deleteOfApp(String registeredClientId) {
        delete(OAUTH2_AUTHORIZATION.REGISTERED_CLIENT_ID.eq(registeredClientId));
        db.deleteFrom(OAUTH2_AUTHORIZATION_CONSENT)
                .where(OAUTH2_AUTHORIZATION_CONSENT.REGISTERED_CLIENT_ID.eq(registeredClientId))
                .execute();
    }

    void deleteOfUser(String principalName) {
        delete(OAUTH2_AUTHORIZATION.PRINCIPAL_NAME.eq(principalName));
        db.deleteFrom(OAUTH2_AUTHORIZATION_CONSENT)
                .where(OAUTH2_AUTHORIZATION_CONSENT.PRINCIPAL_NAME.eq(principalName))
                .execute();
    }

    private void delete(Condition grants) {
        db.deleteFrom(OAUTH_USED_REFRESH_TOKEN)
                .where(OAUTH_USED_REFRESH_TOKEN.AUTHORIZATION_ID.in(db.select(OAUTH2_AUTHORIZATION.ID)
                        .from(OAUTH2_AUTHORIZATION)
                        .where(grants)))
                .execute();
        db.deleteFrom(OAUTH2_AUTHORIZATION).where(grants).execute();
    }
}
