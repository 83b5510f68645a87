package io.audience.confirmation;

import static io.audience.db.Tables.CONFIRMATION;
import static io.audience.db.Tables.UNSUBSCRIBE_LINK;

import io.audience.db.tables.records.ConfirmationRecord;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class ConfirmationRepository {

    private static final SecureRandom RANDOM = new SecureRandom();

    record Stored(
            UUID accountId,
            UUID confirmationId,
            String emailKey,
            UUID contactId,
            Purpose purpose,
            List<UUID> listIds,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            @Nullable OffsetDateTime confirmedAt) {}

    record Address(UUID accountId, String emailKey) {}

    private final DSLContext db;

    ConfirmationRepository(DSLContext db) {
        this.db = db;
    }

    void insert(Stored c) {
        db.insertInto(CONFIRMATION)
                .set(CONFIRMATION.ACCOUNT_ID, c.accountId())
                .set(CONFIRMATION.CONFIRMATION_ID, c.confirmationId())
                .set(CONFIRMATION.EMAIL_KEY, c.emailKey())
                .set(CONFIRMATION.CONTACT_ID, c.contactId())
                .set(CONFIRMATION.PURPOSE, c.purpose().wire())
                .set(
                        CONFIRMATION.LIST_IDS,
                        c.listIds().stream().map(UUID::toString).collect(Collectors.joining(",")))
                .set(CONFIRMATION.CREATED_AT, c.createdAt())
                .set(CONFIRMATION.EXPIRES_AT, c.expiresAt())
                .execute();
    }

    Optional<Stored> lock(UUID accountId, UUID confirmationId) {
        return db.selectFrom(CONFIRMATION)
                .where(CONFIRMATION.ACCOUNT_ID.eq(accountId), CONFIRMATION.CONFIRMATION_ID.eq(confirmationId))
                .forUpdate()
                .fetchOptional(ConfirmationRepository::stored);
    }

    Optional<Stored> find(UUID accountId, UUID confirmationId) {
        return db.selectFrom(CONFIRMATION)
                .where(CONFIRMATION.ACCOUNT_ID.eq(accountId), CONFIRMATION.CONFIRMATION_ID.eq(confirmationId))
                .fetchOptional(ConfirmationRepository::stored);
    }

    void markConfirmed(UUID accountId, UUID confirmationId, OffsetDateTime at) {
        db.update(CONFIRMATION)
                .set(CONFIRMATION.CONFIRMED_AT, at)
                .where(CONFIRMATION.ACCOUNT_ID.eq(accountId), CONFIRMATION.CONFIRMATION_ID.eq(confirmationId))
                .execute();
    }

    Optional<OffsetDateTime> resubscribeRequestedSince(UUID accountId, String emailKey, OffsetDateTime since) {
        return db.select(CONFIRMATION.CREATED_AT)
                .from(CONFIRMATION)
                .where(
                        CONFIRMATION.ACCOUNT_ID.eq(accountId),
                        CONFIRMATION.EMAIL_KEY.eq(emailKey),
                        CONFIRMATION.PURPOSE.eq(Purpose.RESUBSCRIBE.wire()),
                        CONFIRMATION.CREATED_AT.ge(since))
                .orderBy(CONFIRMATION.CREATED_AT)
                .limit(1)
                .fetchOptional(CONFIRMATION.CREATED_AT);
    }

    /** The address's unsubscribe token: made once, at random, and reused by every mail to it. */
    String unsubscribeToken(UUID accountId, String emailKey, OffsetDateTime now) {
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        db.insertInto(UNSUBSCRIBE_LINK)
                .set(UNSUBSCRIBE_LINK.ACCOUNT_ID, accountId)
                .set(UNSUBSCRIBE_LINK.EMAIL_KEY, emailKey)
                .set(
                        UNSUBSCRIBE_LINK.TOKEN,
                        Base64.getUrlEncoder().withoutPadding().encodeToString(random))
                .set(UNSUBSCRIBE_LINK.CREATED_AT, now)
                .onConflictDoNothing()
                .execute();
        return db.select(UNSUBSCRIBE_LINK.TOKEN)
                .from(UNSUBSCRIBE_LINK)
                .where(UNSUBSCRIBE_LINK.ACCOUNT_ID.eq(accountId), UNSUBSCRIBE_LINK.EMAIL_KEY.eq(emailKey))
                .fetchSingle(UNSUBSCRIBE_LINK.TOKEN);
    }

    /**
     * An unsubscribe token for every address {@code emailKeys} selects that has none yet, in one
     * statement (an export of a million contacts). Two v4 UUIDs from PostgreSQL's strong random
     * source give 244 random bits, as many as the 32 bytes {@link #unsubscribeToken} draws.
     */
    int unsubscribeTokens(UUID accountId, Select<? extends Record1<String>> emailKeys, OffsetDateTime now) {
        Field<String> random = DSL.field(
                "translate(rtrim(encode(uuid_send(gen_random_uuid()) || uuid_send(gen_random_uuid()), 'base64'), '='), '+/', '-_')",
                String.class);
        Table<?> wanted = emailKeys.asTable("wanted", "email_key");
        Field<String> wantedKey = wanted.field("email_key", String.class);
        return db.insertInto(
                        UNSUBSCRIBE_LINK,
                        UNSUBSCRIBE_LINK.ACCOUNT_ID,
                        UNSUBSCRIBE_LINK.EMAIL_KEY,
                        UNSUBSCRIBE_LINK.TOKEN,
                        UNSUBSCRIBE_LINK.CREATED_AT)
                .select(DSL.selectDistinct(DSL.val(accountId), wantedKey, random, DSL.val(now))
                        .from(wanted)
                        .where(wantedKey.isNotNull()))
                .onConflictDoNothing()
                .execute();
    }

    /** The address's token, for a query that reads many (null: none yet). */
    static Field<String> unsubscribeTokenOf(Field<UUID> accountId, Field<String> emailKey) {
        return DSL.field(DSL.select(UNSUBSCRIBE_LINK.TOKEN)
                .from(UNSUBSCRIBE_LINK)
                .where(UNSUBSCRIBE_LINK.ACCOUNT_ID.eq(accountId), UNSUBSCRIBE_LINK.EMAIL_KEY.eq(emailKey)));
    }

    Optional<Address> addressOfUnsubscribeToken(String token) {
        return db.select(UNSUBSCRIBE_LINK.ACCOUNT_ID, UNSUBSCRIBE_LINK.EMAIL_KEY)
                .from(UNSUBSCRIBE_LINK)
                .where(UNSUBSCRIBE_LINK.TOKEN.eq(token))
                .fetchOptional(r -> new Address(r.value1(), r.value2()));
    }

    void forget(UUID accountId, String emailKey) {
        db.deleteFrom(CONFIRMATION)
                .where(CONFIRMATION.ACCOUNT_ID.eq(accountId), CONFIRMATION.EMAIL_KEY.eq(emailKey))
                .execute();
        db.deleteFrom(UNSUBSCRIBE_LINK)
                .where(UNSUBSCRIBE_LINK.ACCOUNT_ID.eq(accountId), UNSUBSCRIBE_LINK.EMAIL_KEY.eq(emailKey))
                .execute();
    }

    private static Stored stored(ConfirmationRecord r) {
        List<UUID> lists = r.getListIds().isEmpty()
                ? List.of()
                : Arrays.stream(r.getListIds().split(",")).map(UUID::fromString).toList();
        return new Stored(
                r.getAccountId(),
                r.getConfirmationId(),
                r.getEmailKey(),
                r.getContactId(),
                Purpose.valueOf(r.getPurpose().toUpperCase(java.util.Locale.ROOT)),
                lists,
                r.getCreatedAt(),
                r.getExpiresAt(),
                r.getConfirmedAt());
    }
}
