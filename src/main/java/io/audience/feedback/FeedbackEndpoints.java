package io.audience.feedback;

import io.audience.api.NotFound;
import io.audience.api.ValidationFailed;
import io.audience.feedback.provider.SendGridEvents;
import io.audience.identity.MasterKey;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The account's feedback endpoints: made, listed, deleted; their secrets sealed at rest. */
@Service
public class FeedbackEndpoints {

    static final String CONTEXT = "feedback endpoint secret";
    private static final int MAX_PER_ACCOUNT = 20;
    private static final Pattern TOPIC_ARN =
            Pattern.compile("^arn:aws(-cn|-us-gov)?:sns:[a-z0-9-]{1,30}:\\d{12}:[A-Za-z0-9_-]{1,256}(\\.fifo)?$");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedbackEndpointRepository endpoints;
    private final MasterKey masterKey;
    private final Clock clock;

    FeedbackEndpoints(FeedbackEndpointRepository endpoints, MasterKey masterKey, Clock clock) {
        this.endpoints = endpoints;
        this.masterKey = masterKey;
        this.clock = clock;
    }

    /** What the account asks for; which fields a provider needs is checked here. */
    public record Draft(
            @Nullable String provider,
            @Nullable String description,
            @Nullable List<String> topicArns,
            @Nullable String signingKey,
            @Nullable String publicKey) {}

    @Transactional
    public FeedbackEndpoint.Made create(UUID accountId, Draft draft) {
        FeedbackEndpoint.Provider provider = FeedbackEndpoint.Provider.fromWire(draft.provider());
        String description =
                draft.description() == null ? null : draft.description().strip();
        if (description != null && description.length() > 255) {
            throw new ValidationFailed("description must be at most 255 characters");
        }
        List<String> topics = provider == FeedbackEndpoint.Provider.SES ? topics(draft.topicArns()) : List.of();
        refuseUnused(provider, draft);
        String publicKey = null;
        String secret = null;
        String sealed = null;
        switch (provider) {
            case SES -> {}
            case POSTMARK, GENERIC -> {
                secret = provider == FeedbackEndpoint.Provider.GENERIC
                        ? "whsec_" + Base64.getEncoder().encodeToString(bytes(32))
                        : Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(24));
                sealed = seal(secret);
            }
            case MAILGUN -> {
                String key =
                        draft.signingKey() == null ? "" : draft.signingKey().strip();
                if (key.length() < 8 || key.length() > 200) {
                    throw new ValidationFailed(
                            "signing_key is required for mailgun: the HTTP webhook signing key of its dashboard");
                }
                sealed = seal(key);
            }
            case SENDGRID -> {
                publicKey = draft.publicKey() == null ? "" : draft.publicKey().strip();
                try {
                    SendGridEvents.publicKey(publicKey);
                } catch (IllegalArgumentException e) {
                    throw new ValidationFailed("public_key is required for sendgrid (the verification key of its"
                            + " signed Event Webhook): " + e.getMessage());
                }
            }
        }
        if (endpoints.all(accountId).size() >= MAX_PER_ACCOUNT) {
            throw new ValidationFailed("An account has at most " + MAX_PER_ACCOUNT + " feedback endpoints");
        }
        FeedbackEndpoint made = new FeedbackEndpoint(
                accountId,
                UUID.randomUUID(),
                provider,
                description,
                publicKey,
                topics,
                OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS));
        endpoints.insert(made, sealed);
        return new FeedbackEndpoint.Made(made, secret);
    }

    @Transactional(readOnly = true)
    public List<FeedbackEndpoint> all(UUID accountId) {
        return endpoints.all(accountId);
    }

    @Transactional(readOnly = true)
    public FeedbackEndpoint get(UUID accountId, UUID endpointId) {
        return endpoints.find(accountId, endpointId).orElseThrow(() -> notFound(endpointId));
    }

    @Transactional
    public void delete(UUID accountId, UUID endpointId) {
        if (!endpoints.delete(accountId, endpointId)) {
            throw notFound(endpointId);
        }
    }

    /** The endpoint a provider posts to, with its secret opened; empty for an unknown id. */
    @Transactional(readOnly = true)
    java.util.Optional<Opened> opened(UUID endpointId) {
        return endpoints
                .find(endpointId)
                .map(stored -> new Opened(
                        stored.endpoint(),
                        stored.secretSealed() == null
                                ? null
                                : new String(masterKey.open(stored.secretSealed(), CONTEXT), StandardCharsets.UTF_8)));
    }

    record Opened(FeedbackEndpoint endpoint, @Nullable String secret) {}

    private static List<String> topics(@Nullable List<String> arns) {
        if (arns == null || arns.isEmpty() || arns.size() > 10) {
            throw new ValidationFailed("topic_arns is required for ses: the 1 to 10 SNS topics whose"
                    + " notifications this endpoint takes (arn:aws:sns:<region>:<account>:<topic>)");
        }
        for (String arn : arns) {
            if (arn == null || !TOPIC_ARN.matcher(arn).matches()) {
                throw new ValidationFailed("topic_arns: " + arn + " is no SNS topic ARN");
            }
        }
        return List.copyOf(arns);
    }

    private static void refuseUnused(FeedbackEndpoint.Provider provider, Draft draft) {
        if (provider != FeedbackEndpoint.Provider.SES && draft.topicArns() != null) {
            throw new ValidationFailed("topic_arns is only for ses");
        }
        if (provider != FeedbackEndpoint.Provider.MAILGUN && draft.signingKey() != null) {
            throw new ValidationFailed("signing_key is only for mailgun");
        }
        if (provider != FeedbackEndpoint.Provider.SENDGRID && draft.publicKey() != null) {
            throw new ValidationFailed("public_key is only for sendgrid");
        }
    }

    private String seal(String secret) {
        return masterKey.seal(secret.getBytes(StandardCharsets.UTF_8), CONTEXT);
    }

    private static byte[] bytes(int n) {
        byte[] raw = new byte[n];
        RANDOM.nextBytes(raw);
        return raw;
    }

    private static NotFound notFound(UUID endpointId) {
        return new NotFound("No feedback endpoint " + endpointId + " in this account");
    }
}
