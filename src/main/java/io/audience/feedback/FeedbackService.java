package io.audience.feedback;

import io.audience.api.Conflict;
import io.audience.api.ValidationFailed;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.ConsentPolicy;
import io.audience.consent.ConsentService;
import io.audience.consent.ConsentService.AddressLock;
import io.audience.consent.Delivery;
import io.audience.consent.DeliveryStatus;
import io.audience.consent.EmailAddresses;
import io.audience.consent.Source;
import io.audience.contact.ContactQueries;
import io.audience.contact.ContactView;
import io.audience.webhook.EventType;
import io.audience.webhook.WebhookOutbox;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies bounce and complaint reports to addresses, whatever they came from: each report is
 * recorded once (a source that sends it again changes nothing), under the address's lock, with an
 * entry in the address's history; a complaint is the person's opt-out, a bounce changes only the
 * delivery state.
 */
@Service
public class FeedbackService {

    private static final int MAX_REASON = 500;

    /** What became of a report. */
    public enum Outcome {
        RECORDED,
        /** The same report (its source and id) was recorded before. */
        DUPLICATE
    }

    private final FeedbackRepository reports;
    private final ConsentService consent;
    private final ContactQueries contacts;
    private final WebhookOutbox webhooks;
    private final DeliveryPolicy policy;
    private final Clock clock;

    FeedbackService(
            FeedbackRepository reports,
            ConsentService consent,
            ContactQueries contacts,
            WebhookOutbox webhooks,
            @Value("${audience.feedback.soft-bounce-limit}") int softBounceLimit,
            @Value("${audience.feedback.soft-bounce-window}") Duration softBounceWindow,
            Clock clock) {
        this.reports = reports;
        this.consent = consent;
        this.contacts = contacts;
        this.webhooks = webhooks;
        this.policy = new DeliveryPolicy(softBounceLimit, softBounceWindow);
        this.clock = clock;
    }

    @Transactional
    public Outcome record(UUID accountId, Feedback report) {
        String key = EmailAddresses.key("email", report.email());
        OffsetDateTime now = OffsetDateTime.now(clock);
        Actor actor = actor(report);
        AddressLock lock = consent.lock(accountId, key, actor, now);
        if (!reports.insert(accountId, key, report, actor.actor(), now)) {
            return Outcome.DUPLICATE;
        }
        UUID contactId = contacts.contactIdOf(accountId, key).orElse(null);
        if (report.kind() == Feedback.Kind.COMPLAINT) {
            complaint(lock, contactId, report, actor);
            return Outcome.RECORDED;
        }
        Delivery before = consent.delivery(lock);
        int softBounces = report.kind() == Feedback.Kind.SOFT_BOUNCE
                ? reports.softBouncesSince(accountId, key, now.minus(policy.window()))
                : 0;
        Delivery after = policy.after(before, report, softBounces);
        consent.setDelivery(lock, after);
        consent.note(lock, contactId, actor);
        webhooks.record(
                accountId, EventType.DELIVERY_BOUNCED, contactId, now, () -> bounced(contactId, key, report, after));
        return Outcome.RECORDED;
    }

    /**
     * The account says mail reaches the contact's address again (the person fixed their mailbox):
     * the state is deliverable and soft bounces count afresh; who and why go into its history. A
     * new bounce sets it again. Returns the state now.
     */
    @Transactional
    public Delivery reset(UUID accountId, UUID contactId, Actor actor, @Nullable String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ValidationFailed("reason is required: say why mail reaches the address again");
        }
        if (why.length() > MAX_REASON) {
            throw new ValidationFailed("reason must be at most " + MAX_REASON + " characters");
        }
        ContactView.Email email = contacts.get(accountId, contactId, Set.of()).email();
        if (email == null) {
            throw new Conflict(
                    "The contact " + contactId + " has no email address; there is no delivery state to reset");
        }
        reset(accountId, email.key(), contactId, actor, why);
        return consent.deliveryOf(accountId, email.key());
    }

    /**
     * The person confirmed by the link in a mail we sent to the address: mail reaches it, whatever
     * bounced before. Runs in the confirmation's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void confirmedByPerson(UUID accountId, String emailKey, @Nullable UUID contactId, String confirmation) {
        Actor person = new Actor(Source.CONTACT, Channel.LINK, confirmation, null, null, null);
        reset(
                accountId,
                emailKey,
                contactId,
                person,
                "the person confirmed by the link in our mail, so mail reaches" + " the address");
    }

    /** Makes the address deliverable, unless it is; the history entry says who, why and what it was. */
    private void reset(UUID accountId, String emailKey, @Nullable UUID contactId, Actor actor, String why) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        AddressLock lock = consent.lock(accountId, emailKey, actor, now);
        Delivery before = consent.delivery(lock);
        if (before.status() == DeliveryStatus.DELIVERABLE) {
            return;
        }
        reports.insertReset(accountId, emailKey, actor.actor(), why, now);
        consent.setDelivery(lock, Delivery.DELIVERABLE);
        consent.note(
                lock,
                contactId,
                new Actor(
                        actor.source(),
                        actor.channel(),
                        actor.actor(),
                        actor.ip(),
                        actor.userAgent(),
                        Delivery.RESET_EVIDENCE + " (was " + before.status().wire() + ": " + before.bounceReason()
                                + "): " + why));
    }

    private void complaint(AddressLock lock, @Nullable UUID contactId, Feedback report, Actor actor) {
        var state = consent.apply(
                lock,
                contactId,
                current -> ConsentPolicy.contactOptsOut(current, ConsentPolicy.COMPLAINT, report.occurredAt()),
                actor);
        if (lock.current() != null && state.equals(lock.current())) {
            // Opted out before: the report still belongs in the history, as evidence.
            consent.note(lock, contactId, actor);
        }
    }

    private static Actor actor(Feedback report) {
        boolean complaint = report.kind() == Feedback.Kind.COMPLAINT;
        return new Actor(
                complaint ? Source.CONTACT : Source.ACCOUNT,
                complaint ? Channel.COMPLAINT : Channel.BOUNCE,
                "feedback:" + report.source(),
                null,
                null,
                report.evidence());
    }

    private static Map<String, Object> bounced(
            @Nullable UUID contactId, String emailKey, Feedback report, Delivery after) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("contact_id", contactId);
        data.put("email_address", emailKey);
        data.put("bounce_type", report.kind() == Feedback.Kind.HARD_BOUNCE ? "hard" : "soft");
        data.put("source", report.source());
        data.put("status", report.status());
        data.put("diagnostic", report.diagnostic());
        data.put("occurred_at", report.occurredAt());
        data.put("delivery_status", after.status().wire());
        data.put("bounced_at", after.bouncedAt());
        data.put("bounce_reason", after.bounceReason());
        return data;
    }
}
