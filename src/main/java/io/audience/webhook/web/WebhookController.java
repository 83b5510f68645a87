package io.audience.webhook.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.audience.api.Caller;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.api.ValidationFailed;
import io.audience.webhook.Webhook;
import io.audience.webhook.WebhookDelivery;
import io.audience.webhook.Webhooks;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhooks (an extension): /v3/webhooks. */
@RestController
@Requires(Privilege.ACCOUNT_UPDATE)
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    record WebhookBody(
            @Nullable String url,
            @Nullable List<String> events,
            @Nullable String description,
            @Nullable Boolean enabled) {}

    record WebhookResource(
            UUID webhookId,
            String url,
            List<String> events,
            @Nullable String description,
            boolean enabled,
            @Nullable String disabledReason,
            @Nullable OffsetDateTime failingSince,
            @Nullable OffsetDateTime previousSecretExpiresAt,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            @Nullable String secret) {

        static WebhookResource of(Webhook w, @Nullable String secret) {
            return new WebhookResource(
                    w.webhookId(),
                    w.url(),
                    w.events(),
                    w.description(),
                    w.enabled(),
                    w.disabledReason(),
                    w.failingSince(),
                    w.previousSecretUntil(),
                    w.createdAt(),
                    w.updatedAt(),
                    secret);
        }
    }

    record WebhookList(List<WebhookResource> webhooks) {}

    record DeliveryList(
            List<WebhookDelivery> deliveries,
            @JsonProperty("_links") @Nullable Map<String, Map<String, String>> links) {}

    @PostMapping(path = "/v3/webhooks", consumes = "application/json")
    ResponseEntity<WebhookResource> create(Caller caller, @RequestBody WebhookBody body) {
        Webhook.WithSecret made = webhooks.create(caller.accountId(), input(body));
        return ResponseEntity.status(HttpStatus.CREATED).body(WebhookResource.of(made.webhook(), made.secret()));
    }

    @Requires(Privilege.ACCOUNT_READ)
    @GetMapping("/v3/webhooks")
    WebhookList list(Caller caller) {
        return new WebhookList(webhooks.list(caller.accountId()).stream()
                .map(w -> WebhookResource.of(w, null))
                .toList());
    }

    @Requires(Privilege.ACCOUNT_READ)
    @GetMapping("/v3/webhooks/{webhook_id}")
    WebhookResource get(Caller caller, @PathVariable("webhook_id") String webhookId) {
        return WebhookResource.of(webhooks.get(caller.accountId(), id(webhookId)), null);
    }

    @PutMapping(path = "/v3/webhooks/{webhook_id}", consumes = "application/json")
    WebhookResource replace(
            Caller caller, @PathVariable("webhook_id") String webhookId, @RequestBody WebhookBody body) {
        UUID id = id(webhookId);
        return WebhookResource.of(webhooks.replace(caller.accountId(), id, input(body)), null);
    }

    @DeleteMapping("/v3/webhooks/{webhook_id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("webhook_id") String webhookId) {
        webhooks.delete(caller.accountId(), id(webhookId));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/v3/webhooks/{webhook_id}/rotate_secret")
    WebhookResource rotate(Caller caller, @PathVariable("webhook_id") String webhookId) {
        Webhook.WithSecret rotated = webhooks.rotateSecret(caller.accountId(), id(webhookId));
        return WebhookResource.of(rotated.webhook(), rotated.secret());
    }

    @PostMapping("/v3/webhooks/{webhook_id}/test")
    ResponseEntity<Map<String, UUID>> test(Caller caller, @PathVariable("webhook_id") String webhookId) {
        UUID delivery = webhooks.ping(caller.accountId(), id(webhookId));
        return ResponseEntity.accepted().body(Map.of("delivery_id", delivery));
    }

    @Requires(Privilege.ACCOUNT_READ)
    @GetMapping("/v3/webhooks/{webhook_id}/deliveries")
    DeliveryList deliveries(
            Caller caller,
            @PathVariable("webhook_id") String webhookId,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String cursor) {
        UUID id = id(webhookId);
        int size = Limits.pageSize(limit, 500);
        UUID before = cursor == null ? null : cursor(cursor);
        List<WebhookDelivery> page = webhooks.deliveries(caller.accountId(), id, before, size + 1);
        Map<String, Map<String, String>> links = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            links = Map.of(
                    "next",
                    Map.of(
                            "href",
                            "/v3/webhooks/" + id + "/deliveries?limit=" + size + "&cursor="
                                    + page.get(size - 1).deliveryId()));
        }
        return new DeliveryList(page, links);
    }

    @PostMapping("/v3/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver")
    ResponseEntity<WebhookDelivery> redeliver(
            Caller caller,
            @PathVariable("webhook_id") String webhookId,
            @PathVariable("delivery_id") String deliveryId) {
        return ResponseEntity.accepted()
                .body(webhooks.redeliver(
                        caller.accountId(), id(webhookId), Limits.uuid("webhook delivery", deliveryId)));
    }

    private Webhook.Input input(WebhookBody body) {
        return webhooks.input(body.url(), body.events(), body.description(), body.enabled());
    }

    private static UUID id(String webhookId) {
        return Limits.uuid("webhook", webhookId);
    }

    /** A delivery id: the log goes newest first by id (they are time-ordered), after that one. */
    private static UUID cursor(String cursor) {
        try {
            if (cursor.length() != 36) { // UUID.fromString also takes short forms like 1-1-1-1-1
                throw new IllegalArgumentException();
            }
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException notOurs) {
            throw new ValidationFailed("cursor is not one this service made: " + cursor);
        }
    }
}
