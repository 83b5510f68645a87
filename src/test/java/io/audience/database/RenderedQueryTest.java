package io.audience.database;

import static io.audience.db.Tables.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

class RenderedQueryTest {

    private final DSLContext db = DSL.using(SQLDialect.POSTGRES);

    @Test
    void theStatementIsRenderedOnceWithAPlaceholderForEachValue() {
        RenderedQuery query = RenderedQuery.select(
                db,
                db.select(CONTACT.CONTACT_ID)
                        .from(CONTACT)
                        .where(
                                CONTACT.ACCOUNT_ID.eq(DSL.param("account", CONTACT.ACCOUNT_ID)),
                                CONTACT.EMAIL_KEY.eq(DSL.param("email", CONTACT.EMAIL_KEY))));

        assertThat(query.sql())
                .isEqualTo("select \"contact\".\"contact_id\" from \"contact\" where (\"contact\".\"account_id\" ="
                        + " cast(? as uuid) and \"contact\".\"email_key\" = ?)");
    }

    @Test
    void aCallWithTooFewOrTooManyValuesIsRefusedBeforeAnythingRuns() {
        RenderedQuery query = RenderedQuery.write(
                db,
                db.deleteFrom(CONTACT)
                        .where(
                                CONTACT.ACCOUNT_ID.eq(DSL.param("account", CONTACT.ACCOUNT_ID)),
                                CONTACT.CONTACT_ID.eq(DSL.param("contact", CONTACT.CONTACT_ID))));

        // No connection is configured: reaching the database would fail differently.
        assertThatThrownBy(() -> query.execute(db, UUID.randomUUID()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 2 values, not 1");
        assertThatThrownBy(() -> query.execute(db, UUID.randomUUID(), UUID.randomUUID(), "x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("takes 2 values, not 3");
    }
}
