package io.audience.feedback.provider;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.security.auth.x500.X500Principal;
import org.jspecify.annotations.Nullable;

/**
 * SNS signing certificates fetched from Amazon. Only {@code https://sns.<region>.amazonaws.com}
 * (or {@code .com.cn}) is trusted: a looser rule such as "ends in amazonaws.com" would accept S3
 * buckets ({@code bucket.s3.amazonaws.com}), where anyone can publish a certificate. The
 * certificate must also be issued to an SNS signing name, as the AWS SDK checks.
 */
public final class AwsCertificates implements CertificateSource {

    static final int MAX_BYTES = 64 * 1024;
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static final Pattern HOST = Pattern.compile("^sns\\.([a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");
    private static final Pattern PATH = Pattern.compile("^/SimpleNotificationService-[0-9a-f]+\\.pem$");
    private static final Pattern SIGNING_NAME =
            Pattern.compile("^(sns|sns-signing\\.([a-z0-9-]+)|sns-cn-[a-z0-9-]+)\\.amazonaws\\.com(\\.cn)?$");

    private final Function<URI, byte[]> download;
    private final Cache<URI, X509Certificate> cache = Caffeine.newBuilder()
            .maximumSize(50)
            .expireAfterWrite(Duration.ofHours(12))
            .build();

    public AwsCertificates() {
        this(over(HttpClient.newBuilder()
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()));
    }

    /** @param download the body at a URL, of which at most {@link #MAX_BYTES} + 1 bytes are read */
    AwsCertificates(Function<URI, byte[]> download) {
        this.download = download;
    }

    /** Whether a URL (a SubscribeURL, say) points at Amazon SNS itself: https, an SNS host, no tricks. */
    /**
     * A source that never downloads: the given certificate, for URLs that pass the same rule as
     * downloads (for tests with their own signing key, and installations that pin AWS's).
     */
    public static CertificateSource pinned(byte[] pem) {
        X509Certificate certificate = parse(pem);
        return url -> {
            if (!isSigningCertUrl(url)) {
                throw new BadSignature("SigningCertURL is not an SNS certificate address");
            }
            return certificate;
        };
    }

    public static boolean isSnsHost(URI url) {
        String path = url.getRawPath();
        return region(url) != null && (path == null || path.isEmpty() || path.equals("/"));
    }

    static boolean isSigningCertUrl(URI url) {
        String path = url.getRawPath();
        return region(url) != null
                && url.getRawQuery() == null
                && path != null
                && PATH.matcher(path).matches();
    }

    @Override
    public X509Certificate certificate(URI url) {
        String region = region(url);
        if (region == null || !isSigningCertUrl(url)) {
            throw new BadSignature("SigningCertURL is not an Amazon SNS certificate address");
        }
        return cache.get(url, u -> fetch(u, region));
    }

    /** The region of an SNS URL without user info, port or fragment; null for any other URL. */
    static @Nullable String region(URI url) {
        String host = url.getHost();
        if (!"https".equals(url.getScheme())
                || host == null
                || !host.equals(url.getRawAuthority())
                || url.getRawFragment() != null) {
            return null;
        }
        Matcher matcher = HOST.matcher(host);
        return matcher.matches() ? matcher.group(1) : null;
    }

    private X509Certificate fetch(URI url, String region) {
        byte[] pem = download.apply(url);
        if (pem.length > MAX_BYTES) {
            throw new BadSignature("the SNS certificate is larger than " + MAX_BYTES + " bytes");
        }
        X509Certificate certificate = parse(pem);
        checkName(certificate, region);
        return certificate;
    }

    /**
     * A network failure is not a bad signature: it throws {@link UncheckedIOException}, so the
     * caller answers 5xx and SNS retries later.
     */
    static Function<URI, byte[]> over(HttpClient http) {
        return url -> {
            HttpRequest request =
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException("the SNS certificate address answered " + response.statusCode());
                    }
                    return in.readNBytes(MAX_BYTES + 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not fetch the SNS certificate", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UncheckedIOException("interrupted fetching the SNS certificate", new IOException(e));
            }
        };
    }

    static X509Certificate parse(byte[] pem) {
        try {
            return (X509Certificate)
                    CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem));
        } catch (CertificateException | ClassCastException e) {
            throw new BadSignature("the SNS certificate cannot be read", e);
        }
    }

    /** The certificate must name SNS signing (for regional names, the URL's own region). */
    static void checkName(X509Certificate certificate, String region) {
        for (String name : names(certificate)) {
            Matcher matcher = SIGNING_NAME.matcher(name);
            if (matcher.matches()
                    && (matcher.group(2) == null || matcher.group(2).equals(region))) {
                return;
            }
        }
        throw new BadSignature("the SNS certificate is not issued to an SNS signing name");
    }

    private static List<String> names(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    if (Integer.valueOf(2).equals(entry.get(0)) && entry.get(1) instanceof String dns) {
                        names.add(dns);
                    }
                }
            }
        } catch (CertificateParsingException e) {
            throw new BadSignature("the SNS certificate's names cannot be read", e);
        }
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String part : subject.split(",")) {
            if (part.startsWith("CN=")) {
                names.add(part.substring(3));
            }
        }
        return names;
    }
}
