package io.audience.confirmation;

import io.audience.account.AccountService;
import io.audience.account.AccountSettings;
import io.audience.account.AccountSettingsService;
import io.audience.api.PublicUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account's templates of the mail that asks a person to confirm (sign-up and resubscribe):
 * read, replaced, reset to the defaults, previewed, and filled in for each mail.
 */
@Service
public class MailTemplateService {

    private static final Logger log = LoggerFactory.getLogger(MailTemplateService.class);

    /** The templates in use: the account's parts, the defaults elsewhere ({@code customized}: any part is its own). */
    public record Effective(
            String subject, String textBody, @Nullable String htmlBody, boolean customized) {}

    private final MailTemplateRepository templates;
    private final AccountSettingsService settings;
    private final AccountService accounts;
    private final PublicUrl publicUrl;
    private final Duration validity;
    private final Clock clock;

    MailTemplateService(
            MailTemplateRepository templates,
            AccountSettingsService settings,
            AccountService accounts,
            PublicUrl publicUrl,
            @Value("${audience.confirmation-validity}") Duration validity,
            Clock clock) {
        this.templates = templates;
        this.settings = settings;
        this.accounts = accounts;
        this.publicUrl = publicUrl;
        this.validity = validity;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Effective get(UUID accountId, Purpose purpose) {
        return effective(purpose, saved(accountId, purpose));
    }

    /** Replaces the account's template; a null or blank part goes back to its default. */
    @Transactional
    public Effective replace(UUID accountId, Purpose purpose, MailTemplate template) {
        MailTemplate checked = MailTemplateRules.checked(purpose, template);
        if (checked.isDefault()) {
            templates.delete(accountId, purpose);
        } else {
            templates.save(accountId, purpose, checked, OffsetDateTime.now(clock));
        }
        return effective(purpose, checked);
    }

    @Transactional
    public Effective reset(UUID accountId, Purpose purpose) {
        templates.delete(accountId, purpose);
        return effective(purpose, MailTemplate.DEFAULTS);
    }

    /**
     * The mail as a person would get it, with the account's name and postal address and sample
     * links: from {@code unsaved} when given (checked as a save would, nothing stored), else from
     * the saved template.
     */
    @Transactional(readOnly = true)
    public RenderedMail preview(UUID accountId, Purpose purpose, @Nullable MailTemplate unsaved) {
        MailTemplate template =
                unsaved == null ? saved(accountId, purpose) : MailTemplateRules.checked(purpose, unsaved);
        MailValues values = values(
                accountId,
                settings.get(accountId),
                publicUrl.of("/confirm/sample-link"),
                publicUrl.of("/unsubscribe/sample-link"));
        return MailTemplateRules.render(purpose, template, values);
    }

    /** The words of one mail, in the caller's transaction. */
    RenderedMail compose(
            UUID accountId, Purpose purpose, AccountSettings account, String confirmUrl, String unsubscribeUrl) {
        MailValues values = values(accountId, account, confirmUrl, unsubscribeUrl);
        MailTemplate template = saved(accountId, purpose);
        try {
            return MailTemplateRules.render(purpose, template, values);
        } catch (RuntimeException e) {
            // Saved templates were checked; one that still fails must not keep the person from their link.
            log.warn(
                    "The {} template of account {} failed; the default is sent: {}",
                    purpose,
                    accountId,
                    e.getMessage());
            return MailTemplateRules.render(purpose, MailTemplate.DEFAULTS, values);
        }
    }

    private MailTemplate saved(UUID accountId, Purpose purpose) {
        return templates.find(accountId, purpose).orElse(MailTemplate.DEFAULTS);
    }

    private MailValues values(UUID accountId, AccountSettings account, String confirmUrl, String unsubscribeUrl) {
        String sender = account.fromName() != null
                ? account.fromName()
                : accounts.get(accountId).name();
        return new MailValues(sender, account.physicalAddressLine(), confirmUrl, unsubscribeUrl, validityText());
    }

    private String validityText() {
        if (validity.toHours() % 24 == 0 && validity.toDays() > 0) {
            return validity.toDays() == 1 ? "1 day" : validity.toDays() + " days";
        }
        if (validity.toMinutes() % 60 == 0 && validity.toHours() > 0) {
            return validity.toHours() == 1 ? "1 hour" : validity.toHours() + " hours";
        }
        return validity.toMinutes() + " minutes";
    }

    private static Effective effective(Purpose purpose, MailTemplate template) {
        return new Effective(
                template.subject() == null ? DefaultMailTemplates.subject(purpose) : template.subject(),
                template.textBody() == null ? DefaultMailTemplates.textBody(purpose) : template.textBody(),
                template.htmlBody(),
                !template.isDefault());
    }
}
