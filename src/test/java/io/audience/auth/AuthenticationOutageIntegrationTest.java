package io.audience.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import io.audience.TcpProxy;
import java.net.URI;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * When a token cannot be checked because the database is out of reach, the answer is a 503 in the
 * vendor's format (retry later), never a 500 and never a pass; it works again once the database is back.
 */
class AuthenticationOutageIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void aTokenThatCannotBeCheckedIsA503UntilTheDatabaseIsBack() throws Exception {
        String jdbcUrl = dataSource.unwrap(HikariDataSource.class).getJdbcUrl();
        URI database = URI.create(jdbcUrl.substring("jdbc:".length()));
        Api api = newAccount();
        createContact(api, uniqueEmail("outage"));
        try (TcpProxy proxy = new TcpProxy(database.getPort());
                OtherInstance other = OtherInstance.start(
                        dataSource,
                        Map.of(
                                "SPRING_DATASOURCE_URL",
                                jdbcUrl.replace(":" + database.getPort() + "/", ":" + proxy.port() + "/"),
                                "SPRING_DATASOURCE_HIKARI_CONNECTION_TIMEOUT",
                                "1000"))) {
            Api there = new Api(other.baseUrl(), newAccountToken());
            assertThat(there.get("/v3/contacts").status()).isEqualTo(200);
            String unchecked = newAccountToken();

            proxy.cut();
            Api.Response refused = new Api(other.baseUrl(), unchecked).get("/v3/contacts");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
            assertThat(refused.error().get("error_key").asString()).isEqualTo("service_unavailable");
            assertThat(refused.error().get("error_message").asString()).contains("retry");
            assertThat(new Api(other.baseUrl(), null).get("/v3/contacts").status())
                    .as("no token needs no database: still 401")
                    .isEqualTo(401);

            proxy.restore();
            long deadline = System.nanoTime() + 30_000_000_000L;
            int status;
            do {
                Thread.sleep(200);
                status = new Api(other.baseUrl(), unchecked).get("/v3/contacts").status();
            } while (status != 200 && System.nanoTime() < deadline);
            assertThat(status).as("once the database is back").isEqualTo(200);
        }
    }

    private String newAccountToken() {
        return admin().post("/admin/accounts", Api.object().put("name", "Outage"))
                .json()
                .get("api_token")
                .asString();
    }
}
