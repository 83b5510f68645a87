package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.api.Cursor;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** Which lookups by address may take the one-statement path, without a transaction (ContactQueries.byAddress). */
class ContactQueryTest {

    private static ContactQuery query(
            Set<ContactQuery.Status> statuses,
            @Nullable String emailKey,
            Set<Include> includes,
            boolean count,
            @Nullable Cursor cursor) {
        return new ContactQuery(
                statuses, emailKey, Set.of(), Set.of(), Set.of(), Set.of(), null, null, null, null, null, null, null,
                includes, count, 50, cursor);
    }

    private static final Set<Include> NONE = EnumSet.noneOf(Include.class);

    @Test
    void anExactAddressAloneInAnyStateTakesTheOneStatementPath() {
        assertThat(query(Set.of(), "ann@example.com", NONE, false, null).addressOnly())
                .isTrue();
        assertThat(query(Set.of(ContactQuery.Status.ALL), "ann@example.com", NONE, false, null)
                        .addressOnly())
                .isTrue();
    }

    @Test
    void aStateFilterSubResourcesACountOrACursorTakeThePagedQueryInATransaction() {
        assertThat(query(Set.of(ContactQuery.Status.ACTIVE), "ann@example.com", NONE, false, null)
                        .addressOnly())
                .isFalse();
        assertThat(query(Set.of(), "ann@example.com", EnumSet.of(Include.LIST_MEMBERSHIPS), false, null)
                        .addressOnly())
                .isFalse();
        assertThat(query(Set.of(), "ann@example.com", NONE, true, null).addressOnly())
                .isFalse();
        assertThat(query(Set.of(), "ann@example.com", NONE, false, new Cursor("contacts", UUID.randomUUID()))
                        .addressOnly())
                .isFalse();
    }

    @Test
    void aQueryWithoutAnAddressNeverTakesIt() {
        assertThat(query(Set.of(), null, NONE, false, null).addressOnly()).isFalse();
    }
}
