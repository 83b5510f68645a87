package io.audience.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The addresses webhooks may go to ({@link Destinations}): the public ones, globally reachable as
 * IANA's special-purpose address registries say. That refuses the documentation networks too
 * (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32, 3fff::/20): nothing answers
 * there, so a URL naming one is a mistake or a probe. IPv6 forms that carry an IPv4 address
 * (mapped, compatible, NAT64, 6to4) are judged by that IPv4 address, since that is where the
 * packets end up.
 */
final class PublicAddresses {

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

    private PublicAddresses() {}

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
}
