package io.audience.webhook;

import io.audience.identity.MasterKey;
import io.audience.scheduling.Schedulers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends due deliveries on a pool of its own. Each poll takes only as many as there are free
 * workers, in turns across accounts; any instance can deliver, the lease in the database keeps
 * two from sending the same delivery at once, and one that dies mid-send leaves a lease that
 * expires, so the delivery is sent again (at least once).
 */
@Component
class Dispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final DeliveryRepository deliveries;
    private final WebhookOutbox outbox;
    private final Map<EventType, EventData> data = new EnumMap<>(EventType.class);
    private final WebhookRepository webhooks;
    private final MasterKey masterKey;
    private final Clock clock;
    private final Sender sender;
    private final ExecutorService workers;
    private final Semaphore free;
    private final Duration disableAfter;
    private final Duration lease;
    private final Counter failures;
    private final Timer latency;

    Dispatcher(
            DeliveryRepository deliveries,
            WebhookOutbox outbox,
            List<EventData> data,
            WebhookRepository webhooks,
            MasterKey masterKey,
            Clock clock,
            MeterRegistry meters,
            @Value("${audience.webhooks.allow-private-networks}") boolean allowPrivateNetworks,
            @Value("${audience.webhooks.workers}") int threads,
            @Value("${audience.webhooks.connect-timeout}") Duration connectTimeout,
            @Value("${audience.webhooks.read-timeout}") Duration readTimeout,
            @Value("${audience.webhooks.disable-after}") Duration disableAfter,
            @Value("${audience.webhooks.lease}") Duration lease) {
        if (lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException("audience.webhooks.lease (" + lease
                    + ") must be longer than the connect and read timeouts together, or a slow delivery is sent twice");
        }
        this.lease = lease;
        this.deliveries = deliveries;
        this.outbox = outbox;
        for (EventData maker : data) {
            maker.types().forEach(type -> {
                if (this.data.put(type, maker) != null) {
                    throw new IllegalStateException("Two modules make the data of " + type + " events");
                }
            });
        }
        this.webhooks = webhooks;
        this.masterKey = masterKey;
        this.clock = clock;
        this.sender = new Sender(new Destinations(allowPrivateNetworks), connectTimeout, readTimeout, threads * 2);
        this.workers = Executors.newFixedThreadPool(
                threads, new org.springframework.scheduling.concurrent.CustomizableThreadFactory("webhook-"));
        this.free = new Semaphore(threads);
        this.disableAfter = disableAfter;
        this.failures = Counter.builder("audience.webhooks.failures")
                .description("Webhook delivery attempts that failed")
                .register(meters);
        this.latency = Timer.builder("audience.webhooks.latency")
                .description("Time from sending a webhook to its endpoint's answer")
                .register(meters);
        Gauge.builder("audience.webhooks.backlog", deliveries, DeliveryRepository::backlog)
                .description("Webhook deliveries not yet succeeded nor given up")
                .register(meters);
    }

    /**
     * Claims as many due deliveries as there are free workers, and again as soon as workers free
     * up, until none is due: an interval between claims would cap the rate at the workers per
     * interval (8 a second), far below what an endpoint takes during an import.
     */
    @Scheduled(fixedDelayString = "${audience.webhooks.poll-interval}", scheduler = Schedulers.WEBHOOKS)
    void poll() {
        while (!workers.isShutdown()) {
            try {
                if (!free.tryAcquire(1, TimeUnit.SECONDS)) {
                    return; // every worker busy for a while: the next poll goes on
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int available = 1 + free.drainPermits();
            List<DeliveryRepository.Claimed> claimed;
            try {
                OffsetDateTime now = OffsetDateTime.now(clock);
                claimed = deliveries.claim(now, now.plus(lease), available);
            } catch (RuntimeException e) {
                free.release(available);
                log.warn("Could not look for webhook deliveries; the next poll tries again", e);
                return;
            }
            free.release(available - claimed.size());
            for (DeliveryRepository.Claimed delivery : claimed) {
                send(delivery);
            }
            if (claimed.size() < available) {
                return; // nothing more is due now
            }
        }
    }

    /** On a worker, whose permit this caller holds. */
    private void send(DeliveryRepository.Claimed delivery) {
        try {
            workers.execute(() -> {
                try {
                    deliver(delivery);
                } catch (RuntimeException e) {
                    log.warn(
                            "Webhook delivery {} failed unexpectedly; its lease expires and it is sent again",
                            delivery.deliveryId(),
                            e);
                } finally {
                    free.release();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
            free.release(); // its lease expires and another instance, or the next start, sends it
        }
    }

    private void deliver(DeliveryRepository.Claimed delivery) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        WebhookRepository.Secrets sealed = webhooks.secrets(delivery.accountId(), delivery.webhookId(), now)
                .orElse(null);
        if (sealed == null) {
            return; // deleted meanwhile: its deliveries went with it
        }
        List<String> secrets = new ArrayList<>();
        secrets.add(open(sealed.current()));
        if (sealed.previous() != null) {
            secrets.add(open(sealed.previous()));
        }
        Sender.Outcome outcome = sender.send(
                delivery.url(), delivery.eventId().toString(), now.toEpochSecond(), payloadOf(delivery), secrets);
        latency.record(Duration.ofMillis(outcome.latencyMs()));
        OffsetDateTime after = OffsetDateTime.now(clock);
        if (outcome.succeeded()) {
            deliveries.attempted(
                    delivery,
                    Deliveries.SUCCEEDED,
                    null,
                    outcome.status(),
                    outcome.latencyMs(),
                    null,
                    outcome.excerpt(),
                    after);
            webhooks.succeeded(delivery.accountId(), delivery.webhookId());
            return;
        }
        failures.increment();
        String error = outcome.error() != null ? outcome.error() : "the endpoint answered " + outcome.status();
        boolean givenUp = !after.isBefore(delivery.createdAt().plus(Deliveries.GIVE_UP_AFTER));
        deliveries.attempted(
                delivery,
                givenUp ? Deliveries.FAILED : Deliveries.PENDING,
                givenUp ? null : after.plus(Deliveries.backoff(delivery.attempts() + 1)),
                outcome.status(),
                outcome.latencyMs(),
                error,
                outcome.excerpt(),
                after);
        OffsetDateTime failingSince = webhooks.failing(delivery.accountId(), delivery.webhookId(), after);
        if (!after.isBefore(failingSince.plus(disableAfter))) {
            webhooks.disable(
                    delivery.accountId(),
                    delivery.webhookId(),
                    "Every delivery since " + failingSince + " failed (last: " + error + "); enable it again with PUT"
                            + " once the endpoint works, and its pending deliveries are sent",
                    after);
        }
    }

    /** An event recorded in bulk is made now, with its contact as it is now: at least as new as the change. */
    private String payloadOf(DeliveryRepository.Claimed delivery) {
        if (delivery.payload() != null) {
            return delivery.payload();
        }
        EventType type = EventType.fromWire(delivery.type());
        UUID contactId = UUID.fromString(delivery.orderingKey());
        return outbox.payload(
                delivery.eventId(),
                type,
                delivery.accountId(),
                delivery.occurredAt(),
                maker(type).of(delivery.accountId(), type, contactId, delivery.occurredAt(), delivery.detail()));
    }

    private EventData maker(EventType type) {
        EventData maker = data.get(type);
        if (maker == null) {
            throw new IllegalStateException("No module makes the data of " + type + " events recorded in bulk");
        }
        return maker;
    }

    private String open(String sealed) {
        return new String(masterKey.open(sealed, WebhookSecrets.CONTEXT), StandardCharsets.UTF_8);
    }

    @Override
    public void destroy() throws Exception {
        workers.shutdown();
        workers.awaitTermination(10, TimeUnit.SECONDS);
        sender.close();
    }
}
