package io.audience.consent;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the person was shown when they gave consent and where: the wording next to the box they
 * ticked, the page it was on and, for a hosted form, the form and the version of its wording.
 * Kept with the consent event as its evidence.
 */
public record Statement(
        @Nullable String consentText,
        @Nullable String pageUrl,
        @Nullable UUID formId,
        @Nullable Integer formVersion) {

    public Statement(@Nullable String consentText, @Nullable String pageUrl) {
        this(consentText, pageUrl, null, null);
    }

    public boolean isEmpty() {
        return consentText == null && pageUrl == null && formId == null;
    }
}
