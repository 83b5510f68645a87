package io.audience.account;

import static io.audience.db.Tables.ACCOUNT_SETTINGS;

import io.audience.database.RenderedQuery;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class AccountSettingsRepository {

    private final DSLContext db;
    private final RenderedQuery find;

    AccountSettingsRepository(DSLContext db) {
        this.db = db;
        this.find = RenderedQuery.select(
                db,
                db.select(
                                ACCOUNT_SETTINGS.CONFIRMED_OPT_IN,
                                ACCOUNT_SETTINGS.FROM_EMAIL,
                                ACCOUNT_SETTINGS.FROM_NAME,
                                ACCOUNT_SETTINGS.PHYSICAL_ADDRESS)
                        .from(ACCOUNT_SETTINGS)
                        .where(ACCOUNT_SETTINGS.ACCOUNT_ID.eq(DSL.param("account", ACCOUNT_SETTINGS.ACCOUNT_ID))));
    }

    /** Read by every sign-up: its SQL is rendered once. */
    Optional<AccountSettings> find(UUID accountId) {
        return find
                .fetch(
                        db,
                        r -> new AccountSettings(
                                r.get(ACCOUNT_SETTINGS.CONFIRMED_OPT_IN),
                                r.get(ACCOUNT_SETTINGS.FROM_EMAIL),
                                r.get(ACCOUNT_SETTINGS.FROM_NAME),
                                r.get(ACCOUNT_SETTINGS.PHYSICAL_ADDRESS)),
                        accountId)
                .stream()
                .findFirst();
    }

    void save(UUID accountId, AccountSettings settings, OffsetDateTime now) {
        db.insertInto(ACCOUNT_SETTINGS)
                .set(ACCOUNT_SETTINGS.ACCOUNT_ID, accountId)
                .set(ACCOUNT_SETTINGS.CONFIRMED_OPT_IN, settings.confirmedOptIn())
                .set(ACCOUNT_SETTINGS.FROM_EMAIL, settings.fromEmail())
                .set(ACCOUNT_SETTINGS.FROM_NAME, settings.fromName())
                .set(ACCOUNT_SETTINGS.PHYSICAL_ADDRESS, settings.physicalAddress())
                .set(ACCOUNT_SETTINGS.UPDATED_AT, now)
                .onConflict(ACCOUNT_SETTINGS.ACCOUNT_ID)
                .doUpdate()
                .set(ACCOUNT_SETTINGS.CONFIRMED_OPT_IN, settings.confirmedOptIn())
                .set(ACCOUNT_SETTINGS.FROM_EMAIL, settings.fromEmail())
                .set(ACCOUNT_SETTINGS.FROM_NAME, settings.fromName())
                .set(ACCOUNT_SETTINGS.PHYSICAL_ADDRESS, settings.physicalAddress())
                .set(ACCOUNT_SETTINGS.UPDATED_AT, now)
                .execute();
    }

    /** Only the postal address: the other settings stay as they are. */
    void savePhysicalAddress(UUID accountId, @Nullable String physicalAddress, OffsetDateTime now) {
        db.insertInto(ACCOUNT_SETTINGS)
                .set(ACCOUNT_SETTINGS.ACCOUNT_ID, accountId)
                .set(ACCOUNT_SETTINGS.CONFIRMED_OPT_IN, false)
                .set(ACCOUNT_SETTINGS.PHYSICAL_ADDRESS, physicalAddress)
                .set(ACCOUNT_SETTINGS.UPDATED_AT, now)
                .onConflict(ACCOUNT_SETTINGS.ACCOUNT_ID)
                .doUpdate()
                .set(ACCOUNT_SETTINGS.PHYSICAL_ADDRESS, physicalAddress)
                .set(ACCOUNT_SETTINGS.UPDATED_AT, now)
                .execute();
    }

    /** Only the one setting: the from address and name stay as they are, whatever else changes them. */
    void saveConfirmedOptIn(UUID accountId, boolean confirmedOptIn, OffsetDateTime now) {
        db.insertInto(ACCOUNT_SETTINGS)
                .set(ACCOUNT_SETTINGS.ACCOUNT_ID, accountId)
                .set(ACCOUNT_SETTINGS.CONFIRMED_OPT_IN, confirmedOptIn)
                .set(ACCOUNT_SETTINGS.UPDATED_AT, now)
                .onConflict(ACCOUNT_SETTINGS.ACCOUNT_ID)
                .doUpdate()
                .set(ACCOUNT_SETTINGS.CONFIRMED_OPT_IN, confirmedOptIn)
                .set(ACCOUNT_SETTINGS.UPDATED_AT, now)
                .execute();
    }
}
