package io.audience;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The tokens that decide who the caller is: without an account token nothing is read or changed,
 * an x-api-key header works as a bearer token does, an account token never opens the admin
 * endpoints, and further tokens the admin issues work for their account only.
 */
class AccountTokensIntegrationTest extends IntegrationTest {

    static Stream<Arguments> requestsWithoutAValidToken() {
        return Stream.of(
                Arguments.of("no token", null, null),
                Arguments.of("a wrong token", "Authorization", "Bearer aud_not-a-real-token"),
                Arguments.of("the admin token", "Authorization", "Bearer " + ADMIN_TOKEN),
                Arguments.of("an empty bearer", "Authorization", "Bearer "),
                Arguments.of("basic credentials", "Authorization", "Basic dXNlcjpwYXNz"),
                Arguments.of("a wrong x-api-key", "x-api-key", "aud_not-a-real-token"),
                Arguments.of("the admin token as x-api-key", "x-api-key", ADMIN_TOKEN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsWithoutAValidToken")
    void theApiRefusesACallerWithoutAnAccountToken(String label, String header, String value) {
        NamedAccount owner = namedAccount("Owner");
        String contact = createContact(owner.api(), uniqueEmail("owner"))
                .get("contact_id")
                .asString();
        String list = createList(owner.api(), "Owned");
        String[] headers = header == null ? new String[0] : new String[] {header, value};
        String contactBody = """
                {"email_address": {"address": "%s"}, "first_name": "Eve", "create_source": "Account"}
                """.formatted(uniqueEmail("eve"));

        for (Api.Response response : List.of(
                send("GET", "/v3/contacts", null, headers),
                send("GET", "/v3/contacts/" + contact, null, headers),
                send("POST", "/v3/contacts", contactBody, headers),
                send(
                        "PUT",
                        "/v3/contacts/" + contact,
                        "{\"first_name\": \"Eve\", \"update_source\": \"Account\"}",
                        headers),
                send("DELETE", "/v3/contacts/" + contact, null, headers),
                send(
                        "POST",
                        "/v3/contacts/sign_up_form",
                        "{\"email_address\": \"" + uniqueEmail("eve") + "\", \"list_memberships\": [\"" + list + "\"]}",
                        headers),
                send("GET", "/v3/contact_lists", null, headers),
                send("DELETE", "/v3/contact_lists/" + list, null, headers),
                send("GET", "/v3/contacts/counts", null, headers))) {
            assertUnauthorized(response);
        }
        // A path no endpoint has is a 404 whatever the token: there is nothing to guard.
        assertThat(send("GET", "/v3/no_such_endpoint", null, headers).status()).isEqualTo(404);

        assertThat(contactsCount(owner.api())).isEqualTo(1);
        JsonNode kept = owner.api().get("/v3/contacts/" + contact).json();
        assertThat(kept.get("first_name").asString()).isEqualTo("Test");
        assertThat(kept.has("deleted_at")).isFalse();
        assertThat(owner.api().get("/v3/contact_lists/" + list).json().has("deleted_at"))
                .isFalse();
    }

    @Test
    void anXApiKeyHeaderWorksLikeABearerToken() {
        NamedAccount account = namedAccount("Key");
        String email = uniqueEmail("key");

        Api.Response created = send("POST", "/v3/contacts", """
                {"email_address": {"address": "%s"}, "first_name": "Kay", "create_source": "Account"}
                """.formatted(email), "x-api-key", account.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("contact_id").asString();

        Api.Response listed = send(
                "GET",
                "/v3/contacts?email=" + URLEncoder.encode(email, StandardCharsets.UTF_8),
                null,
                "x-api-key",
                account.token());
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(ids(listed)).containsExactly(id);
        assertThat(ids(account.api().get("/v3/contacts"))).containsExactly(id);
        Api.Response lowercase = send("GET", "/v3/contacts/" + id, null, "authorization", "bearer " + account.token());
        assertThat(lowercase.status()).as(lowercase.toString()).isEqualTo(200);
        // B's key sees B's data only
        NamedAccount other = namedAccount("Other");
        assertNotFound(send("GET", "/v3/contacts/" + id, null, "x-api-key", other.token()));
    }

    @Test
    void anAccountTokenCannotUseTheAdminEndpoints() {
        NamedAccount account = namedAccount("Tenant");
        String body = "{\"name\": \"Sneaky " + UUID.randomUUID() + "\"}";

        assertUnauthorized(send("POST", "/admin/accounts", body, "Authorization", "Bearer " + account.token()));
        assertUnauthorized(send("POST", "/admin/accounts", body, "x-api-key", account.token()));
        assertUnauthorized(send("POST", "/admin/accounts", body));
        assertUnauthorized(send("POST", "/admin/accounts", body, "Authorization", "Bearer wrong"));
        assertUnauthorized(send(
                "POST",
                "/admin/accounts/" + account.id() + "/api_tokens",
                "",
                "Authorization",
                "Bearer " + account.token()));
    }

    @Test
    void theAdminIssuesFurtherWorkingTokensForAnAccount() {
        NamedAccount account = namedAccount("Tokens");
        String contact = createContact(account.api(), uniqueEmail("tok"))
                .get("contact_id")
                .asString();

        Api.Response issued = admin().post("/admin/accounts/" + account.id() + "/api_tokens", Api.object());
        assertThat(issued.status()).as(issued.toString()).isEqualTo(201);
        String second = issued.json().get("api_token").asString();
        assertThat(second).isNotBlank().isNotEqualTo(account.token());

        Api secondClient = account.api().withToken(second);
        assertThat(ids(secondClient.get("/v3/contacts"))).containsExactly(contact);
        assertThat(secondClient.get("/v3/contacts/" + contact).status()).isEqualTo(200);
        assertThat(ids(account.api().get("/v3/contacts"))).containsExactly(contact);

        for (String unknown : List.of(UUID.randomUUID().toString(), "not-an-account")) {
            Api.Response missing = admin().post("/admin/accounts/" + unknown + "/api_tokens", Api.object());
            assertNotFound(missing);
        }
    }

    /** A request with exactly the given credential headers, or none. */
    private Api.Response send(String method, String path, String body, String... headers) {
        return new Api(baseUrl(), null)
                .raw(
                        method,
                        path,
                        body == null ? null : "application/json",
                        body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8),
                        headers);
    }

    private static void assertNotFound(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(404);
        assertThat(response.error().path("error_key").asString(""))
                .as(response.toString())
                .isEqualTo("contacts.api.not_found");
    }

    private static void assertUnauthorized(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.error().path("error_key").asString(""))
                .as(response.toString())
                .isEqualTo("unauthorized");
        assertThat(response.error().path("error_message").asString(""))
                .as(response.toString())
                .isNotBlank();
        assertThat(response.header("WWW-Authenticate")).as(response.toString()).contains("Bearer");
    }

    private static int contactsCount(Api api) {
        Api.Response listing = api.get("/v3/contacts?status=all&include_count=true");
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        return listing.json().get("contacts_count").asInt();
    }

    private static List<String> ids(Api.Response listing) {
        assertThat(listing.status()).as(listing.toString()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        listing.json().get("contacts").forEach(c -> ids.add(c.get("contact_id").asString()));
        return ids;
    }
}
