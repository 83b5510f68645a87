package io.audience.consent;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** What the suites that follow consent through real mail share: the person's own client and their say. */
abstract class ConsentMailSupport extends IntegrationTest {

    protected static final Duration MAIL = Duration.ofSeconds(20);

    protected Api person() {
        return new Api(baseUrl(), null);
    }

    protected static String path(String url) {
        return url.substring(url.indexOf('/', "http://".length()));
    }

    protected Api.Response submitForm(String html, String userAgent) {
        Matcher action =
                Pattern.compile("<form method=\"post\" action=\"([^\"]+)\"").matcher(html);
        assertThat(action.find()).isTrue();
        return person().raw(
                        "POST",
                        action.group(1),
                        "application/x-www-form-urlencoded",
                        new byte[0],
                        "User-Agent",
                        userAgent);
    }

    protected static void optOutAsThePerson(Api api, String id, String email) {
        Api.Response out = api.put("/v3/contacts/" + id, Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "unsubscribed"}, "update_source": "Contact"}
                """.formatted(email)));
        assertThat(out.status()).as(out.toString()).isEqualTo(200);
    }

    protected static String permission(Api api, String id) {
        return api.get("/v3/contacts/" + id)
                .json()
                .get("email_address")
                .get("permission_to_send")
                .asString();
    }

    protected static JsonNode lastEvent(Api api, String id) {
        JsonNode events =
                api.get("/v3/contacts/" + id + "/consent_history").json().get("events");
        return events.get(events.size() - 1);
    }
}
