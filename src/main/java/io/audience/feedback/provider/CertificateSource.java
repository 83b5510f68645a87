package io.audience.feedback.provider;

import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * Where SNS signing certificates come from: {@link AwsCertificates} in production, a fixed
 * certificate in tests. Throws {@link BadSignature} for an address or certificate it does not
 * trust.
 */
public interface CertificateSource {

    X509Certificate certificate(URI url);
}
