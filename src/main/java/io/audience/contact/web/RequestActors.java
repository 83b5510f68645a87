package io.audience.contact.web;

import io.audience.api.Caller;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/** The consent history's "who and how" for an API request. */
final class RequestActors {

    private RequestActors() {}

    static Actor of(
            Caller caller, Source source, Channel channel, HttpServletRequest request, @Nullable String evidence) {
        return new Actor(
                source, channel, caller.actor(), request.getRemoteAddr(), request.getHeader("User-Agent"), evidence);
    }
}
