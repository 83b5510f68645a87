package io.audience.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.Api;
import io.audience.IntegrationTest;
import io.audience.consent.ConsentChanged;
import io.audience.contact.ContactChanged;
import io.audience.list.ListMembershipChanged;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Consent, contact lifecycle and list membership changes are published in the transaction that
 * makes them, stored in the event publication registry, and handed to listeners after the commit;
 * a listener that fails leaves its publication stored until it is delivered again.
 */
@Import(ModuleEventsIntegrationTest.Listeners.class)
class ModuleEventsIntegrationTest extends IntegrationTest {

    @Autowired
    Recorder recorder;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aSignUpIsHeardAfterItsCommitAsACreatedContactAConsentChangeAndAListMembership() {
        NamedAccount account = namedAccount("events");
        String list = createList(account.api(), "News");
        String contactId = signUp(account.api(), "ada@events.example", list);
        UUID accountId = UUID.fromString(account.id());

        ContactChanged created =
                recorder.await(ContactChanged.class, e -> e.accountId().equals(accountId));
        assertThat(created.contactId()).hasToString(contactId);
        assertThat(created.change()).isEqualTo(ContactChanged.Change.CREATED);
        ConsentChanged consent =
                recorder.await(ConsentChanged.class, e -> e.accountId().equals(accountId));
        assertThat(consent.emailKey()).isEqualTo("ada@events.example");
        assertThat(consent.entry().to().name()).isEqualTo("EXPLICIT");
        assertThat(consent.entry().contactId()).hasToString(contactId);
        ListMembershipChanged membership =
                recorder.await(ListMembershipChanged.class, e -> e.accountId().equals(accountId));
        assertThat(membership.added()).containsExactly(UUID.fromString(list));
        assertThat(membership.removed()).isEmpty();
        awaitNoPublicationLeft();
    }

    @Test
    void deletingAndSigningUpAgainIsHeardAsADeletionALeftListAndARevival() {
        NamedAccount account = namedAccount("events");
        String list = createList(account.api(), "News");
        String contactId = signUp(account.api(), "bo@events.example", list);
        assertThat(account.api().delete("/v3/contacts/" + contactId).status()).isEqualTo(204);
        signUp(account.api(), "bo@events.example", list);
        UUID accountId = UUID.fromString(account.id());

        recorder.await(
                ContactChanged.class,
                e -> e.accountId().equals(accountId) && e.change() == ContactChanged.Change.DELETED);
        recorder.await(
                ListMembershipChanged.class,
                e -> e.accountId().equals(accountId) && e.removed().equals(Set.of(UUID.fromString(list))));
        recorder.await(
                ContactChanged.class,
                e -> e.accountId().equals(accountId) && e.change() == ContactChanged.Change.REVIVED);
    }

    @Test
    void aRequestThatIsRefusedAndRolledBackPublishesNothing() throws InterruptedException {
        NamedAccount account = namedAccount("events");
        Api.Response refused =
                account.api().post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "cy@events.example", "list_memberships": ["%s"]}
                """.formatted(UUID.randomUUID())));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(404);
        // A later change of the same account is heard; nothing of the refused one came before it.
        signUp(account.api(), "di@events.example", createList(account.api(), "News"));
        UUID accountId = UUID.fromString(account.id());
        recorder.await(ListMembershipChanged.class, e -> e.accountId().equals(accountId));
        // The listeners run on two threads: the membership can be heard before the consent change.
        recorder.await(
                ConsentChanged.class,
                e -> e.accountId().equals(accountId) && e.emailKey().equals("di@events.example"));
        assertThat(recorder.seen())
                .filteredOn(e -> e instanceof ConsentChanged c && c.accountId().equals(accountId))
                .extracting(e -> ((ConsentChanged) e).emailKey())
                .containsOnly("di@events.example");
    }

    @Test
    void aPublicationWhoseListenerFailedStaysStoredAndIsDeliveredWhenResubmitted() {
        NamedAccount account = namedAccount("events");
        UUID accountId = UUID.fromString(account.id());
        recorder.failFor(accountId);
        try {
            createContact(account.api(), "eve@events.example");
            awaitPublicationsOf(accountId, n -> n > 0);
            assertThat(recorder.seen())
                    .noneMatch(
                            e -> e instanceof ContactChanged c && c.accountId().equals(accountId));
        } finally {
            recorder.failFor(null);
        }
        incomplete.resubmitIncompletePublications(publication -> true);
        recorder.await(ContactChanged.class, e -> e.accountId().equals(accountId));
        awaitPublicationsOf(accountId, n -> n == 0);
    }

    private static String signUp(Api api, String email, String list) {
        Api.Response signedUp = api.post("/v3/contacts/sign_up_form", Api.json("""
                {"email_address": "%s", "first_name": "Events", "list_memberships": ["%s"]}
                """.formatted(email, list)));
        assertThat(signedUp.status()).as(signedUp.toString()).isIn(200, 201);
        return signedUp.json().get("contact_id").asString();
    }

    private void awaitNoPublicationLeft() {
        awaitCondition(() -> db.fetchCount(db.selectFrom("event_publication").where("completion_date is null")) == 0);
    }

    private void awaitPublicationsOf(UUID accountId, Predicate<Integer> expected) {
        awaitCondition(() -> expected.test(db.fetchCount(db.selectFrom("event_publication")
                .where("completion_date is null and serialized_event like {0}", "%" + accountId + "%"))));
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited 10 s").isBefore(deadline);
            Recorder.pause();
        }
    }

    /**
     * Listens as a module of the service would: after the commit, on the event executor. Spring
     * proxies it (the listener methods are transactional), so tests reach its state through methods.
     */
    static class Recorder {

        private final List<Object> seen = new CopyOnWriteArrayList<>();
        private volatile @Nullable UUID failFor;

        List<Object> seen() {
            return List.copyOf(seen);
        }

        void failFor(@Nullable UUID accountId) {
            this.failFor = accountId;
        }

        @ApplicationModuleListener
        void on(ContactChanged event) {
            record(event.accountId(), event);
        }

        @ApplicationModuleListener
        void on(ConsentChanged event) {
            record(event.accountId(), event);
        }

        @ApplicationModuleListener
        void on(ListMembershipChanged event) {
            record(event.accountId(), event);
        }

        private void record(UUID accountId, Object event) {
            if (accountId.equals(failFor)) {
                throw new IllegalStateException("this listener is down for the test");
            }
            seen.add(event);
        }

        <T> T await(Class<T> type, Predicate<T> matching) {
            Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
            while (true) {
                for (Object event : seen) {
                    if (type.isInstance(event) && matching.test(type.cast(event))) {
                        return type.cast(event);
                    }
                }
                assertThat(Instant.now())
                        .as("no " + type.getSimpleName() + " heard in 10 s; heard " + seen)
                        .isBefore(deadline);
                pause();
            }
        }

        static void pause() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listeners {

        @Bean
        Recorder recorder() {
            return new Recorder();
        }
    }
}
