package io.audience.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.Api;
import io.audience.ServiceProcess;
import io.audience.auth.OAuthApp;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import tools.jackson.databind.JsonNode;

/**
 * This release started on a data folder made by the previous one (src/test/resources/previous-release):
 * everything it issued keeps working, and its secrets end up at rest as this release keeps them. The
 * database demands passwords and the service is no superuser; the signing and HMAC keys are sealed
 * with the master key; OAuth tokens are hashed.
 */
class PreviousReleaseUpgradeIntegrationTest {

    /** The tables of the fixture, parents before children. */
    private static final List<String> TABLES = List.of(
            "account",
            "api_token",
            "contact_list",
            "email_consent",
            "contact",
            "consent_event",
            "list_membership",
            "installation_secret",
            "suppression",
            "account_user",
            "oauth_client",
            "oauth2_registered_client",
            "oauth2_authorization",
            "oauth2_authorization_consent",
            "oauth_signing_key");

    private final Path dataDir =
            Path.of("target", "upgrade-data", UUID.randomUUID().toString()).toAbsolutePath();
    private final JsonNode issued = fixture();
    private Process service;

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroy();
            service.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void whatThePreviousReleaseIssuedKeepsWorkingAndItsSecretsAreBroughtToRest() throws Exception {
        makeThePreviousReleasesFolder();
        int port = ServiceProcess.freePort();
        service = ServiceProcess.start(dataDir, port, Map.of());
        String base = "http://127.0.0.1:" + port;

        Api admin = new Api(base, issued.get("admin_token").asString());
        assertThat(admin.get("/admin/accounts/" + issued.get("account_id").asString())
                        .status())
                .as("the operator token in the data folder")
                .isEqualTo(200);
        Api api = new Api(base, issued.get("api_token").asString());
        JsonNode kept = api.get("/v3/contacts/" + issued.get("kept_contact_id").asString())
                .json();
        assertThat(kept.get("first_name").asString()).as("the API token").isEqualTo("Kept");

        OAuthApp app = new OAuthApp(
                base,
                issued.get("client_id").asString(),
                issued.get("client_secret").asString());
        Api.Response refreshed = app.refresh(issued.get("refresh_token").asString());
        assertThat(refreshed.status()).as("the refresh token: " + refreshed).isEqualTo(200);
        assertThat(new Api(base, refreshed.json().get("access_token").asString())
                        .get("/v3/contacts/" + issued.get("kept_contact_id").asString())
                        .status())
                .as("an access token signed with the key the previous release made")
                .isEqualTo(200);

        Api.Response again = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(
                        issued.get("erased_email").asString())));
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.json().get("email_address").get("permission_to_send").asString())
                .as("the erased opt-out is still found by the HMAC key the previous release made")
                .isEqualTo("unsubscribed");

        assertSecretsAtRest();

        service.destroy();
        assertThat(service.waitFor(60, TimeUnit.SECONDS)).isTrue();
        service = ServiceProcess.start(dataDir, port, Map.of());
        assertThat(api.get("/v3/contacts/" + issued.get("kept_contact_id").asString())
                        .status())
                .as("and after another restart")
                .isEqualTo(200);
        assertSecretsAtRest();
    }

    private void assertSecretsAtRest() throws Exception {
        int pgPort = postgresPort();
        assertThatThrownBy(() -> EmbeddedPostgresLauncherTest.connect(pgPort, "postgres", null)
                        .close())
                .isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> EmbeddedPostgresLauncherTest.connect(pgPort, "audience", null)
                        .close())
                .isInstanceOf(SQLException.class);
        Properties passwords = new Properties();
        passwords.load(Files.newBufferedReader(dataDir.resolve("postgres-credentials")));
        for (String file : List.of("postgres-credentials", "master-key", "admin-token")) {
            assertThat(Files.getPosixFilePermissions(dataDir.resolve(file)))
                    .as(file)
                    .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        try (Connection db =
                        EmbeddedPostgresLauncherTest.connect(pgPort, "audience", passwords.getProperty("audience"));
                Statement sql = db.createStatement()) {
            assertThat(single(sql, "select rolsuper from pg_roles where rolname = current_user"))
                    .isEqualTo("f");
            assertThat(single(
                            sql,
                            "select count(*) from pg_tables where schemaname = 'public'"
                                    + " and tableowner <> 'audience'"))
                    .isEqualTo("0");
            assertThat(single(
                            sql,
                            "select count(*) from oauth_signing_key where private_key is not null"
                                    + " or private_key_sealed not like 'v1.%'"))
                    .isEqualTo("0");
            assertThat(single(
                            sql,
                            "select count(*) from installation_secret where secret is not null"
                                    + " or sealed not like 'v1.%'"))
                    .isEqualTo("0");
            assertThat(single(
                            sql,
                            "select count(*) from oauth2_authorization where access_token_value not like"
                                    + " 'sha256:%' or refresh_token_value not like 'sha256:%'"))
                    .isEqualTo("0");
            String everything = single(sql, "select string_agg(t::text, ' ') from oauth2_authorization t");
            assertThat(everything)
                    .doesNotContain(issued.get("refresh_token").asString())
                    .doesNotContain(issued.get("access_token").asString());
        }
    }

    /** As the previous release left it: trust authentication, migrations up to V6 by the superuser, its rows. */
    private void makeThePreviousReleasesFolder() throws Exception {
        Path pgData = Files.createDirectories(dataDir.resolve("postgres"));
        try (EmbeddedPostgres earlier = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                .setOverrideWorkingDirectory(dataDir.resolve("postgres-runtime").toFile())
                .setServerConfig("listen_addresses", "127.0.0.1")
                .start()) {
            Flyway.configure()
                    .dataSource(earlier.getPostgresDatabase())
                    .locations("classpath:db/migration")
                    .target("6")
                    .load()
                    .migrate();
            try (Connection db = earlier.getPostgresDatabase().getConnection();
                    Statement sql = db.createStatement()) {
                for (String table : TABLES) {
                    try (InputStream rows = resource(table + ".csv")) {
                        db.unwrap(PGConnection.class)
                                .getCopyAPI()
                                .copyIn(
                                        "copy " + table + " from stdin (format csv, header)",
                                        new InputStreamReader(rows, StandardCharsets.UTF_8));
                    }
                }
                // The refresh token expires 90 days after the fixture was made; this test may run later.
                sql.execute("update oauth2_authorization set refresh_token_expires_at = now() + interval '30 days'");
            }
        }
        Files.writeString(
                Files.createFile(
                        dataDir.resolve("admin-token"),
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                issued.get("admin_token").asString() + "\n");
    }

    private int postgresPort() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"))
                .get(3)
                .trim());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getString(1);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = PreviousReleaseUpgradeIntegrationTest.class.getResourceAsStream("/previous-release/" + name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    private static JsonNode fixture() {
        try (InputStream in = resource("secrets.json")) {
            return Api.JSON.readTree(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
