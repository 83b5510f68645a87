package io.audience.activity;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A malformed list_delete, contacts_taggings_add/remove, contacts_tags_delete or custom_fields_delete request is
 * refused before any activity starts.
 */
class BadBulkRequestsStartNoActivityIntegrationTest extends IntegrationTest {

    static List<String[]> badRequests() {
        String id = UUID.randomUUID().toString();
        List<String[]> cases = new ArrayList<>();
        String[][] deletes = {
            {"list_delete", "list_ids", "101"},
            {"contacts_tags_delete", "tag_ids", "501"},
            {"custom_fields_delete", "custom_field_ids", "101"}
        };
        for (String[] d : deletes) {
            String path = "/v3/activities/" + d[0];
            String field = d[1];
            cases.add(new String[] {path, "{}"});
            cases.add(new String[] {path, "{\"" + field + "\": null}"});
            cases.add(new String[] {path, "{\"" + field + "\": []}"});
            cases.add(new String[] {path, "{\"" + field + "\": [\"not-a-uuid\"]}"});
            cases.add(new String[] {path, "{\"" + field + "\": [null]}"});
            cases.add(new String[] {path, "{\"" + field + "\": [12]}"});
            cases.add(new String[] {path, "{\"" + field + "\": \"" + id + "\"}"});
            cases.add(new String[] {path, "{\"" + field + "\": " + ids(Integer.parseInt(d[2])) + "}"});
            cases.add(new String[] {path, "{\"" + field + "\": [\"" + id + "\""});
            cases.add(new String[] {path, "[\"" + id + "\"]"});
            cases.add(new String[] {path, "null"});
        }
        for (String kind : new String[] {"contacts_taggings_add", "contacts_taggings_remove"}) {
            String path = "/v3/activities/" + kind;
            String tags = "\"tag_ids\": [\"" + id + "\"]";
            cases.add(new String[] {path, "{}"});
            cases.add(new String[] {path, "{" + tags + "}"});
            cases.add(new String[] {path, "{\"source\": {}, " + tags + "}"});
            cases.add(new String[] {path, "{\"source\": {\"all_active_contacts\": true}}"});
            cases.add(new String[] {path, "{\"source\": {\"all_active_contacts\": true}, \"tag_ids\": []}"});
            cases.add(
                    new String[] {path, "{\"source\": {\"all_active_contacts\": true}, \"tag_ids\": " + ids(51) + "}"});
            cases.add(new String[] {path, "{\"source\": {\"all_active_contacts\": true}, \"tag_ids\": [\"x\"]}"});
            cases.add(new String[] {path, "{\"source\": {\"all_active_contacts\": \"yes\"}, " + tags + "}"});
            cases.add(new String[] {
                path, "{\"source\": {\"contact_ids\": [\"" + id + "\"], \"all_active_contacts\": true}, " + tags + "}"
            });
            cases.add(new String[] {path, "{\"source\": {\"contact_ids\": [\"nope\"]}, " + tags + "}"});
            cases.add(new String[] {path, "{\"source\": {\"contact_ids\": " + ids(501) + "}, " + tags + "}"});
            cases.add(new String[] {path, "{\"source\": [], " + tags + "}"});
            cases.add(new String[] {path, "{\"source\": {\"all_active_contacts\": true}, " + tags});
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRequests")
    void badInputIsA400InTheApiErrorFormatAndWritesNothing(String path, String body) {
        Api api = newAccount();

        Api.Response refused = api.raw("POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.error().get("error_key").asString()).isEqualTo("contacts.api.validation.error");
        assertThat(refused.error().get("error_message").asString()).isNotBlank();
        assertThat(api.get("/v3/activities").json().get("activities")).isEmpty();
    }

    private static String ids(int n) {
        return IntStream.range(0, n)
                .mapToObj(i -> "\"" + UUID.randomUUID() + "\"")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
