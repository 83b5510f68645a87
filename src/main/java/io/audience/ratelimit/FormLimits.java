package io.audience.ratelimit;

import io.audience.ratelimit.Limit.Holder;
import io.audience.ratelimit.Limit.Period;
import io.github.bucket4j.ConsumptionProbe;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The public form pages' limits: posts from one network address (an IPv6 address counts by its
 * /64, which one subscriber line usually holds whole), and sign-ups to one form from everyone.
 * Answers the seconds to wait when refused.
 */
public final class FormLimits {

    private final Buckets buckets;
    private final long perAddressPerHour;
    private final long perFormPerHour;

    FormLimits(Buckets buckets, long perAddressPerHour, long perFormPerHour) {
        if (perAddressPerHour < 1 || perFormPerHour < 1) {
            throw new IllegalArgumentException("audience.forms.per-address-per-hour and per-form-per-hour must be"
                    + " at least 1: " + perAddressPerHour + ", " + perFormPerHour);
        }
        this.buckets = buckets;
        this.perAddressPerHour = perAddressPerHour;
        this.perFormPerHour = perFormPerHour;
    }

    public OptionalLong fromAddress(String ip) {
        return take(new Limit(Period.HOUR, Holder.ADDRESS, network(ip), perAddressPerHour));
    }

    public OptionalLong toForm(UUID formId) {
        return take(new Limit(Period.HOUR, Holder.FORM, formId.toString(), perFormPerHour));
    }

    private OptionalLong take(Limit limit) {
        ConsumptionProbe probe = buckets.bucket(limit).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? OptionalLong.empty()
                : OptionalLong.of(Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
    }

    /** An IPv4 address whole; an IPv6 address by its first four groups (Tomcat writes it out in full). */
    static String network(String ip) {
        if (ip.indexOf(':') < 0) {
            return ip;
        }
        String[] groups = ip.toLowerCase(Locale.ROOT).split(":", -1);
        if (ip.contains("::") || groups.length < 4) {
            try {
                groups = java.net.InetAddress.getByName(ip).getHostAddress().split(":", -1);
            } catch (java.net.UnknownHostException notALiteral) {
                return ip;
            }
        }
        return groups[0] + ":" + groups[1] + ":" + groups[2] + ":" + groups[3] + "::/64";
    }
}
