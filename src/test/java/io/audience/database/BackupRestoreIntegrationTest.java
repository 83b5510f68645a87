package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The backup the README gives for a PostgreSQL server: a {@code pg_dump} of the running service's
 * database, restored with {@code pg_restore} into a new one, is served by a new instance as it was.
 */
class BackupRestoreIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aDumpRestoredIntoANewDatabaseIsServedWithItsContactsConsentAndTokens() throws Exception {
        assumeFalse(
                databaseUrl().isBlank(),
                "this machine's pg_dump is for its PostgreSQL server (-Daudience.test.database.url); the"
                        + " embedded server is backed up as its folder (README, Backup and restore)");
        NamedAccount account = namedAccount("Backup");
        String email = uniqueEmail("kept");
        String id = createContact(account.api(), email).get("contact_id").asString();
        Api.Response optOut = account.api().put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "first_name": "Kept",
                 "update_source": "Contact"}""".formatted(email)));
        assertThat(optOut.status()).as(optOut.toString()).isEqualTo(200);

        URI server = URI.create(databaseUrl().substring("jdbc:".length()));
        String source = server.getPath().substring(1);
        String restored = source + "_restored";
        String user = System.getProperty("audience.test.database.username", "postgres");
        Path dump = Files.createTempFile(Path.of("target"), "backup", ".dump");
        try {
            run(connection(List.of("pg_dump", "--format=custom", "--file=" + dump), server, user, source));
            db.execute("drop database if exists \"" + restored + "\"");
            db.execute("create database \"" + restored + "\"");
            run(connection(
                    List.of("pg_restore", "--exit-on-error", "--no-owner", dump.toString()), server, user, restored));
            String restoredUrl = "jdbc:postgresql://" + server.getHost() + ":" + server.getPort() + "/" + restored;
            try (OtherInstance instance =
                    OtherInstance.start(dataSource, Map.of("SPRING_DATASOURCE_URL", restoredUrl))) {
                Api api = new Api(instance.baseUrl(), account.token());
                Api.Response read = api.get("/v3/contacts/" + id);
                assertThat(read.status())
                        .as("the account's token works: " + read)
                        .isEqualTo(200);
                JsonNode contact = read.json();
                assertThat(contact.get("first_name").asString()).isEqualTo("Kept");
                assertThat(contact.get("email_address")
                                .get("permission_to_send")
                                .asString())
                        .isEqualTo("unsubscribed");
                assertThat(contact.get("email_address").get("opt_out_source").asString())
                        .isEqualTo("Contact");
                Api.Response resubscribe = api.put("/v3/contacts/" + id, Api.json("""
                        {"email_address": {"address": "%s", "permission_to_send": "explicit"},
                         "update_source": "Account"}""".formatted(email)));
                assertThat(resubscribe.status())
                        .as("the person's opt-out still binds the account: " + resubscribe)
                        .isEqualTo(409);
            }
        } finally {
            Files.deleteIfExists(dump);
            db.execute("drop database if exists \"" + restored + "\" with (force)");
        }
    }

    private static List<String> connection(List<String> command, URI server, String user, String database) {
        List<String> full = new ArrayList<>(command);
        full.addAll(List.of(
                "--host=" + server.getHost(),
                "--port=" + server.getPort(),
                "--username=" + user,
                "--dbname=" + database));
        return full;
    }

    private static void run(List<String> command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", System.getProperty("audience.test.database.password", ""));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(command.get(0) + ": " + output).isZero();
    }
}
