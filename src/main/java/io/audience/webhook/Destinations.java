package io.audience.webhook;

import io.audience.api.ValidationFailed;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.jspecify.annotations.Nullable;

/**
 * Where webhooks may go: public addresses on the internet, never the service's own network, its
 * cloud's metadata endpoint or anything else only the server can reach (server-side request
 * forgery). A URL is checked when it is registered, and every delivery connects through {@link
 * #resolver()}, which checks again the very addresses connected to: a host's DNS answer can change
 * between the two (DNS rebinding).
 *
 * <p>Public means globally reachable as IANA's special-purpose address registries say. That refuses
 * the documentation networks too (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32,
 * 3fff::/20): nothing answers there, so a URL naming one is a mistake or a probe. IPv6 forms that
 * carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address, since
 * that is where the packets end up.
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

    private static final List<Block> IPV4 = List.of(
            Block.of("0.0.0.0", 8, "an unspecified address"),
            Block.of("10.0.0.0", 8, "a private address"),
            Block.of("100.64.0.0", 10, "a shared (carrier-grade NAT) address"),
            Block.of("127.0.0.0", 8, "a loopback address"),
            Block.of("169.254.0.0", 16, "a link-local address (where clouds serve instance metadata)"),
            Block.of("172.16.0.0", 12, "a private address"),
            Block.of("192.0.0.0", 24, "a reserved address (IETF protocol assignments)"),
            Block.of("192.0.2.0", 24, "a documentation address"),
            Block.of("192.88.99.0", 24, "a reserved address (the former 6to4 relays)"),
            Block.of("192.168.0.0", 16, "a private address"),
            Block.of("198.18.0.0", 15, "a benchmarking address"),
            Block.of("198.51.100.0", 24, "a documentation address"),
            Block.of("203.0.113.0", 24, "a documentation address"),
            Block.of("224.0.0.0", 4, "a multicast address"),
            Block.of("255.255.255.255", 32, "the broadcast address"),
            Block.of("240.0.0.0", 4, "a reserved address"));

    /** Not-public blocks other than the ones that embed an IPv4 address (see {@link #embeddedIpv4}). */
    private static final List<Block> IPV6 = List.of(
            Block.of("::", 128, "an unspecified address"),
            Block.of("::1", 128, "a loopback address"),
            Block.of("64:ff9b:1::", 48, "a local-use NAT64 address"),
            Block.of("100::", 64, "a discard-only address"),
            Block.of("2001::", 23, "a reserved address (IETF protocol assignments, Teredo among them)"),
            Block.of("2001:db8::", 32, "a documentation address"),
            Block.of("3fff::", 20, "a documentation address"),
            Block.of("fc00::", 7, "a unique-local (private) address"),
            Block.of("fe80::", 10, "a link-local address"),
            Block.of("fec0::", 10, "a site-local (private) address"),
            Block.of("ff00::", 8, "a multicast address"));

    private static final Block IPV4_COMPATIBLE = Block.of("::", 96, "");
    private static final Block NAT64 = Block.of("64:ff9b::", 96, "");
    private static final Block SIX_TO_FOUR = Block.of("2002::", 16, "");
    private static final Block GLOBAL_UNICAST = Block.of("2000::", 3, "");

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
                String kind = nonPublic(address);
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
        return nonPublic(address) == null;
    }

    /** Why the address is not public ("a loopback address"), or null when it is public. */
    static @Nullable String nonPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return kind(IPV4, bytes);
        }
        String kind = kind(IPV6, bytes);
        if (kind != null) {
            return kind;
        }
        byte[] ipv4 = embeddedIpv4(bytes);
        if (ipv4 != null) {
            String ipv4Kind = kind(IPV4, ipv4);
            return ipv4Kind == null ? null : "an IPv6 form of " + dotted(ipv4) + ", " + ipv4Kind;
        }
        return GLOBAL_UNICAST.contains(bytes) ? null : "a reserved address";
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

    /** The IPv4 address an IPv6 address carries and leads to, or null when it carries none. */
    private static byte @Nullable [] embeddedIpv4(byte[] ipv6) {
        if (ipv4Mapped(ipv6) || IPV4_COMPATIBLE.contains(ipv6) || NAT64.contains(ipv6)) {
            return Arrays.copyOfRange(ipv6, 12, 16);
        }
        if (SIX_TO_FOUR.contains(ipv6)) {
            return Arrays.copyOfRange(ipv6, 2, 6);
        }
        return null;
    }

    /**
     * Whether the address is in ::ffff:0:0/96. Not a {@link Block}: InetAddress reads that literal
     * as the IPv4 address 0.0.0.0, as it reads every mapped address it parses; only an address
     * built from its 16 bytes ({@code Inet6Address.getByAddress}) stays IPv6 and gets here.
     */
    private static boolean ipv4Mapped(byte[] ipv6) {
        for (int i = 0; i < 10; i++) {
            if (ipv6[i] != 0) {
                return false;
            }
        }
        return ipv6[10] == (byte) 0xff && ipv6[11] == (byte) 0xff;
    }

    private static @Nullable String kind(List<Block> blocks, byte[] address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return block.kind();
            }
        }
        return null;
    }

    private static String dotted(byte[] ipv4) {
        return (ipv4[0] & 0xff) + "." + (ipv4[1] & 0xff) + "." + (ipv4[2] & 0xff) + "." + (ipv4[3] & 0xff);
    }

    private static String shown(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }

    /** A network: the addresses whose first {@code bits} bits are those of {@code network}. */
    private record Block(InetAddress network, int bits, String kind) {

        static Block of(String literal, int bits, String kind) {
            try {
                // a literal, so no lookup happens
                return new Block(InetAddress.getByName(literal), bits, kind);
            } catch (UnknownHostException notALiteral) {
                throw new IllegalArgumentException(literal, notALiteral);
            }
        }

        boolean contains(byte[] address) {
            byte[] prefix = network.getAddress();
            if (prefix.length != address.length) {
                return false;
            }
            int whole = bits / 8;
            for (int i = 0; i < whole; i++) {
                if (prefix[i] != address[i]) {
                    return false;
                }
            }
            int rest = bits % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (prefix[whole] & mask) == (address[whole] & mask);
        }
    }

    /** The system's resolver, refusing a host when any of its addresses is not public. */
    private static final class PublicOnly implements DnsResolver {

        static final PublicOnly INSTANCE = new PublicOnly();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(host);
            for (InetAddress address : addresses) {
                String kind = nonPublic(address);
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
