package io.audience.confirmation;

import static io.audience.db.Tables.CONTACT;
import static io.audience.db.Tables.OUTBOX_MAIL;
import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.Mailbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.TestPropertySource;

/**
 * No mail cannon: sign-ups of one address send one confirmation mail per window, and the daily
 * caps per address and per account hold. The window is the default (15 minutes); tests move the
 * last mail back in time instead of waiting.
 */
@TestPropertySource(properties = "audience.confirmation.daily-per-account=6")
class ConfirmationThrottleIntegrationTest extends IntegrationTest {

    private static final Duration MAIL = Duration.ofSeconds(20);

    private final Map<Api, String> lists = new ConcurrentHashMap<>();

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void fiftySignUpsOfOneAddressInARowSendOneMailAndAnswerAsUsual(CapturedOutput log) throws Exception {
        Api api = confirmedOptInAccount();
        String email = uniqueEmail("bomb");

        Api.Response first = signUp(api, email);
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String contactId = first.json().get("contact_id").asString();
        for (int i = 1; i < 50; i++) {
            Api.Response again = signUp(api, email);
            assertThat(again.status()).as(again.toString()).isEqualTo(200);
            assertThat(again.json().get("contact_id").asString()).isEqualTo(contactId);
            assertThat(again.json().get("action").asString()).isEqualTo("updated");
        }

        assertOneMailOnly(email);
        assertThat(log.getAll())
                .as("no address or link in the log")
                .doesNotContain(email)
                .doesNotContain("/confirm/")
                .doesNotContain("/unsubscribe/");
    }

    @Test
    void fiftyConcurrentSignUpsOfOneAddressSendExactlyOneMail() throws Exception {
        Api api = confirmedOptInAccount();
        String email = uniqueEmail("storm");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Api.Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return signUp(api, email);
                }));
            }
            start.countDown();
            int created = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response r = answer.get();
                assertThat(r.status()).as(r.toString()).isIn(200, 201);
                created += r.status() == 201 ? 1 : 0;
            }
            assertThat(created).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }

        assertOneMailOnly(email);
    }

    @Test
    void afterTheWindowTheNextSignUpSendsAgainUpToTheDailyCapOfTheAddress() throws Exception {
        Api api = confirmedOptInAccount();
        String email = uniqueEmail("window");
        signUp(api, email);
        Mailbox.awaitMail(email, 1, MAIL);

        for (int sent = 2; sent <= 4; sent++) {
            signUp(api, email);
            assertThat(queuedTo(email)).as("within the window").isEqualTo(sent - 1);
            endWindow(email);
            Api.Response afterWindow = signUp(api, email);
            assertThat(afterWindow.status()).isEqualTo(200);
            assertThat(queuedTo(email))
                    .as("after the window; the daily cap is 3")
                    .isEqualTo(Math.min(sent, 3));
        }
        Mailbox.awaitMail(email, 3, MAIL);
        Thread.sleep(1000);
        assertThat(Mailbox.mailTo(email)).hasSize(3);
    }

    @Test
    void theDailyCapOfTheAccountHoldsAndAnotherAccountIsNotAffected() throws Exception {
        Api api = confirmedOptInAccount();
        Api other = confirmedOptInAccount();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String email = uniqueEmail("cap" + i);
            addresses.add(email);
            assertThat(signUp(api, email).status()).isEqualTo(201);
        }
        long queued = addresses.stream().filter(a -> queuedTo(a) == 1).count();
        assertThat(queued)
                .as("the account's daily cap is 6, and the mail that confirmed its sender address counted")
                .isEqualTo(5);

        String last = addresses.get(7);
        assertThat(addresses.stream().limit(5).allMatch(a -> queuedTo(a) == 1)).isTrue();
        assertThat(queuedTo(last)).isZero();
        assertThat(signUp(other, last).status())
                .as("another account, same address")
                .isEqualTo(201);
        assertThat(queuedTo(last))
                .as("this account's throttle and cap are its own")
                .isEqualTo(1);
        Mailbox.awaitMail(last, 1, MAIL);
    }

    private Api confirmedOptInAccount() {
        Api api = newAccount();
        settings(api, true);
        lists.put(api, createList(api, "News"));
        return api;
    }

    private Api.Response signUp(Api api, String email) {
        return api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "first_name": "Pat", "list_memberships": ["%s"]}
                """.formatted(email, lists.get(api))));
    }

    private int queuedTo(String email) {
        return db.fetchCount(OUTBOX_MAIL, OUTBOX_MAIL.TO_ADDRESS.eq(email));
    }

    /** As if the last mail to the address went out 16 minutes ago. */
    private void endWindow(String email) {
        UUID account = db.select(CONTACT.ACCOUNT_ID)
                .from(CONTACT)
                .where(CONTACT.EMAIL_KEY.eq(email))
                .fetchSingle()
                .value1();
        db.execute(
                "update confirmation_throttle set last_sent_at = last_sent_at - interval '16 minutes' "
                        + "where account_id = ?",
                account);
    }

    private void assertOneMailOnly(String email) throws InterruptedException {
        Mailbox.awaitMail(email, 1, MAIL);
        Thread.sleep(1000);
        assertThat(Mailbox.mailTo(email)).hasSize(1);
        assertThat(queuedTo(email)).isEqualTo(1);
    }
}
