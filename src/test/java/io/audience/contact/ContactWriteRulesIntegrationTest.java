package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Writes of one contact that meet another: swapped addresses, and lists for a person who opted out. */
class ContactWriteRulesIntegrationTest extends IntegrationTest {

    @Test
    void twoPutsThatSwapAddressesQueueAndAnswerWhoHasTheAddressNeverADeadlock() throws Exception {
        Api api = newAccount();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String a = uniqueEmail("swap-a");
                String b = uniqueEmail("swap-b");
                String first = createContact(api, a).get("contact_id").asString();
                String second = createContact(api, b).get("contact_id").asString();
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Api.Response>> answers = new ArrayList<>();
                answers.add(pool.submit(() -> {
                    start.await();
                    return move(api, first, b);
                }));
                answers.add(pool.submit(() -> {
                    start.await();
                    return move(api, second, a);
                }));
                start.countDown();
                for (Future<Api.Response> answer : answers) {
                    Api.Response response = answer.get();
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                    assertThat(response.error().get("error_message").asString())
                            .as(response.toString())
                            .contains("EmailAddress is not unique");
                    assertThat(response.error().has("contact_id")).isTrue();
                }
                assertThat(api.get("/v3/contacts/" + first)
                                .json()
                                .get("email_address")
                                .get("address")
                                .asString())
                        .isEqualTo(a);
                assertThat(api.get("/v3/contacts/" + second)
                                .json()
                                .get("email_address")
                                .get("address")
                                .asString())
                        .isEqualTo(b);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aPutNeverAddsToAListAPersonWhoOptedOutButMayKeepOrRemoveLists() {
        Api api = newAccount();
        String kept = createList(api, "Kept");
        String other = createList(api, "Other");
        String email = uniqueEmail("optout-lists");
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account", "list_memberships": ["%s"]}
                """.formatted(email, kept)));
        String id = created.json().get("contact_id").asString();
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact",
                 "list_memberships": ["%s"]}""".formatted(email, kept)))
                        .status())
                .isEqualTo(200);

        Api.Response refused = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account", "first_name": "Changed",
                 "list_memberships": ["%s", "%s"]}""".formatted(email, kept, other)));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.error().get("error_message").asString())
                .contains("cannot add them to lists")
                .contains(other)
                .contains("resubscribe");
        JsonNode after =
                api.get("/v3/contacts/" + id + "?include=list_memberships").json();
        assertThat(after.get("list_memberships").toString()).contains(kept).doesNotContain(other);
        assertThat(after.has("first_name") && after.get("first_name").asString().equals("Changed"))
                .as("a refused request writes nothing")
                .isFalse();

        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account", "list_memberships": ["%s"]}
                """.formatted(email, kept)))
                        .status())
                .as("the same lists again")
                .isEqualTo(200);
        assertThat(api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account", "list_memberships": []}
                """.formatted(email))).status())
                .as("leaving a list")
                .isEqualTo(200);
        assertThat(api.get("/v3/contacts/" + id + "?include=list_memberships")
                        .json()
                        .get("list_memberships"))
                .isEmpty();
    }

    private static Api.Response move(Api api, String contactId, String address) {
        return api.put("/v3/contacts/" + contactId, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account"}""".formatted(address)));
    }
}
