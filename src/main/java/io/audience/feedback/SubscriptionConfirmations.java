package io.audience.feedback;

import io.audience.feedback.provider.AwsCertificates;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Confirms an SNS subscription by visiting its SubscribeURL, only on Amazon's SNS host (anything
 * else would let a forged message make us fetch any address).
 */
@Component
class SubscriptionConfirmations {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    void confirm(URI subscribeUrl) {
        if (!AwsCertificates.isSnsHost(subscribeUrl)) {
            throw new Unverified("SubscribeURL is not on Amazon SNS's host: " + subscribeUrl.getHost());
        }
        try {
            HttpResponse<Void> answer = http.send(
                    HttpRequest.newBuilder(subscribeUrl).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() / 100 != 2) {
                throw new NotConfirmed("Amazon SNS answered " + answer.statusCode() + " to the confirmation");
            }
        } catch (IOException e) {
            throw new NotConfirmed("Amazon SNS could not be reached to confirm: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NotConfirmed("Interrupted while confirming the subscription");
        }
    }
}
