package io.audience.consent;

import static io.audience.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The consent property of {@link ConsentLifecyclePropertiesTest}, end to end: random sequences of
 * API calls and link clicks against the running service, checked after every step.
 */
class RandomConsentSequencesIntegrationTest extends IntegrationTest {

    private static final int SEQUENCES = 30;
    private static final int STEPS = 12;
    private static final String[] PERMISSIONS = {"implicit", "explicit", "not_set", "unsubscribed"};

    @Test
    void noSequenceOfCallsMakesAnAddressThePersonLeftSendableWithoutTheirClick() {
        Random random = new Random(20261129L);
        Api api = newAccount();
        String list = createList(api, "Random");
        for (int sequence = 0; sequence < SEQUENCES; sequence++) {
            String email = uniqueEmail("random" + sequence);
            boolean personSaidNo = false;
            List<String> steps = new ArrayList<>();
            for (int step = 0; step < STEPS; step++) {
                String action = switch (random.nextInt(10)) {
                    case 0 -> create(api, email);
                    case 1 -> put(api, email, "Account", PERMISSIONS[random.nextInt(PERMISSIONS.length)]);
                    case 2 -> put(api, email, "Contact", "unsubscribed");
                    case 3 -> withContact(api, email, id -> api.delete("/v3/contacts/" + id));
                    case 4 -> signUp(api, email, list, random.nextBoolean());
                    case 5 ->
                        withContact(
                                api,
                                email,
                                id -> api.put(
                                        "/v3/contacts/resubscribe/" + id,
                                        Api.json("{\"list_ids\": [\"" + list + "\"]}")));
                    case 6 -> clickLatest(email, "action_url");
                    case 7 -> clickLatest(email, "unsubscribe_url");
                    case 8 -> withContact(api, email, id -> api.post("/v3/contacts/" + id + "/erase", ""));
                    default -> put(api, email, "Account", "explicit");
                };
                steps.add(action);
                if (action.startsWith("unsubscribe 200") || action.startsWith("put Contact unsubscribed 200")) {
                    personSaidNo = true;
                }
                if (action.startsWith("confirm 200")) {
                    personSaidNo = false;
                }
                String permission = permission(api, email);
                if (personSaidNo) {
                    assertThat(permission).as("after %s", steps).isNotIn("implicit", "explicit");
                }
            }
        }
    }

    private String create(Api api, String email) {
        return "create "
                + api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s"}, "create_source": "Account"}
                """.formatted(email))).status();
    }

    private String put(Api api, String email, String source, String permission) {
        return withContact(
                        api,
                        email,
                        id -> api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "%s"}, "update_source": "%s"}
                """.formatted(email, permission, source))))
                .replaceFirst("^call", "put " + source + " " + permission);
    }

    private String signUp(Api api, String email, String list, boolean confirmedOptIn) {
        settings(api, confirmedOptIn);
        return "signup "
                + api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}
                """.formatted(email, list)))
                        .status();
    }

    private String clickLatest(String email, String column) {
        String url = db.select(column.equals("action_url") ? OUTBOX_MAIL.ACTION_URL : OUTBOX_MAIL.UNSUBSCRIBE_URL)
                .from(OUTBOX_MAIL)
                .where(OUTBOX_MAIL.TO_ADDRESS.eq(email))
                .orderBy(OUTBOX_MAIL.MAIL_ID.desc())
                .limit(1)
                .fetchOne(0, String.class);
        String name = column.equals("action_url") ? "confirm" : "unsubscribe";
        if (url == null) {
            return name + " none";
        }
        String path = url.substring(url.indexOf('/', "http://".length()));
        return name + " "
                + new Api(baseUrl(), null)
                        .raw(
                                "POST",
                                path,
                                "application/x-www-form-urlencoded",
                                "List-Unsubscribe=One-Click".getBytes(StandardCharsets.UTF_8))
                        .status();
    }

    private String withContact(Api api, String email, java.util.function.Function<String, Api.Response> call) {
        JsonNode found = api.get("/v3/contacts?email=" + email).json().get("contacts");
        if (found.isEmpty()) {
            return "call none";
        }
        return "call " + call.apply(found.get(0).get("contact_id").asString()).status();
    }

    private static String permission(Api api, String email) {
        JsonNode found = api.get("/v3/contacts?email=" + email).json().get("contacts");
        return found.isEmpty()
                ? "none"
                : found.get(0).get("email_address").get("permission_to_send").asString();
    }
}
