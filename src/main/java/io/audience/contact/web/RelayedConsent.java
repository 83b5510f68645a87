package io.audience.contact.web;

import io.audience.api.Caller;
import io.audience.api.ValidationFailed;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.consent.Statement;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The consent history's "who and how" for {@code sign_up_form}. A business that proxies its own
 * form through its server passes the person's side in {@code consent}: their IP address and user
 * agent (both required then, so no event mixes the server's request with the person's), the
 * wording next to the box and the page's address. The actor stays the caller's token: the
 * history says who relayed it.
 */
final class RelayedConsent {

    static final int USER_AGENT_MAX = 512;
    static final int CONSENT_TEXT_MAX = 10_000;
    static final int PAGE_URL_MAX = 2_048;

    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_CHARACTERS = Pattern.compile("[0-9a-fA-F:.]{2,45}");

    private RelayedConsent() {}

    static Actor actor(
            Caller caller,
            HttpServletRequest request,
            String evidence,
            ContactRequests.@Nullable ConsentInput consent) {
        if (consent == null) {
            return RequestActors.of(caller, Source.CONTACT, Channel.FORM, request, evidence);
        }
        if (consent.ip() == null || consent.userAgent() == null) {
            throw new ValidationFailed(
                    "consent.ip and consent.user_agent are both required: they are the person's request, not your server's");
        }
        String consentText =
                ContactValidation.text("consent.consent_text", blankToNull(consent.consentText()), CONSENT_TEXT_MAX);
        Statement statement = new Statement(consentText, pageUrl(consent.pageUrl()));
        return new Actor(
                Source.CONTACT,
                Channel.FORM,
                caller.actor(),
                ip(consent.ip()),
                ContactValidation.text("consent.user_agent", consent.userAgent(), USER_AGENT_MAX),
                evidence,
                statement.isEmpty() ? null : statement);
    }

    /** An IPv4 or IPv6 literal, as the person's connection had it; never a host name (no lookup is made). */
    static String ip(String value) {
        String ip = value.strip();
        if (IPV4.matcher(ip).matches()) {
            return ip;
        }
        if (ip.indexOf(':') >= 0 && IPV6_CHARACTERS.matcher(ip).matches()) {
            try {
                // With a ':' and only hex digits, ':' and '.', this parses a literal; it never resolves a name.
                return InetAddress.getByName(ip).getHostAddress().toLowerCase(Locale.ROOT);
            } catch (UnknownHostException notAnAddress) {
                // refused below
            }
        }
        throw new ValidationFailed("consent.ip must be an IPv4 or IPv6 address, not " + abbreviate(value));
    }

    /** An absolute http(s) address: the page the form was on. */
    static @Nullable String pageUrl(@Nullable String value) {
        String url = blankToNull(value);
        if (url == null) {
            return null;
        }
        ContactValidation.text("consent.page_url", url, PAGE_URL_MAX);
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return url;
            }
        } catch (URISyntaxException notAUri) {
            // refused below
        }
        throw new ValidationFailed(
                "consent.page_url must be an absolute http or https address, not " + abbreviate(url));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static String abbreviate(String value) {
        String printable = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return printable.length() > 60 ? printable.substring(0, 60) + "..." : printable;
    }
}
