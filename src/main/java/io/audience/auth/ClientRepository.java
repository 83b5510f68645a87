package io.audience.auth;

import static io.audience.db.Tables.OAUTH_CLIENT;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Which account registered which app. */
@Repository
class ClientRepository {

    private final DSLContext db;

    ClientRepository(DSLContext db) {
        this.db = db;
    }

    void insert(UUID accountId, String clientId, String name, boolean isPublic, OffsetDateTime now) {
        db.insertInto(OAUTH_CLIENT)
                .set(OAUTH_CLIENT.ACCOUNT_ID, accountId)
                .set(OAUTH_CLIENT.CLIENT_ID, clientId)
                .set(OAUTH_CLIENT.NAME, name)
                .set(OAUTH_CLIENT.IS_PUBLIC, isPublic)
                .set(OAUTH_CLIENT.CREATED_AT, now)
                .execute();
    }

    Optional<String> nameOf(String clientId) {
        return db.select(OAUTH_CLIENT.NAME)
                .from(OAUTH_CLIENT)
                .where(OAUTH_CLIENT.CLIENT_ID.eq(clientId))
                .fetchOptional(OAUTH_CLIENT.NAME);
    }

    Optional<UUID> accountOf(String clientId) {
        return db.select(OAUTH_CLIENT.ACCOUNT_ID)
                .from(OAUTH_CLIENT)
                .where(OAUTH_CLIENT.CLIENT_ID.eq(clientId))
                .fetchOptional(OAUTH_CLIENT.ACCOUNT_ID);
    }
}
