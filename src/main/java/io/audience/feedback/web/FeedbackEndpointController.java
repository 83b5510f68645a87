package io.audience.feedback.web;

import io.audience.api.Caller;
import io.audience.api.Limits;
import io.audience.api.Privilege;
import io.audience.api.PublicUrl;
import io.audience.api.Requires;
import io.audience.feedback.FeedbackEndpoint;
import io.audience.feedback.FeedbackEndpoints;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Feedback endpoints (an extension): /v3/feedback_endpoints, where sending services post bounces. */
@RestController
@Requires(Privilege.ACCOUNT_UPDATE)
class FeedbackEndpointController {

    private final FeedbackEndpoints endpoints;
    private final PublicUrl publicUrl;

    FeedbackEndpointController(FeedbackEndpoints endpoints, PublicUrl publicUrl) {
        this.endpoints = endpoints;
        this.publicUrl = publicUrl;
    }

    record EndpointBody(
            @Nullable String provider,
            @Nullable String description,
            @Nullable List<String> topicArns,
            @Nullable String signingKey,
            @Nullable String publicKey) {}

    /**
     * @param username and {@code secret}: Postmark's basic auth; {@code secret} alone: the generic
     *     endpoint's signing key. Shown once, when the endpoint is made.
     */
    record EndpointResource(
            UUID endpointId,
            String provider,
            String url,
            @Nullable String description,
            @Nullable List<String> topicArns,
            @Nullable String username,
            @Nullable String secret,
            OffsetDateTime createdAt) {}

    record EndpointList(List<EndpointResource> feedbackEndpoints) {}

    @PostMapping(path = "/v3/feedback_endpoints", consumes = "application/json")
    ResponseEntity<EndpointResource> create(Caller caller, @RequestBody EndpointBody body) {
        FeedbackEndpoint.Made made = endpoints.create(
                caller.accountId(),
                new FeedbackEndpoints.Draft(
                        body.provider(), body.description(), body.topicArns(), body.signingKey(), body.publicKey()));
        return ResponseEntity.status(HttpStatus.CREATED).body(resource(made.endpoint(), made.secret()));
    }

    @GetMapping("/v3/feedback_endpoints")
    @Requires(Privilege.ACCOUNT_READ)
    EndpointList list(Caller caller) {
        return new EndpointList(endpoints.all(caller.accountId()).stream()
                .map(e -> resource(e, null))
                .toList());
    }

    @GetMapping("/v3/feedback_endpoints/{endpoint_id}")
    @Requires(Privilege.ACCOUNT_READ)
    EndpointResource get(Caller caller, @PathVariable("endpoint_id") String endpointId) {
        return resource(endpoints.get(caller.accountId(), Limits.uuid("feedback endpoint", endpointId)), null);
    }

    @DeleteMapping("/v3/feedback_endpoints/{endpoint_id}")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("endpoint_id") String endpointId) {
        endpoints.delete(caller.accountId(), Limits.uuid("feedback endpoint", endpointId));
        return ResponseEntity.noContent().build();
    }

    private EndpointResource resource(FeedbackEndpoint e, @Nullable String secret) {
        boolean postmark = e.provider() == FeedbackEndpoint.Provider.POSTMARK;
        return new EndpointResource(
                e.endpointId(),
                e.provider().wire(),
                publicUrl.of("/feedback/" + e.endpointId()),
                e.description(),
                e.provider() == FeedbackEndpoint.Provider.SES ? e.topicArns() : null,
                postmark ? FeedbackEndpoint.POSTMARK_USER : null,
                secret,
                e.createdAt());
    }
}
