package io.audience.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.PayloadTooLarge;
import jakarta.servlet.FilterChain;
import java.io.BufferedReader;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

/** A body without a declared length is cut at the limit however it is read, as bytes or as characters. */
class BodySizeLimitFilterTest {

    private final BodySizeLimitFilter filter =
            new BodySizeLimitFilter(DataSize.ofBytes(16), DataSize.ofBytes(64), null);

    @Test
    void aChunkedBodyReadThroughTheReaderStopsAtTheLimit() {
        MockHttpServletRequest request = chunked("/v3/contacts", "x".repeat(10_000));
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), drain(true)))
                .isInstanceOf(PayloadTooLarge.class)
                .hasMessageContaining("16 bytes");
    }

    @Test
    void aChunkedBodyReadAsBytesStopsAtTheLimit() {
        MockHttpServletRequest request = chunked("/v3/contacts", "x".repeat(10_000));
        assertThatThrownBy(() -> filter.doFilter(request, new MockHttpServletResponse(), drain(false)))
                .isInstanceOf(PayloadTooLarge.class);
    }

    @Test
    void theImportsTakeTheUploadLimitAndABodyUnderItIsReadWhole() throws Exception {
        AtomicReference<String> read = new AtomicReference<>();
        MockHttpServletRequest request = chunked("/v3/activities/contacts_json_import", "y".repeat(60));
        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            try (BufferedReader reader = req.getReader()) {
                read.set(reader.readLine());
            }
        });
        assertThat(read.get()).hasSize(60);
    }

    private static FilterChain drain(boolean asCharacters) {
        return (req, res) -> {
            if (asCharacters) {
                req.getReader().transferTo(java.io.Writer.nullWriter());
            } else {
                req.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            }
        };
    }

    private static MockHttpServletRequest chunked(String path, String body) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path) {
            @Override
            public long getContentLengthLong() {
                return -1;
            }

            @Override
            public int getContentLength() {
                return -1;
            }
        };
        request.setContent(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        request.setCharacterEncoding("UTF-8");
        return request;
    }
}
