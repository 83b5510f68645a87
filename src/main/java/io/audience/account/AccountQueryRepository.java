package io.audience.account;

import static io.audience.db.Tables.ACCOUNT;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What other modules may read of an account inside their own statements, as jOOQ expressions: the
 * account table stays this module's, while a token check still costs one statement.
 */
@Repository
public class AccountQueryRepository {

    /** When the operator disabled the account whose id is {@code accountId}; null while it is enabled. */
    public Field<OffsetDateTime> disabledAt(Field<UUID> accountId) {
        return DSL.field(DSL.select(ACCOUNT.DISABLED_AT).from(ACCOUNT).where(ACCOUNT.ACCOUNT_ID.eq(accountId)));
    }
}
