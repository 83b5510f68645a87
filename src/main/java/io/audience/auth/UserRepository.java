package io.audience.auth;

import static io.audience.db.Tables.ACCOUNT_USER;

import io.audience.account.AccountQueryRepository;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class UserRepository {

    static final int MAX_COUNTED = 1_000;

    private final DSLContext db;
    private final AccountQueryRepository accounts;

    UserRepository(DSLContext db, AccountQueryRepository accounts) {
        this.db = db;
        this.accounts = accounts;
    }

    /** False when the address already signs in somewhere. */
    boolean insert(AccountUser user, String passwordHash, OffsetDateTime now) {
        return db.insertInto(ACCOUNT_USER)
                        .set(ACCOUNT_USER.ACCOUNT_ID, user.accountId())
                        .set(ACCOUNT_USER.USER_ID, user.userId())
                        .set(ACCOUNT_USER.EMAIL_KEY, user.emailKey())
                        .set(ACCOUNT_USER.EMAIL_ADDRESS, user.emailAddress())
                        .set(ACCOUNT_USER.PASSWORD_HASH, passwordHash)
                        .set(ACCOUNT_USER.ROLE, user.role())
                        .set(ACCOUNT_USER.CREATED_AT, now)
                        .onConflict(ACCOUNT_USER.EMAIL_KEY)
                        .doNothing()
                        .execute()
                == 1;
    }

    List<AccountUsers.Member> members(UUID accountId, OffsetDateTime now) {
        return db.select(
                        ACCOUNT_USER.USER_ID,
                        ACCOUNT_USER.EMAIL_ADDRESS,
                        ACCOUNT_USER.ROLE,
                        ACCOUNT_USER.CREATED_AT,
                        ACCOUNT_USER.LOCKED_UNTIL)
                .from(ACCOUNT_USER)
                .where(ACCOUNT_USER.ACCOUNT_ID.eq(accountId))
                .orderBy(ACCOUNT_USER.CREATED_AT, ACCOUNT_USER.USER_ID)
                .fetch(r -> new AccountUsers.Member(
                        r.value1(),
                        r.value2(),
                        r.value3(),
                        r.value4(),
                        r.value5() != null && r.value5().isAfter(now)));
    }

    Optional<AccountUser> find(UUID accountId, UUID userId) {
        return db.selectFrom(ACCOUNT_USER)
                .where(ACCOUNT_USER.ACCOUNT_ID.eq(accountId), ACCOUNT_USER.USER_ID.eq(userId))
                .fetchOptional(r -> new AccountUser(
                        r.getAccountId(), r.getUserId(), r.getEmailKey(), r.getEmailAddress(), r.getRole()));
    }

    /**
     * The account's owners, their rows locked until the transaction ends: two owners demoted or
     * removed at once are decided one after the other, so the last owner always stays.
     */
    List<UUID> lockOwners(UUID accountId) {
        return db.select(ACCOUNT_USER.USER_ID)
                .from(ACCOUNT_USER)
                .where(ACCOUNT_USER.ACCOUNT_ID.eq(accountId), ACCOUNT_USER.ROLE.eq(AccountUsers.OWNER))
                .forUpdate()
                .fetch(ACCOUNT_USER.USER_ID);
    }

    void changeRole(UUID accountId, UUID userId, String role) {
        db.update(ACCOUNT_USER)
                .set(ACCOUNT_USER.ROLE, role)
                .where(ACCOUNT_USER.ACCOUNT_ID.eq(accountId), ACCOUNT_USER.USER_ID.eq(userId))
                .execute();
    }

    void delete(UUID accountId, UUID userId) {
        db.deleteFrom(ACCOUNT_USER)
                .where(ACCOUNT_USER.ACCOUNT_ID.eq(accountId), ACCOUNT_USER.USER_ID.eq(userId))
                .execute();
    }

    Optional<AccountUsers.Login> findLogin(String emailKey) {
        Field<OffsetDateTime> disabledAt =
                accounts.disabledAt(ACCOUNT_USER.ACCOUNT_ID).as("account_disabled_at");
        return db.select(ACCOUNT_USER.asterisk(), disabledAt)
                .from(ACCOUNT_USER)
                .where(ACCOUNT_USER.EMAIL_KEY.eq(emailKey))
                .fetchOptional(r -> new AccountUsers.Login(
                        user(r),
                        r.get(ACCOUNT_USER.PASSWORD_HASH),
                        r.get(ACCOUNT_USER.LOCKED_UNTIL),
                        r.get(disabledAt) != null));
    }

    Optional<AccountUsers.Standing> findStanding(UUID userId) {
        Field<OffsetDateTime> disabledAt =
                accounts.disabledAt(ACCOUNT_USER.ACCOUNT_ID).as("account_disabled_at");
        return db.select(ACCOUNT_USER.asterisk(), disabledAt)
                .from(ACCOUNT_USER)
                .where(ACCOUNT_USER.USER_ID.eq(userId))
                .fetchOptional(r -> new AccountUsers.Standing(user(r), r.get(disabledAt) != null));
    }

    private static AccountUser user(org.jooq.Record r) {
        return new AccountUser(
                r.get(ACCOUNT_USER.ACCOUNT_ID),
                r.get(ACCOUNT_USER.USER_ID),
                r.get(ACCOUNT_USER.EMAIL_KEY),
                r.get(ACCOUNT_USER.EMAIL_ADDRESS),
                r.get(ACCOUNT_USER.ROLE));
    }

    Optional<String> emailOf(UUID userId) {
        return db.select(ACCOUNT_USER.EMAIL_ADDRESS)
                .from(ACCOUNT_USER)
                .where(ACCOUNT_USER.USER_ID.eq(userId))
                .fetchOptional(ACCOUNT_USER.EMAIL_ADDRESS);
    }

    /**
     * Counts a failed sign-in and, from the fifth in a row, refuses sign-in for a while that
     * doubles with each further failure (1 minute, 2, 4 ... at most an hour). One statement, so
     * concurrent guesses are all counted. The count stops at {@value #MAX_COUNTED} and the exponent
     * at 6 (64 minutes, then the hour): an endless guesser overflows neither the integer nor power().
     */
    void recordFailure(String emailKey, OffsetDateTime now) {
        Field<Integer> failures =
                DSL.least(ACCOUNT_USER.FAILED_LOGINS, DSL.val(MAX_COUNTED - 1)).plus(1);
        db.update(ACCOUNT_USER)
                .set(ACCOUNT_USER.FAILED_LOGINS, failures)
                .set(
                        ACCOUNT_USER.LOCKED_UNTIL,
                        DSL.when(
                                        failures.ge(5),
                                        DSL.field(
                                                "{0} + least(power(2, least({1} - 5, 6)), 60) * interval '1 minute'",
                                                OffsetDateTime.class, DSL.val(now), failures))
                                .otherwise(ACCOUNT_USER.LOCKED_UNTIL))
                .where(ACCOUNT_USER.EMAIL_KEY.eq(emailKey))
                .execute();
    }

    void recordSuccess(UUID userId) {
        db.update(ACCOUNT_USER)
                .set(ACCOUNT_USER.FAILED_LOGINS, 0)
                .setNull(ACCOUNT_USER.LOCKED_UNTIL)
                .where(ACCOUNT_USER.USER_ID.eq(userId), ACCOUNT_USER.FAILED_LOGINS.gt(0))
                .execute();
    }

    /** How many users each of the accounts has (absent: none). */
    Map<UUID, Integer> counts(Collection<UUID> accountIds) {
        return db.select(ACCOUNT_USER.ACCOUNT_ID, DSL.count())
                .from(ACCOUNT_USER)
                .where(ACCOUNT_USER.ACCOUNT_ID.in(accountIds))
                .groupBy(ACCOUNT_USER.ACCOUNT_ID)
                .fetchMap(ACCOUNT_USER.ACCOUNT_ID, DSL.count());
    }
}
