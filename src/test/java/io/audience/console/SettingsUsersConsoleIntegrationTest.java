package io.audience.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.ConsoleClient;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The users page over HTTP: owners only (a manager is refused every route and changes nothing),
 * the account never without an owner, and a changed or removed user's session counts at once.
 */
class SettingsUsersConsoleIntegrationTest extends SettingsConsoleSupport {

    @Test
    void managerSeesNoUsersSectionAndIsRefusedItsRoutes() {
        NamedAccount account = namedAccount("Manager");
        String ownerEmail = ConsoleClient.newUser(admin(), account.id(), "account_owner");
        ConsoleClient manager = signedIn(account, "account_manager");

        ConsoleClient.Page settings = manager.get("/console/settings");
        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.body()).doesNotContain("/console/settings/users");
        assertThat(manager.get("/console/settings/users").status()).isEqualTo(403);
        assertThat(manager.get("/console/settings/users/" + userId(ownerEmail) + "/remove")
                        .status())
                .isEqualTo(403);

        manager.get("/console/settings");
        int before = users(account);
        assertThat(manager.post(
                                "/console/settings/users",
                                Map.of(
                                        "email",
                                        uniqueEmail("new"),
                                        "password",
                                        ConsoleClient.PASSWORD,
                                        "role",
                                        "account_owner"))
                        .status())
                .isEqualTo(403);
        assertThat(manager.post(
                                "/console/settings/users/" + userId(ownerEmail) + "/role",
                                Map.of("role", "campaign_creator"))
                        .status())
                .isEqualTo(403);
        assertThat(manager.post("/console/settings/users/" + userId(ownerEmail) + "/remove", Map.of())
                        .status())
                .isEqualTo(403);
        assertThat(users(account)).isEqualTo(before);
        assertThat(role(ownerEmail)).isEqualTo("account_owner");
    }

    @Test
    void ownerAddsAUserWhoseRoleChangeAndRemovalCountAtOnce() {
        NamedAccount account = namedAccount("Owner");
        ConsoleClient owner = signedIn(account, "account_owner");
        String email = uniqueEmail("colleague");

        owner.get("/console/settings/users");
        assertRedirectedTo(
                owner.post(
                        "/console/settings/users",
                        Map.of("email", email, "password", ConsoleClient.PASSWORD, "role", "account_manager")),
                "/console/settings/users");
        assertThat(role(email)).isEqualTo("account_manager");
        assertThat(owner.post(
                                "/console/settings/users",
                                Map.of("email", email, "password", ConsoleClient.PASSWORD, "role", "account_manager"))
                        .status())
                .isEqualTo(409);
        assertThat(owner.post(
                                "/console/settings/users",
                                Map.of("email", uniqueEmail("short"), "password", "short", "role", "account_manager"))
                        .status())
                .isEqualTo(400);

        ConsoleClient colleague = new ConsoleClient(baseUrl()).signIn(email);
        assertThat(colleague.get("/console/settings").status()).isEqualTo(200);

        owner.get("/console/settings/users");
        owner.post("/console/settings/users/" + userId(email) + "/role", Map.of("role", "campaign_creator"));
        assertThat(role(email)).isEqualTo("campaign_creator");
        assertThat(colleague.get("/console/settings").status()).isEqualTo(403);

        UUID id = userId(email);
        assertThat(owner.get("/console/settings/users/" + id + "/remove").body())
                .contains(email);
        assertRedirectedTo(
                owner.post("/console/settings/users/" + id + "/remove", Map.of()), "/console/settings/users");
        assertThat(users(account)).isEqualTo(1);
        ConsoleClient.Page after = colleague.get("/console/settings");
        assertThat(after.status()).isEqualTo(303);
        assertThat(after.location().orElse("")).contains("/login");
    }

    @Test
    void theLastOwnerIsNeitherRemovedNorDemotedAndNobodyRemovesThemselves() {
        NamedAccount account = namedAccount("Last owner");
        String firstEmail = ConsoleClient.newUser(admin(), account.id(), "account_owner");
        ConsoleClient first = new ConsoleClient(baseUrl()).signIn(firstEmail);
        UUID firstId = userId(firstEmail);

        first.get("/console/settings/users");
        assertThat(first.post("/console/settings/users/" + firstId + "/remove", Map.of())
                        .status())
                .isEqualTo(409);
        ConsoleClient.Page demoted =
                first.post("/console/settings/users/" + firstId + "/role", Map.of("role", "account_manager"));
        assertThat(demoted.status()).isEqualTo(409);
        assertThat(demoted.body()).contains("only owner");
        assertThat(role(firstEmail)).isEqualTo("account_owner");

        String secondEmail = ConsoleClient.newUser(admin(), account.id(), "account_owner");
        ConsoleClient second = new ConsoleClient(baseUrl()).signIn(secondEmail);
        second.get("/console/settings/users");
        assertRedirectedTo(
                second.post("/console/settings/users/" + firstId + "/remove", Map.of()), "/console/settings/users");
        assertThat(second.post(
                                "/console/settings/users/" + userId(secondEmail) + "/role",
                                Map.of("role", "account_manager"))
                        .status())
                .isEqualTo(409);
        assertThat(role(secondEmail)).isEqualTo("account_owner");
    }
}
