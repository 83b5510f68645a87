package io.audience.webhook;

import io.audience.api.ValidationFailed;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Where webhooks may go: public addresses on the internet, never the service's own network, its
 * cloud's metadata endpoint or anything else only the server can reach (server-side request
 * forgery). A URL is checked when it is registered, and every delivery connects through {@link
 * #resolver()}, which checks again the very addresses connected to: a host's DNS answer can change
 * between the two (DNS rebinding). Which addresses are public: {@link PublicAddresses}.
 */
final class Destinations {

    static final int URL_MAX = 2_000;

    private static final String ALLOW_SETTING = "AUDIENCE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true";

    /**
     * A last label that browsers and inet_aton(3) read as a number (decimal, octal 0177, hex 0x7f),
     * making the whole host an IPv4 address in a form other parsers read differently: Java reads
     * "0177.0.0.1" as 177.0.0.1 where curl connects to 127.0.0.1.
     */
    private static final Pattern NUMERIC_LABEL = Pattern.compile("[0-9]+|0[xX][0-9a-fA-F]*");

    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
    private static final Pattern DOTTED_QUAD = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

    private final boolean allowPrivateNetworks;

    Destinations(boolean allowPrivateNetworks) {
        this.allowPrivateNetworks = allowPrivateNetworks;
    }

    boolean allowsPrivateNetworks() {
        return allowPrivateNetworks;
    }

    /**
     * The URL a webhook is registered with: absolute https (http too when private networks are
     * allowed, for receivers on the same machine), no credentials, no fragment, a host whose every
     * address is public. The host is resolved now, so a typo or an internal name is refused at once.
     */
    URI check(String url) {
        if (url.length() > URL_MAX) {
            throw new ValidationFailed("url must be at most " + URL_MAX + " characters, not " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException notAUrl) {
            throw new ValidationFailed(
                    "url is not a valid URL: " + notAUrl.getReason() + " at index " + notAUrl.getIndex());
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            throw new ValidationFailed("url must be an absolute URL, as in https://hooks.example.com/audience");
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !allowPrivateNetworks) {
            throw new ValidationFailed("url must use https (http only with " + ALLOW_SETTING + ")");
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new ValidationFailed(allowPrivateNetworks ? "url must use https or http" : "url must use https");
        }
        if (uri.getRawUserInfo() != null) {
            throw new ValidationFailed("url must not contain a user name or password");
        }
        if (uri.getRawFragment() != null) {
            throw new ValidationFailed("url must not have a fragment (the part after #)");
        }
        String host = host(uri);
        if (uri.getPort() == 0 || uri.getPort() > 65_535) {
            throw new ValidationFailed("url's port must be between 1 and 65535, not " + uri.getPort());
        }
        InetAddress[] addresses;
        try {
            addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
        } catch (UnknownHostException unknown) {
            throw new ValidationFailed("url's host " + host + " does not resolve");
        }
        if (!allowPrivateNetworks) {
            boolean literal = host.startsWith("[") || DOTTED_QUAD.matcher(host).matches();
            for (InetAddress address : addresses) {
                String kind = PublicAddresses.nonPublic(address);
                if (kind != null) {
                    throw new ValidationFailed("url's host " + host
                            + (literal ? " is " : " resolves to " + address.getHostAddress() + ", ") + kind
                            + "; webhooks go to public addresses only (" + ALLOW_SETTING + " allows them)");
                }
            }
        }
        return uri;
    }

    /**
     * The resolver deliveries connect through: the system's, refusing a host with any address that
     * is not public, so the addresses connected to are the ones checked.
     */
    DnsResolver resolver() {
        return allowPrivateNetworks ? SystemDefaultDnsResolver.INSTANCE : PublicOnly.INSTANCE;
    }

    static boolean isPublic(InetAddress address) {
        return PublicAddresses.nonPublic(address) == null;
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            // java.net.URI leaves the host out when the authority is no valid host name ("0x7f.1",
            // "ex_ample.com", "127.1"): connecting would mean guessing how some other parser reads it
            throw new ValidationFailed(
                    uri.getRawAuthority() == null
                            ? "url must have a host, as in https://hooks.example.com/audience"
                            : "url's host " + shown(uri.getRawAuthority()) + " is not a host name or an IP address");
        }
        if (host.startsWith("[")) {
            if (host.contains("%")) {
                throw new ValidationFailed("url's host must not name a network interface (" + host + ")");
            }
            return host;
        }
        String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (NUMERIC_LABEL.matcher(last).matches() && !DOTTED_QUAD.matcher(host).matches()) {
            throw new ValidationFailed("url's host " + shown(host)
                    + " is an IPv4 address in an unusual form; write it as four decimal numbers from 0 to 255"
                    + " without leading zeros, or use a host name");
        }
        return host;
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }

    /** The system's resolver, refusing a host when any of its addresses is not public. */
    private static final class PublicOnly implements DnsResolver {

        static final PublicOnly INSTANCE = new PublicOnly();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                String kind = PublicAddresses.nonPublic(address);
                if (kind != null) {
                    throw new UnknownHostException(host + " resolves to " + address.getHostAddress() + ", " + kind
                            + ", not a public address; webhooks go to public addresses only");
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
        }
    }
}
