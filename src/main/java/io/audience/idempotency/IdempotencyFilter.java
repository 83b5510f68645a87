package io.audience.idempotency;

import io.audience.api.Caller;
import io.audience.api.ErrorBodies;
import io.audience.api.PayloadTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on the contact-creating POSTs: the request runs in one transaction with
 * the claim of its key, and its answer is stored in that same transaction, so a retry replays the
 * first answer exactly and never writes twice, even when the two arrive at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final Logger log = LoggerFactory.getLogger(IdempotencyFilter.class);
    private static final Set<String> PATHS = Set.of("/v3/contacts", "/v3/contacts/sign_up_form");

    private final IdempotencyRepository keys;
    private final TransactionTemplate transactions;
    private final ErrorBodies errors;
    private final Duration retention;
    private final Clock clock;

    IdempotencyFilter(
            IdempotencyRepository keys,
            TransactionTemplate transactions,
            ErrorBodies errors,
            @Value("${audience.idempotency-retention}") Duration retention,
            Clock clock) {
        this.keys = keys;
        this.transactions = transactions;
        this.errors = errors;
        this.retention = retention;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !PATHS.contains(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                || request.getHeader(HEADER) == null
                || request.getAttribute(Caller.REQUEST_ATTRIBUTE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER).strip();
        if (key.isEmpty() || key.length() > 255) {
            errors.write(response, 400, "contacts.api.validation.error", "Idempotency-Key must be 1 to 255 characters");
            return;
        }
        Caller caller = (Caller) request.getAttribute(Caller.REQUEST_ATTRIBUTE);
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (PayloadTooLarge e) {
            errors.write(response, e);
            return;
        }
        String hash = hash(request, body);
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        try {
            transactions.executeWithoutResult(tx -> {
                OffsetDateTime now = OffsetDateTime.now(clock);
                keys.forgetExpired(caller.accountId(), key, now.minus(retention));
                if (!keys.claim(caller.accountId(), key, hash, now)) {
                    answerFromStore(caller, key, hash, buffered);
                    return;
                }
                run(chain, new CachedBodyRequest(request, body), buffered);
                if (buffered.getStatus() < 300 && !tx.isRollbackOnly()) {
                    keys.complete(
                            caller.accountId(),
                            key,
                            buffered.getStatus(),
                            new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8));
                } else {
                    // A refused request wrote nothing, so there is nothing to replay: a retry runs again.
                    tx.setRollbackOnly();
                }
            });
        } catch (RuntimeException e) {
            log.error("Idempotent request failed to commit", e);
            buffered.resetBuffer();
            errors.write(
                    response,
                    503,
                    "service_unavailable",
                    "The request could not be completed; retry it with the same Idempotency-Key");
            return;
        }
        buffered.copyBodyToResponse();
    }

    private void answerFromStore(Caller caller, String key, String hash, ContentCachingResponseWrapper response) {
        Optional<IdempotencyRepository.Stored> stored = keys.find(caller.accountId(), key);
        try {
            if (stored.isEmpty() || !stored.get().requestHash().equals(hash)) {
                errors.write(
                        response,
                        422,
                        "contacts.api.idempotency_key.reused",
                        "This Idempotency-Key was already used with a different request; use a new key");
                return;
            }
            response.setStatus(stored.get().status());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setHeader("Idempotent-Replayed", "true");
            response.getOutputStream().write(stored.get().body().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(FilterChain chain, HttpServletRequest request, HttpServletResponse response) {
        try {
            chain.doFilter(request, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ServletException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(
                    (request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha256.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Replays the body that was read to hash it. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous reads only");
                }
            };
        }
    }
}
