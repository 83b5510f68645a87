package io.audience.confirmation;

import io.audience.account.AccountSettings;
import jakarta.mail.internet.InternetAddress;
import java.io.UnsupportedEncodingException;

/** The sender of the mail a person gets (its words are the account's templates: {@link MailTemplateService}). */
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
}
