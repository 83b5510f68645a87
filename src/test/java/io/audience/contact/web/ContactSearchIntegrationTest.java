package io.audience.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console's contact search over HTTP: every kind of term, the filters, keyset pages, tenancy. */
class ContactSearchIntegrationTest extends IntegrationTest {

    private static final Pattern ROW = Pattern.compile("href=\"/console/contacts/([0-9a-f-]{36})\"");
    private static final Pattern NEXT = Pattern.compile("href=\"(/console/contacts\\?[^\"]*after=[^\"]*)\"");

    private NamedAccount account;
    private ConsoleClient console;
    private String list;
    private String tag;
    private String jane;
    private String robert;
    private String dora;
    private String una;

    @BeforeEach
    void contacts() {
        account = namedAccount("Search");
        console = new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        Api api = account.api();
        list = createList(api, "Newsletter");
        Api.Response created = api.post("/v3/contact_tags", Api.object().put("name", "Gold"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        tag = created.json().get("tag_id").asString();
        jane = contact(
                api,
                "jane.j@example.com",
                "Jane",
                "Johnson",
                "\"list_memberships\": [\"" + list + "\"], \"taggings\": [\"" + tag + "\"],");
        robert = contact(api, "rsmith@example.com", "Robert", "Smith", "");
        dora = contact(api, "dora@example.com", "Dora", "Deleted", "");
        assertThat(api.delete("/v3/contacts/" + dora).status()).isEqualTo(204);
        una = contact(api, "una@example.com", "Una", "Unsubscribed", "");
        db.execute(
                "update email_consent set permission_to_send = 'unsubscribed' where account_id = ?::uuid"
                        + " and email_key = 'una@example.com'",
                account.id());
    }

    @Test
    void exactAddressFindsADeletedContactWithItsBadgeAndDate() {
        assertThat(ids("")).containsExactlyInAnyOrder(jane, robert, una);

        ConsoleClient.Page page = search("  DORA@Example.COM ");
        assertThat(ids(page)).containsExactly(dora);
        assertThat(page.body())
                .contains("<span class=\"badge deleted\">deleted</span>")
                .containsPattern("Deleted \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
    }

    @Test
    void addressAndNamePrefixesFindTheirContacts() {
        assertThat(ids("rsm")).containsExactly(robert);
        assertThat(ids("rsmith@")).containsExactly(robert);
        assertThat(ids("Jo")).containsExactly(jane);
        assertThat(ids("rob")).containsExactly(robert);
        assertThat(ids("do"))
                .as("a deleted contact is left out of prefixes by default")
                .isEmpty();
    }

    @Test
    void aNameSubstringFindsNamesThatContainIt() {
        assertThat(ids("ohns")).containsExactly(jane);
        assertThat(ids("jane ohns")).containsExactly(jane);
        assertThat(ids("mit")).containsExactly(robert);
        assertThat(ids("zzz")).isEmpty();
    }

    @Test
    void likeWildcardsInTheBoxAreLiteral() {
        String underscore = contact(account.api(), "under_score@example.com", "U", "S", "");
        contact(account.api(), "underxscore@example.com", "U", "X", "");
        assertThat(ids("under_")).containsExactly(underscore);
        assertThat(ids("%")).isEmpty();
    }

    @Test
    void filtersNarrowByStateListAndTag() {
        assertThat(ids(console.get("/console/contacts?state=unsubscribed"))).containsExactly(una);
        assertThat(ids(console.get("/console/contacts?state=deleted"))).containsExactly(dora);
        assertThat(ids(console.get("/console/contacts?state=all"))).containsExactlyInAnyOrder(jane, robert, dora, una);
        assertThat(ids(console.get("/console/contacts?list=" + list))).containsExactly(jane);
        assertThat(ids(console.get("/console/contacts?tag=" + tag))).containsExactly(jane);
        assertThat(ids(console.get("/console/contacts?q=rob&list=" + list))).isEmpty();
        assertThat(ids(console.get("/console/contacts?q=dora@example.com&state=active")))
                .as("a chosen state applies to an exact address too")
                .isEmpty();
        ConsoleClient.Page bad = console.get("/console/contacts?state=sleeping");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status accepts all, active, deleted");
    }

    @Test
    void keysetPagesFollowTheNextLinkWithoutRepeats() {
        seedContacts(account.api(), "paged", "paging.example", 121);
        List<String> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String path = "/console/contacts?q=paged";
        while (path != null) {
            ConsoleClient.Page page = console.get(path);
            assertThat(page.status()).isEqualTo(200);
            List<String> ids = ids(page);
            sizes.add(ids.size());
            seen.addAll(ids);
            Matcher next = NEXT.matcher(page.body());
            path = next.find() ? next.group(1).replace("&amp;", "&") : null;
            assertThat(path == null || !path.contains("offset")).isTrue();
        }
        assertThat(sizes).containsExactly(50, 50, 20);
        assertThat(new LinkedHashSet<>(seen)).hasSize(120);
    }

    @Test
    void anotherAccountsContactsListsAndTagsAreNeverShown() {
        NamedAccount other = namedAccount("Other");
        ConsoleClient intruder =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), other.id(), "account_owner"));
        String mine = contact(other.api(), "jane.j@example.com", "Jane", "Johnson", "");

        ConsoleClient.Page exact = intruder.get("/console/contacts?q=jane.j@example.com");
        assertThat(ids(exact)).containsExactly(mine);
        assertThat(ids(intruder.get("/console/contacts?q=dora@example.com"))).isEmpty();
        assertThat(ids(intruder.get("/console/contacts?state=all"))).containsExactly(mine);

        ConsoleClient.Page foreignList = intruder.get("/console/contacts?list=" + list);
        assertThat(foreignList.status()).isEqualTo(404);
        assertThat(foreignList.body()).doesNotContain("Johnson");
        assertThat(intruder.get("/console/contacts?tag=" + tag).status()).isEqualTo(404);
        assertThat(intruder.get("/console/contacts?list=not-an-id").status()).isEqualTo(404);
        assertThat(ids(console.get("/console/contacts?list=" + list))).containsExactly(jane);
    }

    private ConsoleClient.Page search(String q) {
        ConsoleClient.Page page = console.get(
                "/console/contacts?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page;
    }

    private List<String> ids(String q) {
        return ids(search(q));
    }

    private static List<String> ids(ConsoleClient.Page page) {
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Set<String> ids = new LinkedHashSet<>();
        Matcher row = ROW.matcher(page.body());
        while (row.find()) {
            ids.add(row.group(1));
        }
        return List.copyOf(ids);
    }

    private static String contact(Api api, String email, String first, String last, String more) {
        Api.Response created = api.post("/v3/contacts", Api.json("""
                {"email_address": {"address": "%s", "permission_to_send": "implicit"}, %s
                 "first_name": "%s", "last_name": "%s", "create_source": "Account"}
                """.formatted(email, more, first, last)));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("contact_id").asString();
    }
}
