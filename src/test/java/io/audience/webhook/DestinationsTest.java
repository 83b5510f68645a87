package io.audience.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.audience.api.ValidationFailed;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DestinationsTest {

    private final Destinations publicOnly = new Destinations(false);
    private final Destinations anywhere = new Destinations(true);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "127.0.0.1",
                "127.255.255.254",
                "0.0.0.0",
                "0.1.2.3",
                "10.0.0.5",
                "172.16.0.1",
                "172.31.255.255",
                "192.168.1.1",
                "100.64.0.1",
                "100.127.255.255",
                "169.254.169.254",
                "169.254.0.1",
                "192.0.0.8",
                "198.18.0.1",
                "198.19.255.255",
                "224.0.0.1",
                "239.255.255.250",
                "255.255.255.255",
                "240.0.0.1",
                "192.0.2.1",
                "198.51.100.7",
                "203.0.113.9",
                "192.88.99.1",
                "::1",
                "::",
                "fe80::1",
                "febf:ffff::1",
                "fc00::1",
                "fd12:3456::1",
                "fec0::1",
                "ff02::1",
                "::ffff:127.0.0.1",
                "::ffff:a9fe:a9fe",
                "::127.0.0.1",
                "::10.0.0.5",
                "64:ff9b::a00:5",
                "64:ff9b::7f00:1",
                "64:ff9b:1::1",
                "2002:a9fe:a9fe::1",
                "2002:7f00:1::",
                "2001:db8::1",
                "3fff::1",
                "2001::1",
                "100::1",
                "4000::1",
                "::2:3:4:5:6"
            })
    void anAddressOnlyTheServerCanReachIsNotPublic(String literal) throws UnknownHostException {
        assertThat(Destinations.isPublic(ip(literal))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "1.1.1.1",
                "8.8.8.8",
                "11.0.0.1",
                "93.184.215.14",
                "172.15.255.255",
                "172.32.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "169.253.255.255",
                "169.255.0.1",
                "192.167.255.255",
                "192.169.0.1",
                "198.17.255.255",
                "198.20.0.1",
                "223.255.255.255",
                "2606:4700:4700::1111",
                "2001:4860:4860::8888",
                "2a00:1450:4001::1",
                "::ffff:8.8.8.8",
                "64:ff9b::808:808",
                "2002:808:808::1"
            })
    void anAddressOnTheInternetIsPublic(String literal) throws UnknownHostException {
        assertThat(Destinations.isPublic(ip(literal))).isTrue();
    }

    @Test
    void anIpv4MappedAddressKeptAsIpv6IsJudgedByItsIpv4Address() throws UnknownHostException {
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, 127, 0, 0, 1};
        // InetAddress.getAllByName("::ffff:127.0.0.1") answers an Inet4Address; this one stays IPv6
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(Destinations.isPublic(address)).isFalse();
        assertThat(PublicAddresses.nonPublic(address)).isEqualTo("an IPv6 form of 127.0.0.1, a loopback address");
    }

    @Test
    void aPublicHttpsUrlIsReturnedAsItsUri() {
        assertThat(publicOnly.check("https://8.8.8.8/hooks/audience?source=x"))
                .isEqualTo(URI.create("https://8.8.8.8/hooks/audience?source=x"));
        assertThat(publicOnly.check("HTTPS://[2001:4860:4860::8888]:8443/h").getPort())
                .isEqualTo(8443);
    }

    @Test
    void aUrlMustUseHttpsUnlessPrivateNetworksAreAllowed() {
        assertRefused(
                publicOnly,
                "http://8.8.8.8/hook",
                "url must use https (http only with AUDIENCE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true)");
        assertRefused(publicOnly, "ftp://8.8.8.8/hook", "url must use https");
        assertRefused(anywhere, "ftp://8.8.8.8/hook", "url must use https or http");
        assertThat(anywhere.check("http://8.8.8.8/hook")).hasScheme("http");
    }

    @Test
    void aUrlMustBeAbsoluteWithAHostAndNoCredentialsOrFragment() {
        assertRefused(publicOnly, "/hooks", "url must be an absolute URL, as in https://hooks.example.com/audience");
        assertRefused(publicOnly, "https:///hooks", "url must have a host, as in https://hooks.example.com/audience");
        assertRefused(publicOnly, "https:opaque", "url must have a host, as in https://hooks.example.com/audience");
        assertRefused(publicOnly, "https://user:pw@8.8.8.8/", "url must not contain a user name or password");
        assertRefused(publicOnly, "https://8.8.8.8/#top", "url must not have a fragment (the part after #)");
        assertRefused(publicOnly, "https://8.8.8.8:0/", "url's port must be between 1 and 65535, not 0");
        assertRefused(publicOnly, "https://8.8.8.8:99999/", "url's port must be between 1 and 65535, not 99999");
        assertThatThrownBy(() -> publicOnly.check("https://exa mple.com/"))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith("url is not a valid URL: Illegal character in authority at index 8");
    }

    @Test
    void aUrlLongerThanTheMaximumIsRefusedBeforeItIsParsed() {
        String url = "https://8.8.8.8/" + "a".repeat(Destinations.URL_MAX - 16);
        assertThat(publicOnly.check(url)).isNotNull();
        assertRefused(publicOnly, url + "a", "url must be at most 2000 characters, not 2001");
    }

    @Test
    void aHostThatResolvesToLoopbackIsRefusedNamingTheAddress() {
        assertRefused(
                publicOnly,
                "https://localhost/hook",
                "url's host localhost resolves to 127.0.0.1, a loopback address; webhooks go to public addresses"
                        + " only (AUDIENCE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true allows them)");
    }

    @Test
    void aPrivateOrMetadataAddressIsRefusedSayingWhatItIs() {
        assertRefused(
                publicOnly,
                "https://10.0.0.5/hook",
                "url's host 10.0.0.5 is a private address; webhooks go to public addresses only"
                        + " (AUDIENCE_WEBHOOKS_ALLOW_PRIVATE_NETWORKS=true allows them)");
        assertThatThrownBy(() -> publicOnly.check("https://169.254.169.254/latest/meta-data/"))
                .hasMessageStartingWith("url's host 169.254.169.254 is a link-local address (where clouds serve"
                        + " instance metadata)");
        assertThatThrownBy(() -> publicOnly.check("https://[::1]:8080/"))
                .hasMessageStartingWith("url's host [::1] is a loopback address;");
        assertThatThrownBy(() -> publicOnly.check("https://[64:ff9b::a9fe:a9fe]/"))
                .hasMessageStartingWith("url's host [64:ff9b::a9fe:a9fe] is an IPv6 form of 169.254.169.254,"
                        + " a link-local address");
        assertThatThrownBy(() -> publicOnly.check("https://[::ffff:10.1.2.3]/"))
                .hasMessageStartingWith("url's host [::ffff:10.1.2.3] is a private address;");
    }

    @Test
    void anIpv6HostMustNotNameANetworkInterface() {
        assertRefused(
                anywhere,
                "https://[fe80::1%25eth0]/",
                "url's host must not name a network interface ([fe80::1%25eth0])");
    }

    /**
     * Java reads "2130706433" as 127.0.0.1, "127.1" as 127.0.0.1 and "1.2.3" as 1.2.0.3, but
     * "0177.0.0.1" as 177.0.0.1 (decimal), where browsers, curl and inet_aton read 127.0.0.1
     * (octal), and it does not read hex ("0x7f.1") at all. Any such form is refused, whether or
     * not private networks are allowed, so no two parsers can disagree on where a webhook goes.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://2130706433/",
                "https://0x7f.1/",
                "https://0x7f000001/",
                "https://017700000001/",
                "https://0177.0.0.1/",
                "https://010.0.0.1/",
                "https://127.000.000.001/",
                "https://127.1/",
                "https://127.0.1/",
                "https://1.2.3/",
                "https://8.8.8.8.8/",
                "https://127.0.0.1./",
                "https://0/",
                "https://www.0x7f/"
            })
    void anIpv4AddressWrittenAsAnIntegerOrWithOctalOrHexPartsIsRefused(String url) {
        for (Destinations destinations : new Destinations[] {publicOnly, anywhere}) {
            assertThatThrownBy(() -> destinations.check(url))
                    .as(url)
                    .isInstanceOf(ValidationFailed.class)
                    .hasMessageStartingWith("url's host ")
                    .message()
                    .satisfiesAnyOf(
                            m -> assertThat(m).contains("is an IPv4 address in an unusual form"),
                            m -> assertThat(m).endsWith("is not a host name or an IP address"));
        }
    }

    @Test
    void whenPrivateNetworksAreAllowedAReceiverOnTheSameMachineIsAccepted() {
        assertThat(anywhere.allowsPrivateNetworks()).isTrue();
        assertThat(publicOnly.allowsPrivateNetworks()).isFalse();
        assertThat(anywhere.check("http://127.0.0.1:8080/hook")).hasPort(8080);
        assertThat(anywhere.check("https://localhost/hook")).hasHost("localhost");
        assertThat(anywhere.check("http://[::1]:9000/")).hasPort(9000);
    }

    @Test
    void theResolverRefusesAHostWithANonPublicAddress() {
        assertThatThrownBy(() -> publicOnly.resolver().resolve("127.0.0.1"))
                .isInstanceOf(UnknownHostException.class)
                .hasMessage("127.0.0.1 resolves to 127.0.0.1, a loopback address, not a public address;"
                        + " webhooks go to public addresses only");
        assertThatThrownBy(() -> publicOnly.resolver().resolve("localhost")).isInstanceOf(UnknownHostException.class);
        assertThatThrownBy(() -> publicOnly.resolver().resolve("169.254.169.254"))
                .isInstanceOf(UnknownHostException.class);
    }

    @Test
    void theResolverAnswersPublicAddressesAndEverythingWhenPrivateNetworksAreAllowed() throws Exception {
        assertThat(publicOnly.resolver().resolve("8.8.8.8")).containsExactly(ip("8.8.8.8"));
        assertThat(anywhere.resolver().resolve("127.0.0.1")).containsExactly(ip("127.0.0.1"));
        assertThat(anywhere.resolver().resolve("10.0.0.5")).containsExactly(ip("10.0.0.5"));
    }

    /** The client must ask the resolver even for an IP literal, or the check would be bypassed. */
    @Test
    void aClientConnectingThroughTheResolverCannotReachTheLoopbackInterface() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            try (CloseableHttpClient client = client(publicOnly)) {
                assertThatThrownBy(() -> client.execute(new HttpGet(url), response -> response.getCode()))
                        .isInstanceOf(UnknownHostException.class)
                        .hasMessageContaining("a loopback address");
                assertThatThrownBy(() -> client.execute(
                                new HttpGet("http://localhost:"
                                        + server.getAddress().getPort() + "/"),
                                response -> response.getCode()))
                        .isInstanceOf(UnknownHostException.class);
            }
            try (CloseableHttpClient client = client(anywhere)) {
                int status = client.execute(new HttpGet(url), response -> response.getCode());
                assertThat(status).isEqualTo(204);
            }
        } finally {
            server.stop(0);
        }
    }

    /** An IP literal as an address; no lookup happens. */
    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getAllByName(literal)[0];
    }

    private static CloseableHttpClient client(Destinations destinations) {
        return HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(destinations.resolver())
                        .build())
                .build();
    }

    private static void assertRefused(Destinations destinations, String url, String message) {
        assertThatThrownBy(() -> destinations.check(url))
                .as(url)
                .isInstanceOf(ValidationFailed.class)
                .hasMessage(message);
    }
}
