package io.audience.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.Timeout;
import org.jspecify.annotations.Nullable;

/**
 * One POST of one event to one endpoint, signed as Standard Webhooks define it. Connections go
 * only to addresses the destination guard resolved and allowed; redirects are not followed (a
 * 3xx is a failure, so an endpoint cannot bounce a delivery to an inside address); at most 1 KB
 * of the answer is read.
 */
final class Sender implements AutoCloseable {

    static final int EXCERPT_MAX = 1_024;

    /** The outcome of one attempt: the status when the endpoint answered, otherwise why not. */
    record Outcome(
            @Nullable Integer status,
            @Nullable String error,
            @Nullable String excerpt,
            int latencyMs) {

        boolean succeeded() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private final CloseableHttpClient http;
    private final Destinations destinations;

    Sender(
            Destinations destinations,
            java.time.Duration connectTimeout,
            java.time.Duration readTimeout,
            int connections) {
        this.destinations = destinations;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(destinations.resolver())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(connectTimeout))
                                .setSocketTimeout(Timeout.of(readTimeout))
                                .build())
                        .setMaxConnTotal(connections)
                        .setMaxConnPerRoute(Math.max(2, connections / 4))
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(Timeout.of(readTimeout))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent("Audience-Webhooks/1.0")
                .build();
    }

    /** Signs with every secret that signs now (two during a rotation's day) and posts. */
    Outcome send(String url, String messageId, long timestampSeconds, String payload, List<String> secrets) {
        long started = System.nanoTime();
        if (!destinations.allowsPrivateNetworks() && !url.regionMatches(true, 0, "https://", 0, 8)) {
            return new Outcome(null, "url must use https", null, 0);
        }
        HttpPost post = new HttpPost(url);
        post.setHeader("webhook-id", messageId);
        post.setHeader("webhook-timestamp", Long.toString(timestampSeconds));
        post.setHeader("webhook-signature", signature(messageId, timestampSeconds, payload, secrets));
        post.setEntity(new StringEntity(payload, ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> {
                HttpEntity entity = response.getEntity();
                String excerpt = null;
                if (entity != null) {
                    try (InputStream body = entity.getContent()) {
                        excerpt = new String(body.readNBytes(EXCERPT_MAX), StandardCharsets.UTF_8);
                    }
                }
                return new Outcome(response.getCode(), null, excerpt, millisSince(started));
            });
        } catch (IOException | RuntimeException e) {
            String why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(null, why.length() > 500 ? why.substring(0, 500) : why, null, millisSince(started));
        }
    }

    static String signature(String messageId, long timestampSeconds, String payload, List<String> secrets) {
        StringBuilder header = new StringBuilder();
        for (String secret : secrets) {
            try {
                header.append(header.length() == 0 ? "" : " ")
                        .append(new Webhook(secret).sign(messageId, timestampSeconds, payload));
            } catch (WebhookSigningException e) {
                throw new IllegalStateException("a stored webhook secret does not sign", e);
            }
        }
        return header.toString();
    }

    private static int millisSince(long started) {
        return (int) Math.min(Integer.MAX_VALUE, (System.nanoTime() - started) / 1_000_000);
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
