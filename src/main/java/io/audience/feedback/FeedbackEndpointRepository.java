package io.audience.feedback;

import static io.audience.db.Tables.FEEDBACK_ENDPOINT;

import io.audience.db.tables.records.FeedbackEndpointRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class FeedbackEndpointRepository {

    /** An endpoint with its sealed secret, which never leaves this module. */
    record Stored(FeedbackEndpoint endpoint, @Nullable String secretSealed) {}

    private final DSLContext db;

    FeedbackEndpointRepository(DSLContext db) {
        this.db = db;
    }

    void insert(FeedbackEndpoint e, @Nullable String secretSealed) {
        db.insertInto(FEEDBACK_ENDPOINT)
                .set(FEEDBACK_ENDPOINT.ACCOUNT_ID, e.accountId())
                .set(FEEDBACK_ENDPOINT.ENDPOINT_ID, e.endpointId())
                .set(FEEDBACK_ENDPOINT.PROVIDER, e.provider().wire())
                .set(FEEDBACK_ENDPOINT.DESCRIPTION, e.description())
                .set(FEEDBACK_ENDPOINT.SECRET_SEALED, secretSealed)
                .set(FEEDBACK_ENDPOINT.PUBLIC_KEY, e.publicKey())
                .set(FEEDBACK_ENDPOINT.TOPIC_ARNS, e.topicArns().isEmpty() ? null : String.join(" ", e.topicArns()))
                .set(FEEDBACK_ENDPOINT.CREATED_AT, e.createdAt())
                .execute();
    }

    /** By its id alone: the public URL names no account. */
    Optional<Stored> find(UUID endpointId) {
        return db.selectFrom(FEEDBACK_ENDPOINT)
                .where(FEEDBACK_ENDPOINT.ENDPOINT_ID.eq(endpointId))
                .fetchOptional(FeedbackEndpointRepository::stored);
    }

    Optional<FeedbackEndpoint> find(UUID accountId, UUID endpointId) {
        return db.selectFrom(FEEDBACK_ENDPOINT)
                .where(FEEDBACK_ENDPOINT.ACCOUNT_ID.eq(accountId), FEEDBACK_ENDPOINT.ENDPOINT_ID.eq(endpointId))
                .fetchOptional(r -> stored(r).endpoint());
    }

    List<FeedbackEndpoint> all(UUID accountId) {
        return db.selectFrom(FEEDBACK_ENDPOINT)
                .where(FEEDBACK_ENDPOINT.ACCOUNT_ID.eq(accountId))
                .orderBy(FEEDBACK_ENDPOINT.CREATED_AT, FEEDBACK_ENDPOINT.ENDPOINT_ID)
                .fetch(r -> stored(r).endpoint());
    }

    boolean delete(UUID accountId, UUID endpointId) {
        return db.deleteFrom(FEEDBACK_ENDPOINT)
                        .where(FEEDBACK_ENDPOINT.ACCOUNT_ID.eq(accountId), FEEDBACK_ENDPOINT.ENDPOINT_ID.eq(endpointId))
                        .execute()
                == 1;
    }

    private static Stored stored(FeedbackEndpointRecord r) {
        String arns = r.getTopicArns();
        return new Stored(
                new FeedbackEndpoint(
                        r.getAccountId(),
                        r.getEndpointId(),
                        FeedbackEndpoint.Provider.fromWire(r.getProvider()),
                        r.getDescription(),
                        r.getPublicKey(),
                        arns == null ? List.of() : Arrays.asList(arns.split(" ")),
                        r.getCreatedAt()),
                r.getSecretSealed());
    }
}
