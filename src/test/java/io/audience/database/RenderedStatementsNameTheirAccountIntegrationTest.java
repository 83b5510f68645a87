package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The statements {@link RenderedQuery} runs past jOOQ's execution, so the tenant filter's listener
 * never sees them: they are checked here instead, all of them at once, as soon as the service has
 * made its repositories (each renders its statements when it is made).
 */
class RenderedStatementsNameTheirAccountIntegrationTest extends IntegrationTest {

    @Test
    void everyStatementRenderedOnceNamesTheAccountOfEachTenantTableItReadsOrWrites() {
        assertThat(RenderedQuery.rendered())
                .as("the hot statements (lookup, sign-up) are rendered when the service starts")
                .hasSizeGreaterThanOrEqualTo(12);
        List<String> unfiltered = RenderedQuery.rendered().stream()
                .filter(sql -> !TenantFilter.unfiltered(sql).isEmpty())
                .map(sql -> TenantFilter.unfiltered(sql) + ": " + sql)
                .toList();
        assertThat(unfiltered).as("statements without account_id").isEmpty();
    }

    @Test
    void theCheckItselfFindsAStatementThatForgetsTheAccount() {
        assertThat(TenantFilter.unfiltered(
                        "select \"contact\".\"contact_id\" from \"contact\" where" + " \"contact\".\"email_key\" = ?"))
                .containsExactly("contact");
    }
}
