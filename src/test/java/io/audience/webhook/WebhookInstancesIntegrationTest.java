package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.OtherInstance;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.node.ObjectNode;

/**
 * Webhooks with a second service instance on the same database: the instances share the
 * deliveries and none is sent twice; an instance with the default settings refuses every URL
 * that leads to a private network.
 */
class WebhookInstancesIntegrationTest extends IntegrationTest {

    @Autowired
    DataSource dataSource;

    @Test
    void withTheDefaultSettingsAUrlToAPrivateNetworkIsRefused() throws Exception {
        try (OtherInstance other = OtherInstance.start(dataSource, Map.of())) {
            Api api = newAccount();
            Api there = new Api(other.baseUrl(), api.token());
            List<String> refused = List.of(
                    "http://example.com/hook",
                    "https://127.0.0.1/hook",
                    "https://localhost/hook",
                    "https://169.254.169.254/latest/meta-data",
                    "https://10.0.0.5/hook",
                    "https://[::1]/hook",
                    "https://[::ffff:192.168.1.1]/hook",
                    "https://2130706433/hook",
                    "https://0x7f.1/hook");
            for (String url : refused) {
                ObjectNode body = Api.object().put("url", url);
                body.putArray("events").add("*");
                Api.Response answer = there.post("/v3/webhooks", body);
                assertThat(answer.status()).as(url + " -> " + answer).isEqualTo(400);
                assertThat(answer.error().get("error_message").asString()).contains("url");
            }
            assertThat(there.get("/v3/webhooks").json().get("webhooks")).isEmpty();
        }
    }

    @Test
    void twoInstancesDeliverEveryEventAndNoneTwice() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver();
                OtherInstance other = OtherInstance.start(
                        dataSource,
                        Map.of(
                                "AUDIENCE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS", "true",
                                "AUDIENCE_WEBHOOKS_POLL_INTERVAL", "50ms"))) {
            Api api = newAccount();
            String path = "/" + UUID.randomUUID();
            ObjectNode body = Api.object().put("url", receiver.url() + path);
            body.putArray("events").add("contact.created");
            Api.Response created = api.post("/v3/webhooks", body);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            receiver.secrets(created.json().get("secret").asString());
            Api there = new Api(other.baseUrl(), api.token());

            int contacts = 60;
            for (int i = 0; i < contacts; i++) {
                createContact(i % 2 == 0 ? api : there, uniqueEmail("two" + i));
            }

            List<WebhookReceiver.Delivery> got = receiver.awaitReceived(
                    all -> all.stream().filter(d -> d.path().endsWith(path)).count() >= contacts,
                    Duration.ofSeconds(60));
            Thread.sleep(1_500);
            Map<String, Long> perEvent = receiver.received().stream()
                    .filter(d -> d.path().endsWith(path))
                    .collect(Collectors.groupingBy(WebhookReceiver.Delivery::id, Collectors.counting()));
            assertThat(got).isNotEmpty();
            assertThat(perEvent).hasSize(contacts);
            assertThat(perEvent.values()).as("no event was sent twice").containsOnly(1L);
            assertThat(receiver.received().stream()
                            .filter(d -> d.path().endsWith(path))
                            .allMatch(WebhookReceiver.Delivery::verified))
                    .isTrue();
            assertThat(db.fetchValue(
                            "select count(*) from webhook_delivery d join webhook w using (account_id, webhook_id)"
                                    + " where w.url like ? and d.status = 'succeeded' and d.attempts = 1",
                            "%" + path))
                    .isEqualTo((long) contacts);
        }
    }
}
