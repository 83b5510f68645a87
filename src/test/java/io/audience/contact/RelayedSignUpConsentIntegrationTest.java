package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * sign_up_form from a business's own server: with {@code consent}, the history records the
 * person's IP address and user agent, the wording they were shown and the page, instead of the
 * server's request; the wording is stored once per account however many people see it.
 */
class RelayedSignUpConsentIntegrationTest extends IntegrationTest {

    private static final String WORDING = "Yes, send me the Tuesday newsletter. I can unsubscribe at any time.";
    private static final String BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";

    @Test
    void aRelayedSignUpRecordsThePersonsRequestTheWordingAndThePage() {
        NamedAccount account = namedAccount("Relayed");
        String list = createList(account.api(), "Tuesday");
        String email = uniqueEmail("relayed");

        Api.Response signed = account.api().post("/v3/contacts/sign_up_form", signUp(email, list, "2001:DB8::5"));

        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        JsonNode event =
                lastEvent(account.api(), signed.json().get("contact_id").asString());
        assertThat(event.get("ip").asString()).isEqualTo("2001:db8:0:0:0:0:0:5");
        assertThat(event.get("user_agent").asString()).isEqualTo(BROWSER);
        assertThat(event.get("consent_text").asString()).isEqualTo(WORDING);
        assertThat(event.get("page_url").asString()).isEqualTo("https://shop.example/newsletter?ref=footer");
        assertThat(event.get("source").asString()).isEqualTo("Contact");
        assertThat(event.get("actor").asString())
                .as("the history still says who relayed it")
                .startsWith("api_token:");
        assertThat(event.get("evidence").asString()).contains("sign_up_form").contains(list);
    }

    @Test
    void theSameWordingIsStoredOncePerAccountAndEachAccountKeepsItsOwn() {
        NamedAccount a = namedAccount("Wording A");
        NamedAccount b = namedAccount("Wording B");
        String listA = createList(a.api(), "A");
        String listB = createList(b.api(), "B");
        for (int i = 0; i < 3; i++) {
            Api.Response signed = a.api()
                    .post("/v3/contacts/sign_up_form", signUp(uniqueEmail("wording-a"), listA, "198.51.100." + i));
            assertThat(signed.status()).as(signed.toString()).isEqualTo(201);
        }
        Api.Response inB =
                b.api().post("/v3/contacts/sign_up_form", signUp(uniqueEmail("wording-b"), listB, "192.0.2.1"));
        assertThat(inB.status()).as(inB.toString()).isEqualTo(201);

        assertThat(wordings(a.id())).isEqualTo(1);
        assertThat(wordings(b.id())).isEqualTo(1);
        assertThat(db.fetchValue(
                        "select count(distinct consent_text_id) from consent_event where account_id = ?::uuid"
                                + " and consent_text_id is not null",
                        a.id()))
                .isEqualTo(1L);
        assertThat(db.fetchValue(
                        "select count(*) from consent_event e join consent_text t on t.consent_text_id = e.consent_text_id"
                                + " where e.account_id = ?::uuid and t.account_id <> e.account_id",
                        b.id()))
                .as("no event points at another account's wording")
                .isEqualTo(0L);
    }

    @Test
    void withoutConsentTheHistoryRecordsTheCallersOwnRequestAsBefore() {
        NamedAccount account = namedAccount("Direct");
        String list = createList(account.api(), "Direct");
        Api.Response signed = account.api()
                .post(
                        "/v3/contacts/sign_up_form",
                        Api.object()
                                .put("email_address", uniqueEmail("direct"))
                                .set(
                                        "list_memberships",
                                        Api.JSON.createArrayNode().add(list)));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(201);

        JsonNode event =
                lastEvent(account.api(), signed.json().get("contact_id").asString());
        assertThat(event.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(event.has("consent_text"))
                .as("absent, as every empty field of the API")
                .isFalse();
        assertThat(event.has("page_url")).isFalse();
    }

    private static Object signUp(String email, String list, String ip) {
        return Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"],
                 "consent": {"ip": "%s", "user_agent": "%s", "consent_text": "%s",
                             "page_url": "https://shop.example/newsletter?ref=footer"}}""".formatted(email, list, ip, BROWSER, WORDING));
    }

    private static JsonNode lastEvent(Api api, String contactId) {
        Api.Response history = api.get("/v3/contacts/" + contactId + "/consent_history");
        assertThat(history.status()).as(history.toString()).isEqualTo(200);
        JsonNode events = history.json().get("events");
        return events.get(events.size() - 1);
    }

    private long wordings(String accountId) {
        return db.fetchValue("select count(*) from consent_text where account_id = ?::uuid", accountId)
                        instanceof Long n
                ? n
                : -1;
    }
}
