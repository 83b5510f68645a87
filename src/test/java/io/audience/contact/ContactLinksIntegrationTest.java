package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * GET /v3/contacts/{id}/links gives a sending system the unsubscribe link and List-Unsubscribe
 * header values for its own mail; the RFC 8058 one-click POST to it is the person's opt-out; the
 * links are stable, in exports on request, and another account's contact is a 404.
 */
class ContactLinksIntegrationTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Where people reach the service (no AUDIENCE_PUBLIC_URL in the tests: localhost and the port). */
    private String publicBase() {
        return "http://localhost:" + port;
    }

    @Test
    void theLinksAreStableAndTheOneClickPostUnsubscribesThePerson() throws Exception {
        NamedAccount account = namedAccount("Links");
        String email = uniqueEmail("links");
        String id = createContact(account.api(), email).get("contact_id").asString();

        Api.Response answer = account.api().get("/v3/contacts/" + id + "/links");

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode links = answer.json();
        String url = links.get("unsubscribe_url").asString();
        assertThat(url)
                .startsWith(publicBase() + "/unsubscribe/")
                .hasSizeGreaterThan(publicBase().length() + 50);
        assertThat(links.get("list_unsubscribe").asString()).isEqualTo("<" + url + ">");
        assertThat(links.get("list_unsubscribe_post").asString()).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(links.get("contact_id").asString()).isEqualTo(id);
        assertThat(links.get("email_address").asString()).isEqualTo(email);
        assertThat(account.api()
                        .get("/v3/contacts/" + id + "/links")
                        .json()
                        .get("unsubscribe_url")
                        .asString())
                .as("the same link every time: one in an old mail keeps working")
                .isEqualTo(url);

        HttpResponse<String> oneClick = HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(oneClick.statusCode()).isEqualTo(200);
        JsonNode contact = account.api().get("/v3/contacts/" + id).json();
        assertThat(contact.get("email_address").get("permission_to_send").asString())
                .isEqualTo("unsubscribed");
        assertThat(contact.get("email_address").get("opt_out_source").asString())
                .isEqualTo("Contact");
        JsonNode events = account.api()
                .get("/v3/contacts/" + id + "/consent_history")
                .json()
                .get("events");
        assertThat(events.get(events.size() - 1).get("evidence").asString()).contains("RFC 8058");
    }

    @Test
    void aDeletedContactHasLinksAndAnotherAccountsContactIsNotFound() {
        NamedAccount a = namedAccount("Links A");
        NamedAccount b = namedAccount("Links B");
        String id = createContact(a.api(), uniqueEmail("links-deleted"))
                .get("contact_id")
                .asString();
        assertThat(a.api().delete("/v3/contacts/" + id).status()).isEqualTo(204);

        assertThat(a.api().get("/v3/contacts/" + id + "/links").status()).isEqualTo(200);
        Api.Response other = b.api().get("/v3/contacts/" + id + "/links");
        assertThat(other.status()).isEqualTo(404);
        assertThat(other.raw()).doesNotContain("/unsubscribe/");
        assertThat(a.api().get("/v3/contacts/" + UUID.randomUUID() + "/links").status())
                .isEqualTo(404);
        assertThat(a.api().get("/v3/contacts/not-an-id/links").status())
                .as("as the contact's own path answers")
                .isEqualTo(a.api().get("/v3/contacts/not-an-id").status());
    }

    @Test
    void anExportCarriesEachContactsLinksWhenAskedAndTheSameOnesTheApiGives() {
        NamedAccount account = namedAccount("Links export");
        String known = createContact(account.api(), uniqueEmail("links-known"))
                .get("contact_id")
                .asString();
        String before = account.api()
                .get("/v3/contacts/" + known + "/links")
                .json()
                .get("unsubscribe_url")
                .asString();
        seedContacts(account.api(), "linked", "links.example", 300);

        Api.Response accepted = account.api()
                .post(
                        "/v3/activities/contact_exports",
                        Api.json("{\"fields\": [\"contact_id\", \"unsubscribe_url\", \"list_unsubscribe\"]}"));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        String results =
                accepted.json().get("_links").get("results").get("href").asString();
        List<String> lines =
                account.api().get(results, "Accept", "text/csv").raw().lines().toList();

        assertThat(lines.get(0)).isEqualTo("contact_id,unsubscribe_url,list_unsubscribe");
        assertThat(lines).hasSize(1 + 301);
        Map<String, String[]> byId = lines.stream()
                .skip(1)
                .map(l -> l.replace("\"", "").split(","))
                .collect(Collectors.toMap(cells -> cells[0], Function.identity()));
        assertThat(byId.get(known)[1]).as("the link the API gave before").isEqualTo(before);
        assertThat(byId.values()).allSatisfy(cells -> {
            assertThat(cells[1]).startsWith(publicBase() + "/unsubscribe/");
            assertThat(cells[2]).isEqualTo("<" + cells[1] + ">");
        });
        assertThat(byId.values().stream().map(cells -> cells[1]).distinct().count())
                .as("one link per address")
                .isEqualTo(301);
        String id =
                byId.keySet().stream().filter(k -> !k.equals(known)).findFirst().orElseThrow();
        assertThat(account.api()
                        .get("/v3/contacts/" + id + "/links")
                        .json()
                        .get("unsubscribe_url")
                        .asString())
                .isEqualTo(byId.get(id)[1]);

        List<String> defaults = account.api()
                .get(
                        account.api()
                                .post("/v3/activities/contact_exports", Api.json("{}"))
                                .json()
                                .get("_links")
                                .get("results")
                                .get("href")
                                .asString(),
                        "Accept",
                        "text/csv")
                .raw()
                .lines()
                .limit(1)
                .toList();
        assertThat(defaults.get(0)).as("links only when asked for").doesNotContain("unsubscribe");
    }
}
