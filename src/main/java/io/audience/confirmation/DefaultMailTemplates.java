package io.audience.confirmation;

/**
 * The words of a confirmation mail when the account has set none. Without a postal address of the
 * account the mail shows none (it never makes one up); with one, it closes the mail.
 */
final class DefaultMailTemplates {

    private static final String CLOSING = """

            If you did not ask for this, ignore this mail: nothing changes until you confirm.

            Never want mail from {{sender_name}}? Unsubscribe: {{unsubscribe_url}}
            {{#physical_address}}

            {{sender_name}}, {{physical_address}}
            {{/physical_address}}
            """;

    private DefaultMailTemplates() {}

    static String subject(Purpose purpose) {
        return purpose == Purpose.RESUBSCRIBE
                ? "Do you want to hear from {{sender_name}} again?"
                : "Please confirm your subscription to {{sender_name}}";
    }

    static String textBody(Purpose purpose) {
        String why = purpose == Purpose.RESUBSCRIBE
                ? "You unsubscribed from {{sender_name}} earlier, and they asked whether you want to subscribe again."
                : "Someone, hopefully you, signed this address up for mail from {{sender_name}}.";
        return why + "\n\n"
                + "To confirm, open this link and press the Confirm button (valid for {{link_validity}}):\n"
                + "{{confirmation_url}}\n"
                + CLOSING;
    }
}
