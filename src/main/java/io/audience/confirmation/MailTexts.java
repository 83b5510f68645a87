package io.audience.confirmation;

import io.audience.account.AccountSettings;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;

/** The words of the mail a person gets. */
final class MailTexts {

    private MailTexts() {}

    static String from(AccountSettings settings, String defaultFrom) {
        if (settings.fromEmail() == null) {
            return defaultFrom;
        }
        try {
            return new InternetAddress(settings.fromEmail(), settings.fromName(), "UTF-8").toString();
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    static String subject(Purpose purpose, AccountSettings settings) {
        String sender = settings.fromName() != null ? settings.fromName() : "us";
        return purpose == Purpose.RESUBSCRIBE
                ? "Do you want to hear from " + sender + " again?"
                : "Please confirm your subscription to " + sender;
    }

    static String body(Purpose purpose, AccountSettings settings, String confirmUrl, String unsubscribeUrl) {
        String sender = settings.fromName() != null ? settings.fromName() : "this sender";
        String why = purpose == Purpose.RESUBSCRIBE
                ? "You unsubscribed from " + sender + " earlier, and they asked whether you want to subscribe again."
                : "Someone, hopefully you, signed this address up for mail from " + sender + ".";
        return why + "\n\n"
                + "To confirm, open this link and press the Confirm button (valid for 7 days):\n"
                + confirmUrl + "\n\n"
                + "If you did not ask for this, ignore this mail: nothing changes until you confirm.\n\n"
                + "Never want mail from " + sender + "? Unsubscribe: " + unsubscribeUrl + "\n";
    }
}
