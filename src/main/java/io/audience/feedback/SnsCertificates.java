package io.audience.feedback;

import io.audience.feedback.provider.AwsCertificates;
import io.audience.feedback.provider.CertificateSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where SNS signing certificates come from: downloaded from Amazon's certificate host (the only
 * one accepted), or, with {@code audience.feedback.sns-certificate-file}, one pinned certificate
 * (tests sign with their own key; an installation without outbound access pins Amazon's).
 */
@Component
class SnsCertificates {

    private final CertificateSource source;

    SnsCertificates(@Value("${audience.feedback.sns-certificate-file:}") String pinned) {
        if (pinned.isBlank()) {
            this.source = new AwsCertificates();
        } else {
            try {
                this.source = AwsCertificates.pinned(Files.readAllBytes(Path.of(pinned)));
            } catch (IOException e) {
                throw new UncheckedIOException("audience.feedback.sns-certificate-file cannot be read: " + pinned, e);
            }
        }
    }

    CertificateSource source() {
        return source;
    }
}
