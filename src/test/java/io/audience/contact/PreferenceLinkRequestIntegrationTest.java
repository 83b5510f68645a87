package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.IntegrationTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * "Email me my link" on the account's page: a subscriber gets their preference link by mail; the
 * answer is the same for an address nobody knows; the confirmation throttle holds repeats back.
 */
class PreferenceLinkRequestIntegrationTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void aSubscriberGetsTheirLinkByMailAndAStrangerGetsTheSameAnswerAndNoMail() throws Exception {
        NamedAccount account = namedAccount("Ask for link");
        String email = uniqueEmail("asks");
        String contact = createContact(account.api(), email).get("contact_id").asString();
        String page = baseUrl() + "/accounts/" + account.id() + "/preferences";

        HttpResponse<String> form =
                HTTP.send(HttpRequest.newBuilder(URI.create(page)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(form.body()).contains("Email me my link").contains("<label for=\"email\">");

        HttpResponse<String> known = ask(page, email.toUpperCase(java.util.Locale.ROOT));
        HttpResponse<String> unknown = ask(page, uniqueEmail("stranger"));

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(unknown.statusCode()).isEqualTo(200);
        assertThat(unknown.body())
                .as("the same words: nobody learns who is subscribed")
                .isEqualTo(known.body());
        String link = account.api()
                .get("/v3/contacts/" + contact + "/links")
                .json()
                .get("preferences_url")
                .asString();
        assertThat(db.fetchValue(
                        "select count(*) from outbox_mail where account_id = ?::uuid and kind = 'preference_link'"
                                + " and to_address = ? and body like '%' || ? || '%'",
                        account.id(), email, link))
                .isEqualTo(1L);
        assertThat(db.fetchValue(
                        "select count(*) from outbox_mail where account_id = ?::uuid and kind = 'preference_link'",
                        account.id()))
                .as("no mail to an address the account does not have")
                .isEqualTo(1L);

        for (int i = 0; i < 5; i++) {
            assertThat(ask(page, email).statusCode()).isEqualTo(200);
        }
        assertThat(db.fetchValue(
                        "select count(*) from outbox_mail where account_id = ?::uuid and email_key = ?",
                        account.id(),
                        email))
                .as("the confirmation throttle holds repeats back")
                .isEqualTo(1L);
    }

    @Test
    void oneNetworkAddressGetsFiftyAsksAnHourThen429() throws Exception {
        NamedAccount account = namedAccount("Ask flood");
        String page = baseUrl() + "/accounts/" + account.id() + "/preferences";
        String flood = "198.19.3." + (1 + new java.util.Random().nextInt(250));
        for (int i = 0; i < 50; i++) {
            assertThat(ask(page, "flood" + i + "@example.com", flood).statusCode())
                    .as("ask %d", i)
                    .isEqualTo(200);
        }
        HttpResponse<String> refused = ask(page, "flood@example.com", flood);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.body()).contains("try again");
        assertThat(ask(page, "other@example.com").statusCode())
                .as("another address still asks")
                .isEqualTo(200);
    }

    @Test
    void aBadAddressIsA400AndAnUnknownAccountA404() throws Exception {
        NamedAccount account = namedAccount("Ask bad");
        String page = baseUrl() + "/accounts/" + account.id() + "/preferences";

        HttpResponse<String> bad = ask(page, "not an address");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("not an email address");
        assertThat(ask(page, "a\u0000b@example.com").statusCode()).isEqualTo(400);
        assertThat(ask(baseUrl() + "/accounts/" + UUID.randomUUID() + "/preferences", "x@example.com")
                        .statusCode())
                .isEqualTo(404);
        assertThat(ask(baseUrl() + "/accounts/nope/preferences", "x@example.com")
                        .statusCode())
                .isEqualTo(404);
        db.execute("update account set disabled_at = now() where account_id = ?::uuid", account.id());
        assertThat(ask(page, "x@example.com").statusCode())
                .as("a disabled account's page")
                .isEqualTo(404);
    }

    /** A network address of this class's own (as forwarded by a trusted proxy): no other test's asks count against it. */
    private static final String ADDRESS = "198.18.7." + (1 + new java.util.Random().nextInt(250));

    private static HttpResponse<String> ask(String page, String email) throws Exception {
        return ask(page, email, ADDRESS);
    }

    private static HttpResponse<String> ask(String page, String email, String address) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(page))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("X-Forwarded-For", address)
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
