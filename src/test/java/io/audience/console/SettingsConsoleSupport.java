package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.util.Locale;
import java.util.UUID;
import org.jooq.impl.DSL;

/** What the settings tests share: a signed-in user of a role, and the stored users they check. */
abstract class SettingsConsoleSupport extends IntegrationTest {

    ConsoleClient signedIn(NamedAccount account, String role) {
        return new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), role));
    }

    UUID userId(String email) {
        return db.select(DSL.field("user_id", UUID.class))
                .from("account_user")
                .where(DSL.field("email_key").eq(email.toLowerCase(Locale.ROOT)))
                .fetchSingle()
                .value1();
    }

    String role(String email) {
        return db.select(DSL.field("role", String.class))
                .from("account_user")
                .where(DSL.field("email_key").eq(email.toLowerCase(Locale.ROOT)))
                .fetchSingle()
                .value1();
    }

    int users(NamedAccount account) {
        return db.fetchCount(
                DSL.table("account_user"), DSL.field("account_id", UUID.class).eq(UUID.fromString(account.id())));
    }

    /** A revoked token is refused everywhere within a second (tokens checked lately are cached that long). */
    static boolean refusedWithinSeconds(Api api) {
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(5);
        while (java.time.Instant.now().isBefore(deadline)) {
            if (api.get("/v3/account/settings").status() == 401) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return false;
    }

    static void assertRedirectedTo(ConsoleClient.Page page, String path) {
        assertThat(page.status()).as(page.toString()).isIn(302, 303);
        assertThat(page.location().orElse("")).endsWith(path);
    }
}
