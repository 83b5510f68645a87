package io.audience.feedback.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsCertificatesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn&Token=abc",
                "https://sns.eu-south-2.amazonaws.com/",
                "https://sns.cn-north-1.amazonaws.com.cn/?Action=ConfirmSubscription"
            })
    void aSubscribeUrlOnAnSnsHostIsAccepted(String url) {
        assertThat(AwsCertificates.isSnsHost(URI.create(url))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://sns.us-east-1.amazonaws.com/?Action=ConfirmSubscription",
                "https://bucket.s3.amazonaws.com/?Action=ConfirmSubscription",
                "https://s3.amazonaws.com/sns.us-east-1.amazonaws.com/",
                "https://sns.amazonaws.com/",
                "https://sns.us-east-1.amazonaws.com.evil.com/",
                "https://sns.us-east-1.amazonaws.com.cn.evil.com/",
                "https://evil.sns.us-east-1.amazonaws.com/",
                "https://sns.us-east-1.amazonaws.com:8443/",
                "https://sns.us-east-1.amazonaws.com:443/",
                "https://user:pass@sns.us-east-1.amazonaws.com/",
                "https://sns.us-east-1.amazonaws.com@evil.com/",
                "https://SNS.US-EAST-1.AMAZONAWS.COM/",
                "https://sns.us_east_1.amazonaws.com/",
                "https://sns.us-east-1.amazonaws.com/../evil",
                "https://sns.us-east-1.amazonaws.com/%2e%2e/evil",
                "https://sns.us-east-1.amazonaws.com/path",
                "https://sns.us-east-1.amazonaws.com/#fragment",
                "ftp://sns.us-east-1.amazonaws.com/",
                "https:sns.us-east-1.amazonaws.com",
                "/relative"
            })
    void anyOtherSubscribeUrlIsRefused(String url) {
        assertThat(AwsCertificates.isSnsHost(URI.create(url))).isFalse();
    }

    @Test
    void aCertificateUrlMustNameAnSnsPemAtTheRoot() {
        assertThat(
                        AwsCertificates.isSigningCertUrl(
                                URI.create(
                                        "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem")))
                .isTrue();
        assertThat(AwsCertificates.isSigningCertUrl(URI.create("https://sns.us-west-2.amazonaws.com/evil.pem")))
                .isFalse();
        assertThat(AwsCertificates.isSigningCertUrl(
                        URI.create("https://sns.us-west-2.amazonaws.com/x/../SimpleNotificationService-0a.pem")))
                .isFalse();
        assertThat(AwsCertificates.isSigningCertUrl(
                        URI.create("https://sns.us-west-2.amazonaws.com/SimpleNotificationService-0a.pem?x=1")))
                .isFalse();
        assertThat(AwsCertificates.isSigningCertUrl(
                        URI.create("https://bucket.s3.amazonaws.com/SimpleNotificationService-0a.pem")))
                .isFalse();
    }

    @Test
    void aCertificateFromAnUntrustedUrlIsRefusedWithoutFetching() {
        AwsCertificates certificates = new AwsCertificates();

        assertThatThrownBy(() -> certificates.certificate(
                        URI.create("https://bucket.s3.amazonaws.com/SimpleNotificationService-0a.pem")))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("SigningCertURL");
    }

    @Test
    void theAwsCertificateNamesSnsSigning() {
        X509Certificate aws = AwsCertificates.parse(SnsTestSigner.resource(
                "feedback/sns-aws/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem"));

        AwsCertificates.checkName(aws, "us-west-2");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() {
        X509Certificate other = AwsCertificates.parse(SnsTestSigner.resource("feedback/sns-test/other-name.pem"));

        assertThatThrownBy(() -> AwsCertificates.checkName(other, "us-east-1"))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("SNS signing name");
    }

    @Test
    void aRegionalSigningCertificateMustMatchTheUrlsRegion() {
        X509Certificate regional = AwsCertificates.parse(SnsTestSigner.resource("feedback/sns-test/regional.pem"));

        AwsCertificates.checkName(regional, "me-central-1");
        assertThatThrownBy(() -> AwsCertificates.checkName(regional, "us-east-1"))
                .isInstanceOf(BadSignature.class);
    }

    @Test
    void somethingThatIsNotACertificateIsRefused() {
        assertThatThrownBy(() ->
                        AwsCertificates.parse("not a certificate".getBytes(java.nio.charset.StandardCharsets.US_ASCII)))
                .isInstanceOf(BadSignature.class);
    }

    private static final URI CERT_URL = URI.create(
            "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem");
    private static final byte[] AWS_PEM =
            SnsTestSigner.resource("feedback/sns-aws/SimpleNotificationService-7506a1e35b36ef5a444dd1a8e7cc3ed8.pem");

    @Test
    void aCertificateIsDownloadedOnceAndThenServedFromTheCache() {
        List<URI> downloads = new ArrayList<>();
        AwsCertificates certificates = new AwsCertificates(url -> {
            downloads.add(url);
            return AWS_PEM;
        });

        X509Certificate first = certificates.certificate(CERT_URL);
        X509Certificate second = certificates.certificate(CERT_URL);

        assertThat(second).isSameAs(first);
        assertThat(downloads).containsExactly(CERT_URL);
    }

    @Test
    void aDownloadedCertificateForAnotherNameIsRefusedAndNotCached() {
        List<URI> downloads = new ArrayList<>();
        AwsCertificates certificates = new AwsCertificates(url -> {
            downloads.add(url);
            return SnsTestSigner.resource("feedback/sns-test/other-name.pem");
        });

        assertThatThrownBy(() -> certificates.certificate(CERT_URL)).isInstanceOf(BadSignature.class);
        assertThatThrownBy(() -> certificates.certificate(CERT_URL)).isInstanceOf(BadSignature.class);
        assertThat(downloads).hasSize(2);
    }

    @Test
    void aDownloadLargerThan64KibIsRefused() {
        AwsCertificates certificates = new AwsCertificates(url -> new byte[AwsCertificates.MAX_BYTES + 1]);

        assertThatThrownBy(() -> certificates.certificate(CERT_URL))
                .isInstanceOf(BadSignature.class)
                .hasMessageContaining("larger than");
    }

    @Test
    void aFailedDownloadIsNotABadSignatureSoTheSenderRetries() {
        AwsCertificates certificates = new AwsCertificates(url -> {
            throw new UncheckedIOException(new IOException("connection refused"));
        });

        assertThatThrownBy(() -> certificates.certificate(CERT_URL)).isInstanceOf(UncheckedIOException.class);
    }

    @Test
    void anUntrustedUrlIsNeverDownloaded() {
        List<URI> downloads = new ArrayList<>();
        AwsCertificates certificates = new AwsCertificates(url -> {
            downloads.add(url);
            return AWS_PEM;
        });

        assertThatThrownBy(() -> certificates.certificate(
                        URI.create("https://sns.us-west-2.amazonaws.com.evil.com/SimpleNotificationService-0a.pem")))
                .isInstanceOf(BadSignature.class);
        assertThat(downloads).isEmpty();
    }
}
