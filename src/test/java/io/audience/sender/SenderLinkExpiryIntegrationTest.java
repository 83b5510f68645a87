package io.audience.sender;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import io.audience.MutableClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The service reads the time from its injected clock: moving that clock past a sender link's
 * validity, and nothing else, turns the link's answer from the confirm page into 410 Gone. The
 * moved clock is this context's own, closed after the class, so no other test sees it.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class SenderLinkExpiryIntegrationTest extends IntegrationTest {

    private static final Duration MAIL = Duration.ofSeconds(20);

    @TestConfiguration(proxyBeanMethods = false)
    static class MovableTime {

        @Bean
        @Primary
        MutableClock movableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    private MutableClock clock;

    @Value("${audience.confirmation-validity}")
    private Duration validity;

    @Test
    void aSenderLinkExpiresWhenTheClockPassesItsValidityAndNotBefore() {
        Api api = newAccount();
        String sender = uniqueEmail("late");
        assertThat(api.post("/v3/account/emails", Api.object().put("email_address", sender))
                        .status())
                .isEqualTo(201);
        String link = Mailbox.link(Mailbox.awaitMail(sender, 1, MAIL).get(0), "/confirm/sender/");
        String path = URI.create(link).getPath();
        Api person = new Api(baseUrl(), null);

        try {
            clock.advance(validity.minusMinutes(1));
            assertThat(person.get(path, "Accept", "text/html").status())
                    .as("a minute before the end")
                    .isEqualTo(200);

            clock.advance(Duration.ofMinutes(2));
            Api.Response page = person.get(path, "Accept", "text/html");
            assertThat(page.status()).as("a minute after the end").isEqualTo(410);
            assertThat(page.raw()).contains("expired");
            assertThat(person.post(path, "").status()).isEqualTo(410);
        } finally {
            clock.reset();
        }
        assertThat(api.get("/v3/account/emails?email_address=" + sender)
                        .json()
                        .get(0)
                        .get("email_status")
                        .asString())
                .as("an expired link changes nothing")
                .isEqualTo("UNCONFIRMED");
        assertThat(person.post(path, "").status())
                .as("at the real time the link is valid again")
                .isEqualTo(200);
    }
}
