package io.audience.contact;

import static io.audience.db.Tables.CONSENT_EVENT;
import static io.audience.db.Tables.CONTACT;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConcurrencyIntegrationTest extends IntegrationTest {

    @Test
    void fiftyConcurrentSignUpsOfOneNewAddressMakeOneContactAndOneHistoryEntry() throws Exception {
        Api api = newAccount();
        String list = createList(api, "Launch");
        String email = uniqueEmail("rush");
        String body = """
                {"email_address": "%s", "first_name": "Rush", "list_memberships": ["%s"]}
                """.formatted(email, list);

        List<Api.Response> responses = all(50, () -> api.post("/v3/contacts/sign_up_form", body));

        Map<Integer, Long> statuses =
                responses.stream().collect(Collectors.groupingBy(Api.Response::status, Collectors.counting()));
        assertThat(statuses).as(statuses.toString()).containsOnlyKeys(200, 201);
        assertThat(statuses.get(201)).isEqualTo(1L);
        assertThat(responses.stream()
                        .map(r -> r.json().get("contact_id").asString())
                        .distinct())
                .hasSize(1);
        assertThat(db.fetchCount(CONTACT, CONTACT.EMAIL_KEY.eq(email))).isEqualTo(1);
        assertThat(db.fetchCount(CONSENT_EVENT, CONSENT_EVENT.EMAIL_KEY.eq(email)))
                .isEqualTo(1);

        String id = responses.get(0).json().get("contact_id").asString();
        var history = api.get("/v3/contacts/" + id + "/consent_history").json().get("events");
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("to_permission").asString()).isEqualTo("explicit");
        assertThat(history.get(0).get("channel").asString()).isEqualTo("form");
        assertThat(api.get("/v3/contact_lists/" + list + "?include_membership_count=all")
                        .json()
                        .get("membership_count")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void concurrentCreatesOfOneAddressGiveOneContactAndConflictsNamingIt() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("race");
        String body = """
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(email);

        List<Api.Response> responses = all(20, () -> api.post("/v3/contacts", body));

        List<Api.Response> created =
                responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(created).hasSize(1);
        String id = created.get(0).json().get("contact_id").asString();
        assertThat(responses.stream().filter(r -> r.status() != 201)).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(409);
            assertThat(r.error().get("contact_id").asString()).isEqualTo(id);
        });
        assertThat(db.fetchCount(CONTACT, CONTACT.EMAIL_KEY.eq(email))).isEqualTo(1);
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswerEvenWhenRetriesRace() throws Exception {
        Api api = newAccount();
        String email = uniqueEmail("once");
        String body = """
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(email);

        List<Api.Response> responses = all(10, () -> api.post("/v3/contacts", body, "Idempotency-Key", "key-1"));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
        assertThat(responses.stream().map(Api.Response::raw).distinct()).hasSize(1);
        assertThat(responses.stream()
                        .filter(r -> r.header("Idempotent-Replayed").isPresent()))
                .hasSize(9);
        assertThat(db.fetchCount(CONTACT, CONTACT.EMAIL_KEY.eq(email))).isEqualTo(1);
    }

    @Test
    void idempotencyKeyReusedWithAnotherBodyIsRefused() {
        Api api = newAccount();
        api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(uniqueEmail("first"))), "Idempotency-Key", "key-2");

        Api.Response reused =
                api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(uniqueEmail("second"))), "Idempotency-Key", "key-2");

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.error().get("error_message").asString()).contains("different request");
    }

    @Test
    void refusedRequestUnderAnIdempotencyKeyCanBeRetriedOnceFixed() {
        Api api = newAccount();
        String email = uniqueEmail("retry");
        Api.Response refused = api.post(
                "/v3/contacts/sign_up_form",
                Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, java.util.UUID.randomUUID())),
                "Idempotency-Key",
                "key-3");
        assertThat(refused.status()).isEqualTo(404);

        Api.Response again = api.post(
                "/v3/contacts/sign_up_form",
                Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, createList(api, "Real"))),
                "Idempotency-Key",
                "key-3b");
        assertThat(again.status()).isEqualTo(201);
    }

    @Test
    void putWithAStaleEtagIsRefusedAndChangesNothing() {
        Api api = newAccount();
        String email = uniqueEmail("etag");
        String id = createContact(api, email).get("contact_id").asString();
        Api.Response read = api.get("/v3/contacts/" + id);
        String etag = read.header("ETag").orElseThrow();

        Api.Response first = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "First", "update_source": "Account"}
                """.formatted(email)), "If-Match", etag);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("ETag").orElseThrow()).isNotEqualTo(etag);

        Api.Response stale = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s"}, "first_name": "Second", "update_source": "Account"}
                """.formatted(email)), "If-Match", etag);
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.error().get("error_key").asString()).isEqualTo("contacts.api.precondition.failed");
        assertThat(api.get("/v3/contacts/" + id).json().get("first_name").asString())
                .isEqualTo("First");
    }

    private static List<Api.Response> all(int n, Supplier<Api.Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Api.Response>> futures = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<Api.Response> responses = new java.util.ArrayList<>();
            for (Future<Api.Response> f : futures) {
                responses.add(f.get());
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
