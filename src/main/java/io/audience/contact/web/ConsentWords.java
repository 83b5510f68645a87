package io.audience.contact.web;

import io.audience.consent.Channel;
import io.audience.consent.ConsentEvent;
import io.audience.consent.ConsentState;
import io.audience.consent.Delivery;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import io.audience.contact.web.ContactPageView.ConsentSummary;
import io.audience.contact.web.ContactPageView.Fact;
import io.audience.contact.web.ContactPageView.TimelineEntry;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Consent as a person reads it: the state of an address in one sentence (who, when, through what),
 * and each event of its history with its evidence. The words follow the consent rules, so a user
 * sees why the account may or may not write to the person.
 */
final class ConsentWords {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("d MMMM uuuu 'at' HH:mm 'UTC'", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private ConsentWords() {}

    static String when(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(WHEN);
    }

    static String day(OffsetDateTime at) {
        return at.withOffsetSameInstant(ZoneOffset.UTC).format(DAY);
    }

    /** The current state in words; {@code events} (oldest first) tell through what it came about. */
    static ConsentSummary summary(ConsentState state, List<ConsentEvent> events) {
        // The address's own changes: an event about one list (left or joined on the preference page)
        // is not one, nor a bounce or a delivery reset, which leave consent as it was.
        List<ConsentEvent> ofAddress = events.stream()
                .filter(e -> e.listId() == null && !Delivery.isDeliveryEntry(e.channel(), e.evidence()))
                .toList();
        ConsentEvent last = ofAddress.isEmpty() ? null : ofAddress.get(ofAddress.size() - 1);
        String how = last == null || last.to() != state.permission() ? "" : how(last);
        boolean optedOutByPerson = state.optedOutByContact();
        return switch (state.permission()) {
            case EXPLICIT ->
                new ConsentSummary(
                        "explicit",
                        "Subscribed",
                        "Subscribed (explicit consent)" + on(state.optInDate()) + by(state.optInSource()) + how + ".",
                        false);
            case IMPLICIT ->
                new ConsentSummary(
                        "implicit",
                        "Subscribed",
                        "Subscribed (implicit consent: the account has a business relationship with the person)"
                                + on(state.optInDate()) + by(state.optInSource()) + how + ".",
                        false);
            case PENDING_CONFIRMATION ->
                new ConsentSummary(
                        "pending",
                        "Waiting for confirmation",
                        "Waiting for confirmation" + (last == null ? "" : " since " + when(last.occurredAt()))
                                + ": a mail asks the person to confirm, and only their click subscribes them."
                                + (optedOutByPerson
                                        ? " They had unsubscribed themselves" + on(state.optOutDate()) + "."
                                        : ""),
                        false);
            case UNSUBSCRIBED ->
                optedOutByPerson
                        ? new ConsentSummary(
                                "unsubscribed",
                                "Unsubscribed",
                                "Unsubscribed by the person" + on(state.optOutDate()) + how + reason(state)
                                        + "; only they can subscribe again (a resubscribe request asks them).",
                                true)
                        : new ConsentSummary(
                                "unsubscribed",
                                "Unsubscribed",
                                "Unsubscribed by the account" + on(state.optOutDate()) + how + reason(state)
                                        + "; the account may subscribe them again.",
                                false);
            case TEMP_HOLD ->
                new ConsentSummary(
                        "pending",
                        "On hold",
                        "On temporary hold: no mail is sent to this address for now" + how + ".",
                        false);
            case NOT_SET ->
                new ConsentSummary(
                        "pending", "Not set", "No permission to send is recorded for this address" + how + ".", false);
        };
    }

    /** The history newest first, each event with who, how and its evidence. */
    static List<TimelineEntry> timeline(List<ConsentEvent> events) {
        List<TimelineEntry> out = new ArrayList<>();
        for (int i = events.size() - 1; i >= 0; i--) {
            ConsentEvent e = events.get(i);
            List<Fact> evidence = new ArrayList<>();
            evidence.add(new Fact("Who", who(e)));
            evidence.add(new Fact("Through", through(e)));
            add(evidence, "IP address", e.ip());
            add(evidence, "User agent", e.userAgent());
            add(evidence, "Evidence", e.evidence());
            add(evidence, "List", e.listId() == null ? null : e.listId().toString());
            if (e.statement() != null) {
                add(evidence, "Consent text", e.statement().consentText());
                add(evidence, "On page", e.statement().pageUrl());
                if (e.statement().formId() != null) {
                    add(
                            evidence,
                            "Form",
                            e.statement().formId() + ", wording version "
                                    + e.statement().formVersion());
                }
            }
            evidence.add(new Fact("Recorded as", e.actor()));
            String change = e.listId() != null
                    ? (String.valueOf(e.evidence()).startsWith("left list") ? "Left a list" : "Joined a list")
                    : e.from() == null ? "Became " + words(e.to()) : words(e.from()) + " → " + words(e.to());
            out.add(new TimelineEntry(
                    e.occurredAt().toString(), when(e.occurredAt()), change, e.to().wire(), evidence));
        }
        return out;
    }

    static String words(Permission permission) {
        return switch (permission) {
            case EXPLICIT -> "subscribed (explicit)";
            case IMPLICIT -> "subscribed (implicit)";
            case PENDING_CONFIRMATION -> "waiting for confirmation";
            case UNSUBSCRIBED -> "unsubscribed";
            case TEMP_HOLD -> "on hold";
            case NOT_SET -> "not set";
        };
    }

    /** Who acted, from the actor the history recorded. */
    static String who(ConsentEvent e) {
        String actor = e.actor();
        if (e.source() == Source.CONTACT && (actor.startsWith("confirmation:") || actor.equals("unsubscribe_link"))) {
            return "the person";
        }
        if (e.source() == Source.CONTACT && actor.startsWith("sign_up_form:")) {
            return "the person, on a hosted sign-up form";
        }
        String onBehalf = e.source() == Source.CONTACT ? "the person, as relayed by " : "";
        if (actor.startsWith("console:user:")) {
            return onBehalf + "a user of the account in the console";
        }
        if (actor.startsWith("api_token:")) {
            return onBehalf + "the account, with an API token";
        }
        if (actor.startsWith("oauth:")) {
            return onBehalf + "an app the account authorised (OAuth)";
        }
        if (actor.startsWith("activity:")) {
            return onBehalf + "the account, in a bulk activity";
        }
        if (e.channel() == Channel.MIGRATION) {
            return "the operator of this installation";
        }
        return e.source() == Source.CONTACT ? "the person" : "the account";
    }

    /** The address's delivery state, or null while mail reaches it. */
    static ContactPageView.@Nullable DeliverySummary delivery(Delivery delivery) {
        String since = delivery.bouncedAt() == null ? "" : " on " + when(delivery.bouncedAt());
        String why = delivery.bounceReason() == null ? "" : " (" + delivery.bounceReason() + ")";
        return switch (delivery.status()) {
            case DELIVERABLE -> null;
            case SOFT_BOUNCED ->
                new ContactPageView.DeliverySummary(
                        "soft_bounced",
                        "Soft bounced",
                        "Mail to this address bounced temporarily" + since + why
                                + ". Mail still goes; more soft bounces make the address bounced.");
            case BOUNCED ->
                new ContactPageView.DeliverySummary(
                        "bounced",
                        "Bounced",
                        "Mail to this address does not arrive: it bounced" + since + why
                                + ". No mail goes to it until the account resets its delivery state.");
        };
    }

    static String through(ConsentEvent e) {
        return switch (e.channel()) {
            case API -> "the API";
            case IMPORT -> "an import";
            case FORM -> "the sign-up form";
            case LINK ->
                e.actor().equals("unsubscribe_link")
                        ? "the unsubscribe link"
                        : e.actor().startsWith("confirmation:") ? "the confirmation link" : "a link in a mail";
            case UI -> "the console";
            case MIGRATION -> "a change of the installation's data";
            case BOUNCE -> "a bounce report";
            case COMPLAINT -> "a spam complaint to their mailbox provider";
        };
    }

    private static String how(ConsentEvent e) {
        return " through " + through(e) + (e.ip() == null ? "" : ", from " + e.ip());
    }

    private static String on(@Nullable OffsetDateTime at) {
        return at == null ? "" : " on " + when(at);
    }

    private static String by(@Nullable Source source) {
        if (source == null) {
            return "";
        }
        return source == Source.CONTACT ? ", given by the person" : ", recorded by the account";
    }

    private static String reason(ConsentState state) {
        return state.optOutReason() == null ? "" : " (reason: " + state.optOutReason() + ")";
    }

    private static void add(List<Fact> facts, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(name, value));
        }
    }
}
