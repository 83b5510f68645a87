package io.audience.web;

import io.audience.api.ErrorBodies;
import io.audience.api.PayloadTooLarge;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * 413 for bodies over {@code audience.max-body-size} ({@code max-upload-size} for the imports),
 * declared or streamed (chunked): the body is counted as it is read, so nothing past the limit is
 * ever read or bound.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class BodySizeLimitFilter extends OncePerRequestFilter {

    private static final Set<String> UPLOADS = Set.of(
            "/v3/activities/contacts_json_import",
            "/v3/activities/contacts_file_import",
            "/v3/activities/suppressions_import",
            "/console/imports");

    private final long maxBytes;
    private final long maxUploadBytes;
    private final ErrorBodies errors;

    BodySizeLimitFilter(
            @Value("${audience.max-body-size}") DataSize maxBodySize,
            @Value("${audience.max-upload-size}") DataSize maxUploadSize,
            ErrorBodies errors) {
        this.maxBytes = maxBodySize.toBytes();
        this.maxUploadBytes = maxUploadSize.toBytes();
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        // Only the imports take large bodies (received into a spool file, never into memory); every
        // other body, the bulk activities' id lists too, is bound in memory, so it stays small.
        long limit = UPLOADS.contains(request.getRequestURI()
                        .substring(request.getContextPath().length()))
                ? maxUploadBytes
                : maxBytes;
        if (request.getContentLengthLong() > limit) {
            errors.write(response, tooLarge(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private PayloadTooLarge tooLarge(long maxBytes) {
        return new PayloadTooLarge("The request body is larger than the limit of " + maxBytes + " bytes");
    }

    private final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private @Nullable ServletInputStream limited;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (limited == null) {
                limited = new LimitedStream(super.getInputStream(), limit);
            }
            return limited;
        }

        // Without this a reader would read the unlimited stream underneath.
        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
