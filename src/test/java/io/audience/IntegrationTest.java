package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.database.TenantFilterConfiguration;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the tests that go through HTTP to the running service and a real PostgreSQL: the
 * embedded one by default, or the server named by {@code -Daudience.test.database.url}. Every
 * test makes its own account, so tests share one service and never see each other's data.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {
            "logging.level.root=WARN",
            "logging.level.io.audience=INFO",
            // Rate limits far above what any test sends; the rate-limit tests set theirs with @TestPropertySource.
            "audience.rate-limit.per-second=1000000",
            "audience.rate-limit.per-day=1000000000",
            // Spring keeps every test context alive for reuse; on one shared PostgreSQL server (100
            // connections) the idle ones must give their connections back, or the later ones cannot start
            // (Hikari binds the timeout in milliseconds).
            "spring.datasource.hikari.minimum-idle=1",
            "spring.datasource.hikari.idle-timeout=10000"
        })
@Import(TenantFilterConfiguration.class)
public abstract class IntegrationTest {

    public static final String ADMIN_TOKEN = "test-admin-token-of-the-integration-tests";
    /** Every instance on one database shares the master key (32 bytes, base64). */
    public static final String BOUNCE_DOMAIN = "bounces.audience.test";

    public static final String MASTER_KEY = "dGVzdC1tYXN0ZXIta2V5LW9mLTMyLWJ5dGVzLS0tLS0=";

    @LocalServerPort
    protected int port;

    @Autowired
    protected DSLContext db;

    private static @org.jspecify.annotations.Nullable String databaseUrl;

    /**
     * The server's database for the services of this test JVM, or "" for embedded ones. Each JVM
     * (surefire fork) gets a database of its own, {@code <name>_fork<n>}, made here when missing: a
     * test that stops or kills a service mid-import would otherwise strand another JVM's work, which
     * that service had claimed, until its lease ran out.
     */
    protected static synchronized String databaseUrl() {
        if (databaseUrl == null) {
            String url = System.getProperty("audience.test.database.url", "");
            String fork = System.getProperty("audience.test.fork", "");
            databaseUrl = url.isBlank() || !fork.matches("[0-9]+") ? url : forkDatabase(url, "_fork" + fork);
        }
        return databaseUrl;
    }

    private static String forkDatabase(String url, String suffix) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String name = base.substring(base.lastIndexOf('/') + 1) + suffix;
        try (java.sql.Connection server = java.sql.DriverManager.getConnection(
                        url,
                        System.getProperty("audience.test.database.username", "postgres"),
                        System.getProperty("audience.test.database.password", ""));
                java.sql.PreparedStatement exists =
                        server.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, name);
            try (java.sql.ResultSet found = exists.executeQuery();
                    java.sql.Statement create = server.createStatement()) {
                if (!found.next()) {
                    create.execute("create database \"" + name.replace("\"", "\"\"") + "\"");
                }
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot make the test database " + name, e);
        }
        return base + suffix + (query < 0 ? "" : url.substring(query));
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        String url = databaseUrl();
        if (!url.isBlank()) {
            registry.add("spring.datasource.url", () -> url);
            registry.add(
                    "spring.datasource.username",
                    () -> System.getProperty("audience.test.database.username", "postgres"));
            registry.add("spring.datasource.password", () -> System.getProperty("audience.test.database.password", ""));
        }
        // A port of our own rather than a random one: the OAuth issuer is http://localhost and the
        // configured port, as in production, never a port learnt from a request.
        int serverPort = freePort();
        registry.add("server.port", () -> serverPort);
        Path dataDir = Path.of("target", "it-data", UUID.randomUUID().toString());
        registry.add("audience.data-dir", dataDir::toString);
        registry.add("audience.admin-token", () -> ADMIN_TOKEN);
        registry.add("audience.master-key", () -> MASTER_KEY);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", Mailbox::port);
        registry.add("audience.mail.poll-interval", () -> "100ms");
        registry.add("audience.mail.first-retry", () -> "200ms");
        registry.add("audience.mail.max-retry", () -> "1s");
        registry.add("audience.activity.poll-interval", () -> "100ms");
        registry.add("audience.activity.chunk-size", () -> "200");
        registry.add("audience.activity.import-chunk-size", () -> "2000");
        // As behind a reverse proxy: a test may post as another network address (X-Forwarded-For
        // from 127.0.0.1, a trusted proxy), so the per-address limit of one test meets no other's posts.
        registry.add("server.forward-headers-strategy", () -> "native");
        registry.add("audience.forms.minimum-fill-time", () -> "1s");
        registry.add("audience.forms.proof-of-work-max-number", () -> "5000");
        registry.add("audience.forms.per-form-per-hour", () -> "40");
        // The tests' webhook receivers listen on 127.0.0.1.
        registry.add("audience.webhooks.allow-private-networks", () -> "true");
        registry.add("audience.webhooks.poll-interval", () -> "100ms");
        registry.add("audience.webhooks.expand-interval", () -> "100ms");
        // Small, so a test import outruns its endpoint as a big one does (ImportWebhookEventsIntegrationTest).
        registry.add("audience.webhooks.expand-step", () -> "3");
        registry.add("audience.webhooks.expand-window", () -> "5");
        // Every mail gets a signed return path, and the bounce listener runs (FeedbackSmtpIntegrationTest).
        registry.add("audience.bounce-domain", () -> BOUNCE_DOMAIN);
        int inboundSmtp = freePort();
        registry.add("audience.inbound-smtp.port", () -> inboundSmtp);
        // SES notifications in tests are signed with a test key (FeedbackProvidersIntegrationTest).
        registry.add(
                "audience.feedback.sns-certificate-file",
                () -> Path.of("src/test/resources/feedback/sns-test/certificate.pem")
                        .toAbsolutePath()
                        .toString());
    }

    private static int freePort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    protected Api admin() {
        return new Api(baseUrl(), ADMIN_TOKEN);
    }

    /** A fresh account, with its id and token, named after {@code label}. */
    protected record NamedAccount(String id, String token, Api api) {}

    protected NamedAccount namedAccount(String label) {
        Api.Response created =
                admin().post("/admin/accounts", Api.object().put("name", label + " " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String token = created.json().get("api_token").asString();
        return new NamedAccount(created.json().get("account_id").asString(), token, new Api(baseUrl(), token));
    }

    /** A fresh account and a client holding its API token. */
    protected Api newAccount() {
        Api.Response created = admin().post("/admin/accounts", Api.object().put("name", "Test " + UUID.randomUUID()));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return new Api(baseUrl(), created.json().get("api_token").asString());
    }

    protected static String createList(Api api, String name) {
        Api.Response list = api.post("/v3/contact_lists", Api.object().put("name", name));
        assertThat(list.status()).as(list.toString()).isEqualTo(201);
        return list.json().get("list_id").asString();
    }

    protected static JsonNode createContact(Api api, String email) {
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Test", "create_source": "Account"}
                """.formatted(email)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Waits until the activity that {@code accepted} (a 201) started is completed, and returns its status. */
    protected static JsonNode awaitCompleted(Api api, Api.Response accepted) {
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        return awaitCompleted(api, accepted.json().get("activity_id").asString(), Duration.ofSeconds(30));
    }

    protected static JsonNode awaitCompleted(Api api, String activity, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            JsonNode body = api.get("/v3/activities/" + activity).json();
            if (body.get("state").asString().equals("completed")) {
                return body;
            }
            assertThat(body.get("state").asString())
                    .as("the activity failed: " + body)
                    .isNotEqualTo("failed");
            assertThat(Instant.now()).as(body.toString()).isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    protected void settings(Api api, boolean confirmedOptIn) {
        confirmSender(api, "news@bakery.example");
        Api.Response put = api.put("/v3/account/settings", Api.json("""
                {"confirmed_opt_in": %s, "from_email": "news@bakery.example", "from_name": "Acme Bakery"}
                """.formatted(confirmedOptIn)));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
    }

    /**
     * Makes {@code address} a CONFIRMED sender address of the account, as if its owner had followed
     * the link of the confirmation mail (tests that need the link itself follow it).
     */
    protected void confirmSender(Api api, String address) {
        Api.Response added = api.post("/v3/account/emails", Api.object().put("email_address", address));
        assertThat(added.status()).as(added.toString()).isIn(201, 409);
        if (added.status() == 201) {
            db.execute(
                    "update account_email set email_status = 'CONFIRMED', confirm_time = now(),"
                            + " confirm_source_type = 'SITE_OWNER' where email_id = ?",
                    added.json().get("email_id").asLong());
        }
    }

    /**
     * Adds {@code n - 1} contacts {@code <prefix><i>@<domain>} to the account behind {@code api} with one SQL
     * statement each for addresses and contacts, plus one made through the API: for tests that need many
     * rows and spend their time reading them.
     */
    protected void seedContacts(Api api, String prefix, String domain, int n) {
        String probe = uniqueEmail("probe");
        createContact(api, probe);
        UUID account = db.select(org.jooq.impl.DSL.field("account_id", UUID.class))
                .from("contact")
                .where(org.jooq.impl.DSL.field("email_key").eq(probe))
                .fetchSingle()
                .value1();
        db.execute("""
                insert into email_consent (account_id, email_key, permission_to_send, confirm_status, created_at, updated_at)
                select ?::uuid, ? || g || ?, 'implicit', 'off', now(), now()
                from generate_series(1, ?) g
                """, account, prefix, "@" + domain, n - 1);
        // As an import refreshes the statistics while it grows the tables: planned from statistics
        // taken when the table was small, each foreign key check of the next insert scans the table,
        // and 120,000 contacts took eight minutes (CI, after another test's import analysed it).
        db.execute("analyze email_consent");
        db.execute("""
                insert into contact (account_id, contact_id, email_key, email_address, create_source, update_source,
                                     created_at, updated_at, version)
                select ?::uuid, gen_random_uuid(), ? || g || ?, ? || g || ?, 'Account', 'Account', now(), now(), 1
                from generate_series(1, ?) g
                """, account, prefix, "@" + domain, prefix, "@" + domain, n - 1);
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
