package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The preference page over HTTP: it shows the account's public lists only; leaving one is the
 * person's opt-out of it, which no API write, bulk add, import or relayed sign-up undoes; only the
 * person comes back (the page, or a confirmation). A GET never changes anything.
 */
class PreferencePageIntegrationTest extends IntegrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private NamedAccount account;
    private String news;
    private String offers;
    private String hidden;
    private String contact;
    private String email;
    private String page;

    @BeforeEach
    void aContactOnTwoPublicListsAndOneHiddenList() {
        account = namedAccount("Preferences");
        news = publicList(account.api(), "News");
        offers = publicList(account.api(), "Offers");
        hidden = createList(account.api(), "Internal VIPs");
        email = uniqueEmail("prefs");
        Api.Response created = account.api().post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "explicit"}, "create_source": "Account",
                 "list_memberships": ["%s", "%s", "%s"]}""".formatted(email, news, offers, hidden)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        contact = created.json().get("contact_id").asString();
        page = account.api()
                .get("/v3/contacts/" + contact + "/links")
                .json()
                .get("preferences_url")
                .asString();
    }

    @Test
    void thePageShowsThePublicListsTickedAndACrawlerChangesNothing() throws Exception {
        String before = state();
        HttpResponse<String> shown = get(page);

        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body())
                .contains("News", "Offers", email, "Preferences")
                .doesNotContain("Internal VIPs")
                .contains("value=\"" + news + "\" checked")
                .contains("Unsubscribe from everything");
        for (String link : List.of(page, page.replace("/preferences/", "/unsubscribe/"), page + "?list_ids=" + news)) {
            assertThat(get(link).statusCode()).isLessThan(400);
        }
        assertThat(state()).as("GETs change nothing").isEqualTo(before);
        assertThat(get(page.replace("/preferences/", "/preferences/x")).statusCode())
                .isEqualTo(404);
    }

    @Test
    void leavingAListIsTheirOptOutWhichTheAccountCannotUndoButThePersonCan() throws Exception {
        HttpResponse<String> saved = post(page, "list_ids=" + news);

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("Your choices are saved").contains("value=\"" + offers + "\">");
        assertThat(lists()).containsExactlyInAnyOrder(news, hidden);
        JsonNode left = lastEvent();
        assertThat(left.get("list_id").asString()).isEqualTo(offers);
        assertThat(left.get("source").asString()).isEqualTo("Contact");
        assertThat(left.get("evidence").asString()).contains("left list").contains("preference page");

        Api.Response put =
                account.api().put("/v3/contacts/" + contact, Api.json("""
                {"email_address": {"address": "%s"}, "update_source": "Account",
                 "list_memberships": ["%s", "%s", "%s"]}""".formatted(email, news, offers, hidden)));
        assertThat(put.status()).as(put.toString()).isEqualTo(409);
        assertThat(put.raw()).contains(offers).contains("preference");
        awaitCompleted(account.api(), account.api().post("/v3/activities/add_list_memberships", Api.json("""
                {"source": {"contact_ids": ["%s"]}, "list_ids": ["%s"]}""".formatted(
                        contact, offers))));
        awaitCompleted(account.api(), account.api().post("/v3/activities/contacts_json_import", Api.json("""
                {"import_data": [{"email": "%s"}], "list_ids": ["%s"]}""".formatted(
                        email, offers))));
        Api.Response signUp = account.api().post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "list_memberships": ["%s"]}""".formatted(email, offers)));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(200);
        assertThat(lists()).as("no account write put the address back").containsExactlyInAnyOrder(news, hidden);
        assertThat(db.fetchValue(
                        "select count(*) from confirmation where account_id = ?::uuid and email_key = ? and list_ids = ?",
                        account.id(),
                        email,
                        offers))
                .as("the relayed sign-up asks the person instead")
                .isEqualTo(1L);

        assertThat(post(page, "list_ids=" + news + "&list_ids=" + offers).statusCode())
                .isEqualTo(200);
        assertThat(lists()).containsExactlyInAnyOrder(news, offers, hidden);
        assertThat(lastEvent().get("evidence").asString()).contains("joined list");
        assertThat(account.api()
                        .put("/v3/contacts/" + contact, Api.json("""
                        {"email_address": {"address": "%s"}, "update_source": "Account",
                         "list_memberships": ["%s"]}""".formatted(email, hidden)))
                        .status())
                .isEqualTo(200);
    }

    @Test
    void tickingAListWhileUnsubscribedIsThePersonOptingBackIn() throws Exception {
        HttpResponse<String> out = post(page.replace("/preferences/", "/unsubscribe/"), "source=page");
        assertThat(out.statusCode()).isEqualTo(200);
        assertThat(get(page).body())
                .contains("You are unsubscribed from everything")
                .doesNotContain("checked");

        assertThat(post(page, "list_ids=" + news).statusCode()).isEqualTo(200);

        JsonNode now = account.api().get("/v3/contacts/" + contact).json();
        assertThat(now.get("email_address").get("permission_to_send").asString())
                .isEqualTo("explicit");
        assertThat(lists()).as("the unticked public list is left too").containsExactlyInAnyOrder(news, hidden);
    }

    @Test
    void anotherAccountsListsAndBadFormsChangeNothing() throws Exception {
        NamedAccount other = namedAccount("Preferences other");
        String theirs = publicList(other.api(), "Theirs");
        String before = state();

        assertThat(post(page, "list_ids=" + news + "&list_ids=" + offers + "&list_ids=" + theirs)
                        .statusCode())
                .isEqualTo(200);
        assertThat(state()).isEqualTo(before);
        assertThat(db.fetchValue("select count(*) from list_membership where list_id = ?::uuid", theirs))
                .isEqualTo(0L);
        assertThat(post(page, "list_ids=not-an-id").statusCode()).isEqualTo(400);
        assertThat(post(page, "list_ids=" + hidden).statusCode()).isEqualTo(200);
        assertThat(lists()).as("a hidden list is never touched by the page").contains(hidden);
        assertThat(other.api().get("/v3/contacts/" + contact + "/links").status())
                .isEqualTo(404);
    }

    private static String publicList(Api api, String name) {
        String id = createList(api, name);
        Api.Response made =
                api.put("/v3/contact_lists/" + id, Api.json("{\"name\": \"" + name + "\", \"public\": true}"));
        assertThat(made.status()).as(made.toString()).isEqualTo(200);
        assertThat(made.json().get("public").asBoolean()).isTrue();
        return id;
    }

    private List<String> lists() {
        JsonNode found = account.api()
                .get("/v3/contacts/" + contact + "?include=list_memberships")
                .json()
                .get("list_memberships");
        return found == null
                ? List.of()
                : found.valueStream().map(JsonNode::asString).toList();
    }

    private JsonNode lastEvent() {
        JsonNode events = account.api()
                .get("/v3/contacts/" + contact + "/consent_history")
                .json()
                .get("events");
        return events.get(events.size() - 1);
    }

    /** Memberships, consent and history: what a request could change. */
    private String state() {
        return lists().stream().sorted().collect(Collectors.joining(","))
                + account.api().get("/v3/contacts/" + contact).json().get("email_address")
                + account.api()
                        .get("/v3/contacts/" + contact + "/consent_history")
                        .raw();
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String url, String form) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
