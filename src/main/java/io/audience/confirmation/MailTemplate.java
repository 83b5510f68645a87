package io.audience.confirmation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The account's own words for one mail that asks a person to confirm, as Mustache templates: a
 * null part is that part's default (for the HTML body: no HTML part).
 */
public record MailTemplate(
        @Nullable String subject,
        @Nullable String textBody,
        @Nullable String htmlBody) {

    public static final MailTemplate DEFAULTS = new MailTemplate(null, null, null);

    /** The names a template may use, each as {@code {{name}}}. */
    public static final List<String> PLACEHOLDERS =
            List.of("sender_name", "physical_address", "confirmation_url", "unsubscribe_url", "link_validity");

    public boolean isDefault() {
        return subject == null && textBody == null && htmlBody == null;
    }
}
