package io.audience.consent;

import org.jspecify.annotations.Nullable;

/**
 * What the person was shown when they gave consent and where: the wording next to the box they
 * ticked and the page it was on. Kept with the consent event as its evidence.
 */
public record Statement(
        @Nullable String consentText, @Nullable String pageUrl) {

    public boolean isEmpty() {
        return consentText == null && pageUrl == null;
    }
}
