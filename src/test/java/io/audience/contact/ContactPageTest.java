package io.audience.contact;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.ConsoleClient;
import io.audience.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** A contact of a new account and its owner signed in to the console, for the contact page's tests. */
abstract class ContactPageTest extends IntegrationTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    record Fixture(NamedAccount account, ConsoleClient console, String id, String email) {

        String path() {
            return "/console/contacts/" + id;
        }

        JsonNode contact() {
            Api.Response found = account.api()
                    .get("/v3/contacts/" + id
                            + "?include=list_memberships,taggings,custom_fields,phone_numbers,street_addresses");
            assertThat(found.status()).as(found.toString()).isEqualTo(200);
            return found.json();
        }
    }

    Fixture fixture() {
        NamedAccount account = namedAccount("Contact page");
        ConsoleClient console =
                new ConsoleClient(baseUrl()).signIn(ConsoleClient.newUser(admin(), account.id(), "account_owner"));
        String email = uniqueEmail("page");
        String id = createContact(account.api(), email).get("contact_id").asString();
        return new Fixture(account, console, id, email);
    }

    static String version(ConsoleClient console, String path) {
        ConsoleClient.Page page = console.get(path);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        Matcher m = VERSION.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1);
    }

    static void redirectsBack(ConsoleClient.Page done, Fixture f) {
        assertThat(done.status()).as(done.toString()).isEqualTo(302);
        assertThat(done.location().orElse("")).endsWith(f.path());
    }

    JsonNode history(Fixture f) {
        return f.account()
                .api()
                .get("/v3/contacts/" + f.id() + "/consent_history")
                .json()
                .get("events");
    }
}
