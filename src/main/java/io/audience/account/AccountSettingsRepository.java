package io.audience.account;

import static io.audience.db.Tables.ACCOUNT_SETTINGS;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
class AccountSettingsRepository {

    private final DSLContext db;

    AccountSettingsRepository(DSLContext db) {
        this.db = db;
    }

    Optional<AccountSettings> find(UUID accountId) {
        return db.selectFrom(ACCOUNT_SETTINGS)
                .where(ACCOUNT_SETTINGS.ACCOUNT_ID.eq(accountId))
                .fetchOptional(r -> new AccountSettings(
                        r.getConfirmedOptIn(), r.getFromEmail(), r.getFromName(), r.getPhysicalAddress()));
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
