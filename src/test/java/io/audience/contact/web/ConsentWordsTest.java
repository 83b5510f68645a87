package io.audience.contact.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.audience.consent.Channel;
import io.audience.consent.ConfirmStatus;
import io.audience.consent.ConsentEvent;
import io.audience.consent.ConsentState;
import io.audience.consent.Permission;
import io.audience.consent.Source;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsentWordsTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-05-03T16:02:00+02:00");

    private static ConsentEvent event(Permission to, Source source, Channel channel, String actor, String ip) {
        return new ConsentEvent(
                UUID.randomUUID(), AT, null, null, to, source, channel, actor, ip, "Firefox", null, null, null);
    }

    @Test
    void aSignUpReadsAsExplicitConsentWithWhenHowAndWhereFrom() {
        ConsentState state =
                new ConsentState(Permission.EXPLICIT, Source.CONTACT, AT, null, null, null, ConfirmStatus.OFF);
        String sentence = ConsentWords.summary(
                        state,
                        List.of(event(Permission.EXPLICIT, Source.CONTACT, Channel.FORM, "api_token:x", "203.0.113.9")))
                .sentence();
        assertThat(sentence)
                .isEqualTo("Subscribed (explicit consent) on 3 May 2026 at 14:02 UTC, given by the person"
                        + " through the sign-up form, from 203.0.113.9.");
    }

    @Test
    void thePersonsOwnOptOutSaysOnlyTheyCanComeBackAndOffersTheResubscribeRequest() {
        ConsentState state =
                new ConsentState(Permission.UNSUBSCRIBED, null, null, Source.CONTACT, AT, null, ConfirmStatus.OFF);
        var summary = ConsentWords.summary(
                state,
                List.of(event(
                        Permission.UNSUBSCRIBED, Source.CONTACT, Channel.LINK, "unsubscribe_link", "198.51.100.1")));
        assertThat(summary.sentence())
                .startsWith("Unsubscribed by the person on 3 May 2026 at 14:02 UTC through the unsubscribe link")
                .contains("only they can subscribe again");
        assertThat(summary.offerResubscribe()).isTrue();
    }

    @Test
    void theAccountsOptOutMayBeUndoneByTheAccountAndOffersNoResubscribeRequest() {
        ConsentState state =
                new ConsentState(Permission.UNSUBSCRIBED, null, null, Source.ACCOUNT, AT, null, ConfirmStatus.OFF);
        var summary = ConsentWords.summary(state, List.of());
        assertThat(summary.sentence()).contains("by the account").contains("may subscribe them again");
        assertThat(summary.offerResubscribe()).isFalse();
    }

    @Test
    void theTimelineIsNewestFirstAndNamesWhoActed() {
        var timeline = ConsentWords.timeline(List.of(
                event(Permission.IMPLICIT, Source.ACCOUNT, Channel.UI, "console:user:1", "192.0.2.1"),
                event(Permission.UNSUBSCRIBED, Source.CONTACT, Channel.LINK, "unsubscribe_link", null)));
        assertThat(timeline.get(0).change()).isEqualTo("Became unsubscribed");
        assertThat(timeline.get(0).evidence().get(0).value()).isEqualTo("the person");
        assertThat(timeline.get(1).evidence().get(0).value()).isEqualTo("a user of the account in the console");
        assertThat(timeline.get(1).evidence().get(1).value()).isEqualTo("the console");
    }

    @Test
    void aListLeftOnThePreferencePageReadsAsSuchAndDoesNotRetellHowThePersonSubscribed() {
        ConsentState state =
                new ConsentState(Permission.EXPLICIT, Source.CONTACT, AT, null, null, null, ConfirmStatus.OFF);
        ConsentEvent signUp = event(Permission.EXPLICIT, Source.CONTACT, Channel.FORM, "api_token:x", "203.0.113.9");
        ConsentEvent left = new ConsentEvent(
                UUID.randomUUID(),
                AT.plusDays(3),
                null,
                Permission.EXPLICIT,
                Permission.EXPLICIT,
                Source.CONTACT,
                Channel.LINK,
                "preference_page",
                "198.51.100.7",
                "Firefox",
                "left list 0a0b: preference page",
                null,
                UUID.randomUUID());

        assertThat(ConsentWords.summary(state, List.of(signUp, left)).sentence())
                .as("the subscription is still told by the sign-up")
                .isEqualTo(ConsentWords.summary(state, List.of(signUp)).sentence());
        assertThat(ConsentWords.timeline(List.of(signUp, left)).get(0).change()).isEqualTo("Left a list");
    }
}
