package io.audience.webhook;

import io.audience.api.Conflict;
import io.audience.api.NotFound;
import io.audience.api.ValidationFailed;
import io.audience.identity.Ids;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An account's webhook subscriptions, their secrets, a test ping, and their delivery log. */
@Service
public class Webhooks {

    static final int WEBHOOKS_MAX = 20;
    static final int DESCRIPTION_MAX = 500;
    /** After a rotation the old secret signs too for this long, so receivers switch without a gap. */
    static final Duration OLD_SECRET_SIGNS_FOR = Duration.ofHours(24);

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookEventRepository outbox;
    private final WebhookOutbox events;
    private final WebhookSecrets secrets;
    private final Destinations destinations;
    private final Clock clock;

    Webhooks(
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            WebhookEventRepository outbox,
            WebhookOutbox events,
            WebhookSecrets secrets,
            Clock clock,
            @Value("${audience.webhooks.allow-private-networks}") boolean allowPrivateNetworks) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.events = events;
        this.secrets = secrets;
        this.destinations = new Destinations(allowPrivateNetworks);
        this.clock = clock;
    }

    /** Checks what an account writes; the URL's host is resolved here (and again at every delivery). */
    public Webhook.Input input(
            @Nullable String url,
            @Nullable List<String> events,
            @Nullable String description,
            @Nullable Boolean enabled) {
        if (url == null || url.isBlank()) {
            throw new ValidationFailed("url is required");
        }
        String checked = destinations.check(url.strip()).toString();
        if (events == null || events.isEmpty()) {
            throw new ValidationFailed("events must name at least one event, or \"*\" for all");
        }
        Set<String> names = new LinkedHashSet<>();
        for (String event : events) {
            if (event == null) {
                throw new ValidationFailed("events must not hold null");
            }
            names.add(
                    EventType.ALL.equals(event)
                            ? EventType.ALL
                            : EventType.fromWire(event).wire());
        }
        String text = description == null || description.isBlank() ? null : description.strip();
        if (text != null && text.length() > DESCRIPTION_MAX) {
            throw new ValidationFailed("description must be at most " + DESCRIPTION_MAX + " characters");
        }
        if (text != null) {
            io.audience.api.Text.printable("description", text);
        }
        return new Webhook.Input(checked, List.copyOf(names), text, enabled == null || enabled);
    }

    @Transactional
    public Webhook.WithSecret create(UUID accountId, Webhook.Input input) {
        if (webhooks.count(accountId) >= WEBHOOKS_MAX) {
            throw new Conflict(
                    "This account has " + WEBHOOKS_MAX + " webhooks, the most it can have; delete one first");
        }
        OffsetDateTime now = now();
        Webhook webhook = new Webhook(
                accountId,
                Ids.next(),
                input.url(),
                input.events(),
                input.description(),
                input.enabled(),
                null,
                null,
                null,
                now,
                now);
        String secret = secrets.generate();
        webhooks.insert(webhook, secrets.seal(secret));
        return new Webhook.WithSecret(webhook, secret);
    }

    @Transactional(readOnly = true)
    public Webhook get(UUID accountId, UUID webhookId) {
        return webhooks.find(accountId, webhookId).orElseThrow(() -> missing(webhookId));
    }

    @Transactional(readOnly = true)
    public List<Webhook> list(UUID accountId) {
        return webhooks.list(accountId);
    }

    @Transactional
    public Webhook replace(UUID accountId, UUID webhookId, Webhook.Input input) {
        if (!webhooks.update(accountId, webhookId, input, now())) {
            throw missing(webhookId);
        }
        return get(accountId, webhookId);
    }

    /** Turns a webhook on again as it is (the console's button); its URL is checked again as when saved. */
    @Transactional
    public Webhook enable(UUID accountId, UUID webhookId) {
        Webhook webhook = get(accountId, webhookId);
        return replace(accountId, webhookId, input(webhook.url(), webhook.events(), webhook.description(), true));
    }

    @Transactional
    public void delete(UUID accountId, UUID webhookId) {
        if (!webhooks.delete(accountId, webhookId)) {
            throw missing(webhookId);
        }
    }

    /** A new secret, shown once; the old one keeps signing for a day. */
    @Transactional
    public Webhook.WithSecret rotateSecret(UUID accountId, UUID webhookId) {
        get(accountId, webhookId);
        OffsetDateTime now = now();
        String secret = secrets.generate();
        webhooks.rotate(accountId, webhookId, secrets.seal(secret), now.plus(OLD_SECRET_SIGNS_FOR), now);
        return new Webhook.WithSecret(get(accountId, webhookId), secret);
    }

    /** A {@code ping} to this webhook only; answers its delivery's id, to follow in the log. */
    @Transactional
    public UUID ping(UUID accountId, UUID webhookId) {
        Webhook webhook = get(accountId, webhookId);
        OffsetDateTime now = now();
        UUID eventId = Ids.next();
        return outbox.ping(
                accountId,
                webhookId,
                eventId,
                events.payload(eventId, EventType.PING, accountId, now, Map.of("webhook_id", webhook.webhookId())),
                now);
    }

    @Transactional(readOnly = true)
    public List<WebhookDelivery> deliveries(UUID accountId, UUID webhookId, @Nullable UUID before, int limit) {
        get(accountId, webhookId);
        return deliveries.log(accountId, webhookId, before, limit);
    }

    @Transactional
    public WebhookDelivery redeliver(UUID accountId, UUID webhookId, UUID deliveryId) {
        get(accountId, webhookId);
        if (!deliveries.redeliver(accountId, webhookId, deliveryId, now())) {
            throw new NotFound("No delivery " + deliveryId + " of webhook " + webhookId);
        }
        return deliveries.find(accountId, webhookId, deliveryId).orElseThrow();
    }

    private static NotFound missing(UUID webhookId) {
        return new NotFound("No webhook " + webhookId + " in this account");
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
