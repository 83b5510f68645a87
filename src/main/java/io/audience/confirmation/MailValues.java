package io.audience.confirmation;

import java.util.Map;
import java.util.stream.Collectors;

/** What the placeholders of a mail template stand for. */
record MailValues(
        String senderName, String physicalAddress, String confirmationUrl, String unsubscribeUrl, String linkValidity) {

    /** Every placeholder a template may use, as the template spells it. */
    static final String PLACEHOLDERS =
            MailTemplate.PLACEHOLDERS.stream().map(name -> "{{" + name + "}}").collect(Collectors.joining(", "));

    Map<String, Object> asMap() {
        return Map.of(
                "sender_name", senderName,
                "physical_address", physicalAddress,
                "confirmation_url", confirmationUrl,
                "unsubscribe_url", unsubscribeUrl,
                "link_validity", linkValidity);
    }

    MailValues withoutAddress() {
        return new MailValues(senderName, "", confirmationUrl, unsubscribeUrl, linkValidity);
    }
}
