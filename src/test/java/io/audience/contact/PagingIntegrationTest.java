package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PagingIntegrationTest extends IntegrationTest {

    private static final int CONTACTS = 10_000;

    @Test
    void pagingThroughTenThousandContactsVisitsEachExactlyOnce() {
        Api api = newAccount();
        seedContacts(api, "seed", "example.com", CONTACTS);

        assertThat(api.get("/v3/contacts?limit=1&include_count=true")
                        .json()
                        .get("contacts_count")
                        .asInt())
                .isEqualTo(CONTACTS);
        assertThat(visitAll(api, "/v3/contacts?limit=500")).hasSize(CONTACTS);
        assertThat(visitAll(api, "/v3/contacts?limit=333&include=list_memberships"))
                .hasSize(CONTACTS);
    }

    @Test
    void pagesKeepTheirFiltersAndTheLastPageHasNoNextLink() {
        Api api = newAccount();
        for (int i = 0; i < 5; i++) {
            createContact(api, uniqueEmail("page"));
        }
        JsonNode first = api.get("/v3/contacts?limit=2&status=active").json();
        String next = first.get("_links").get("next").get("href").asString();
        assertThat(next)
                .startsWith("/v3/contacts?")
                .contains("limit=2")
                .contains("status=active")
                .contains("cursor=");
        assertThat(visitAll(api, "/v3/contacts?limit=2&status=active")).hasSize(5);
        assertThat(api.get("/v3/contacts?limit=5").json().has("_links")).isFalse();
    }

    private static Set<String> visitAll(Api api, String firstPage) {
        Set<String> seen = new HashSet<>();
        String page = firstPage;
        int pages = 0;
        while (page != null) {
            Api.Response response = api.get(page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            for (JsonNode contact : response.json().get("contacts")) {
                assertThat(seen.add(contact.get("contact_id").asString()))
                        .as("visited twice")
                        .isTrue();
            }
            JsonNode links = response.json().get("_links");
            page = links == null ? null : links.get("next").get("href").asString();
            assertThat(++pages).isLessThan(1000);
        }
        return seen;
    }
}
