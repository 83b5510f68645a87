package io.audience.auth;

import static io.audience.db.Tables.OAUTH2_REGISTERED_CLIENT;
import static io.audience.db.Tables.OAUTH_CLIENT;

import java.time.OffsetDateTime;
import java.util.List;
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

    record Row(String clientId, String name, boolean isPublic, OffsetDateTime createdAt) {}

    List<Row> ofAccount(UUID accountId) {
        return db.select(OAUTH_CLIENT.CLIENT_ID, OAUTH_CLIENT.NAME, OAUTH_CLIENT.IS_PUBLIC, OAUTH_CLIENT.CREATED_AT)
                .from(OAUTH_CLIENT)
                .where(OAUTH_CLIENT.ACCOUNT_ID.eq(accountId))
                .orderBy(OAUTH_CLIENT.CREATED_AT, OAUTH_CLIENT.CLIENT_ID)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Deletes the app (its registration with the authorization server too); false when the account has no such app. */
    boolean delete(UUID accountId, String clientId) {
        int deleted = db.deleteFrom(OAUTH_CLIENT)
                .where(OAUTH_CLIENT.ACCOUNT_ID.eq(accountId), OAUTH_CLIENT.CLIENT_ID.eq(clientId))
                .execute();
        if (deleted == 0) {
            return false;
        }
        db.deleteFrom(OAUTH2_REGISTERED_CLIENT)
                .where(OAUTH2_REGISTERED_CLIENT.CLIENT_ID.eq(clientId))
                .execute();
        return true;
    }
}
