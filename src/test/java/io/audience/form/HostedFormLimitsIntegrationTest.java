package io.audience.form;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The limits of the public form post: one network address posts at most 50 times an hour, whatever
 * the outcome; one form takes at most its hourly sign-ups, whoever posts (40 in tests).
 */
class HostedFormLimitsIntegrationTest extends HostedFormTestBase {

    @Test
    void aHundredPostsFromOneAddressMeetTheLimitWith429() {
        Form form = form("Hosted flood");
        FormClient flood = new FormClient(baseUrl(), form.id(), "192.0.2." + (1 + NEXT.getAndIncrement() % 250));
        int accepted = 0;
        Api.Response last = null;
        for (int i = 0; i < 100; i++) {
            last = flood.send(Map.of("email_address", "flood" + i + "@example.com", "consent", "yes"));
            if (last.status() == 429) {
                break;
            }
            accepted++;
        }
        assertThat(last).isNotNull();
        assertThat(last.status()).as("refused after %d posts", accepted).isEqualTo(429);
        assertThat(accepted).isEqualTo(50);
        assertThat(last.header("Retry-After")).isPresent();
        assertThat(last.raw()).contains("try again");
        Api.Response fromElsewhere = new FormClient(baseUrl(), form.id(), address())
                .send(Map.of("email_address", "x@example.com", "consent", "yes"));
        assertThat(fromElsewhere.status())
                .as("another address is not held back (its post just lacks a solution)")
                .isEqualTo(400);
    }

    @Test
    void aFormTakesAtMostItsHourlySignUpsWhateverTheAddresses() {
        Form form = form("Hosted busy");
        java.util.List<FormClient> people = new java.util.ArrayList<>();
        java.util.List<Map<String, String>> posts = new java.util.ArrayList<>();
        for (int i = 0; i < 41; i++) {
            FormClient person = new FormClient(baseUrl(), form.id(), address());
            Map<String, String> post = person.postNotWaited(uniqueEmail("busy" + i));
            post.put("first_name", "P" + i);
            people.add(person);
            posts.add(post);
        }
        FormClient.pause(1_100);
        int taken = 0;
        Api.Response last = null;
        for (int i = 0; i < 41; i++) {
            last = people.get(i).send(posts.get(i));
            if (last.status() != 200) {
                break;
            }
            taken++;
        }
        assertThat(taken).as("the tests' limit per form is 40 an hour").isEqualTo(40);
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.raw()).contains("this hour");
    }
}
