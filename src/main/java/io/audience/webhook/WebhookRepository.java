package io.audience.webhook;

import static io.audience.db.Tables.WEBHOOK;

import io.audience.db.tables.records.WebhookRecord;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class WebhookRepository {

    /** The sealed secrets that sign a delivery now: the current one, and the previous one until its day is over. */
    record Secrets(String current, @Nullable String previous) {}

    private final DSLContext db;

    WebhookRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Webhook webhook, String sealedSecret) {
        db.insertInto(WEBHOOK)
                .set(WEBHOOK.ACCOUNT_ID, webhook.accountId())
                .set(WEBHOOK.WEBHOOK_ID, webhook.webhookId())
                .set(WEBHOOK.URL, webhook.url())
                .set(WEBHOOK.EVENTS, webhook.events().toArray(String[]::new))
                .set(WEBHOOK.DESCRIPTION, webhook.description())
                .set(WEBHOOK.ENABLED, webhook.enabled())
                .set(WEBHOOK.SECRET_SEALED, sealedSecret)
                .set(WEBHOOK.CREATED_AT, webhook.createdAt())
                .set(WEBHOOK.UPDATED_AT, webhook.updatedAt())
                .execute();
    }

    /** Replaces what the account writes; enabling again clears why it was disabled and its failures. */
    boolean update(UUID accountId, UUID webhookId, Webhook.Input input, OffsetDateTime now) {
        var update = db.update(WEBHOOK)
                .set(WEBHOOK.URL, input.url())
                .set(WEBHOOK.EVENTS, input.events().toArray(String[]::new))
                .set(WEBHOOK.DESCRIPTION, input.description())
                .set(WEBHOOK.ENABLED, input.enabled())
                .set(WEBHOOK.UPDATED_AT, now);
        if (input.enabled()) {
            update = update.set(WEBHOOK.DISABLED_REASON, (String) null)
                    .set(WEBHOOK.FAILING_SINCE, (OffsetDateTime) null);
        }
        return update.where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.WEBHOOK_ID.eq(webhookId))
                        .execute()
                == 1;
    }

    void rotate(UUID accountId, UUID webhookId, String sealedSecret, OffsetDateTime previousUntil, OffsetDateTime now) {
        db.update(WEBHOOK)
                .set(WEBHOOK.PREVIOUS_SECRET_SEALED, WEBHOOK.SECRET_SEALED)
                .set(WEBHOOK.PREVIOUS_SECRET_UNTIL, previousUntil)
                .set(WEBHOOK.SECRET_SEALED, sealedSecret)
                .set(WEBHOOK.UPDATED_AT, now)
                .where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.WEBHOOK_ID.eq(webhookId))
                .execute();
    }

    Optional<Webhook> find(UUID accountId, UUID webhookId) {
        return db.selectFrom(WEBHOOK)
                .where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.WEBHOOK_ID.eq(webhookId))
                .fetchOptional(WebhookRepository::webhook);
    }

    List<Webhook> list(UUID accountId) {
        return db.selectFrom(WEBHOOK)
                .where(WEBHOOK.ACCOUNT_ID.eq(accountId))
                .orderBy(WEBHOOK.WEBHOOK_ID)
                .fetch(WebhookRepository::webhook);
    }

    int count(UUID accountId) {
        return db.fetchCount(WEBHOOK, WEBHOOK.ACCOUNT_ID.eq(accountId));
    }

    boolean delete(UUID accountId, UUID webhookId) {
        return db.deleteFrom(WEBHOOK)
                        .where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.WEBHOOK_ID.eq(webhookId))
                        .execute()
                == 1;
    }

    Optional<Secrets> secrets(UUID accountId, UUID webhookId, OffsetDateTime now) {
        return db.select(WEBHOOK.SECRET_SEALED, WEBHOOK.PREVIOUS_SECRET_SEALED, WEBHOOK.PREVIOUS_SECRET_UNTIL)
                .from(WEBHOOK)
                .where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.WEBHOOK_ID.eq(webhookId))
                .fetchOptional(r ->
                        new Secrets(r.value1(), r.value3() != null && r.value3().isAfter(now) ? r.value2() : null));
    }

    /** After a failed delivery: remembers since when it fails; answers that moment. */
    OffsetDateTime failing(UUID accountId, UUID webhookId, OffsetDateTime now) {
        db.update(WEBHOOK)
                .set(WEBHOOK.FAILING_SINCE, now)
                .where(
                        WEBHOOK.ACCOUNT_ID.eq(accountId),
                        WEBHOOK.WEBHOOK_ID.eq(webhookId),
                        WEBHOOK.FAILING_SINCE.isNull())
                .execute();
        OffsetDateTime since = db.select(WEBHOOK.FAILING_SINCE)
                .from(WEBHOOK)
                .where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.WEBHOOK_ID.eq(webhookId))
                .fetchOne(WEBHOOK.FAILING_SINCE);
        return since == null ? now : since;
    }

    void succeeded(UUID accountId, UUID webhookId) {
        db.update(WEBHOOK)
                .set(WEBHOOK.FAILING_SINCE, (OffsetDateTime) null)
                .where(
                        WEBHOOK.ACCOUNT_ID.eq(accountId),
                        WEBHOOK.WEBHOOK_ID.eq(webhookId),
                        WEBHOOK.FAILING_SINCE.isNotNull())
                .execute();
    }

    void disable(UUID accountId, UUID webhookId, String reason, OffsetDateTime now) {
        db.update(WEBHOOK)
                .set(WEBHOOK.ENABLED, false)
                .set(WEBHOOK.DISABLED_REASON, reason)
                .set(WEBHOOK.UPDATED_AT, now)
                .where(WEBHOOK.ACCOUNT_ID.eq(accountId), WEBHOOK.WEBHOOK_ID.eq(webhookId))
                .execute();
    }

    private static Webhook webhook(WebhookRecord r) {
        return new Webhook(
                r.getAccountId(),
                r.getWebhookId(),
                r.getUrl(),
                Arrays.asList(r.getEvents()),
                r.getDescription(),
                r.getEnabled(),
                r.getDisabledReason(),
                r.getFailingSince(),
                r.getPreviousSecretUntil(),
                r.getCreatedAt(),
                r.getUpdatedAt());
    }
}
