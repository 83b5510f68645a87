package io.audience.confirmation.web;

import io.audience.api.Caller;
import io.audience.api.Privilege;
import io.audience.api.Requires;
import io.audience.confirmation.MailTemplate;
import io.audience.confirmation.MailTemplateService;
import io.audience.confirmation.Purpose;
import io.audience.confirmation.RenderedMail;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The account's templates of the two mails that ask a person to confirm (extension), one literal
 * path per mail, named as the outbox names the mail's kind: GET the templates in use, PUT new ones
 * (a null part is its default), DELETE back to the defaults, POST .../preview to see the mail.
 */
@RestController
@Requires(Privilege.ACCOUNT_UPDATE)
class MailTemplateController {

    private static final String SIGNUP = "/v3/account/mail_templates/signup_confirmation";
    private static final String RESUBSCRIBE = "/v3/account/mail_templates/resubscribe_confirmation";

    private final MailTemplateService templates;

    MailTemplateController(MailTemplateService templates) {
        this.templates = templates;
    }

    record TemplateInput(
            @Nullable String subject,
            @Nullable String textBody,
            @Nullable String htmlBody) {

        MailTemplate template() {
            return new MailTemplate(subject, textBody, htmlBody);
        }
    }

    record Templates(
            String subject, String textBody, @Nullable String htmlBody, boolean customized, List<String> placeholders) {

        static Templates of(MailTemplateService.Effective effective) {
            return new Templates(
                    effective.subject(),
                    effective.textBody(),
                    effective.htmlBody(),
                    effective.customized(),
                    MailTemplate.PLACEHOLDERS);
        }
    }

    record Preview(
            String subject, String textBody, @Nullable String htmlBody) {

        static Preview of(RenderedMail mail) {
            return new Preview(mail.subject(), mail.textBody(), mail.htmlBody());
        }
    }

    @Requires(Privilege.ACCOUNT_READ)
    @GetMapping(SIGNUP)
    Templates getSignup(Caller caller) {
        return Templates.of(templates.get(caller.accountId(), Purpose.SIGNUP));
    }

    @Requires(Privilege.ACCOUNT_READ)
    @GetMapping(RESUBSCRIBE)
    Templates getResubscribe(Caller caller) {
        return Templates.of(templates.get(caller.accountId(), Purpose.RESUBSCRIBE));
    }

    @PutMapping(path = SIGNUP, consumes = "application/json")
    Templates replaceSignup(Caller caller, @RequestBody TemplateInput body) {
        return Templates.of(templates.replace(caller.accountId(), Purpose.SIGNUP, body.template()));
    }

    @PutMapping(path = RESUBSCRIBE, consumes = "application/json")
    Templates replaceResubscribe(Caller caller, @RequestBody TemplateInput body) {
        return Templates.of(templates.replace(caller.accountId(), Purpose.RESUBSCRIBE, body.template()));
    }

    @DeleteMapping(SIGNUP)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetSignup(Caller caller) {
        templates.reset(caller.accountId(), Purpose.SIGNUP);
    }

    @DeleteMapping(RESUBSCRIBE)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetResubscribe(Caller caller) {
        templates.reset(caller.accountId(), Purpose.RESUBSCRIBE);
    }

    /** Without a body the saved templates; with one, those (checked, not saved). Nothing is sent. */
    @Requires(Privilege.ACCOUNT_READ)
    @PostMapping(SIGNUP + "/preview")
    Preview previewSignup(Caller caller, @RequestBody(required = false) @Nullable TemplateInput body) {
        return preview(caller, Purpose.SIGNUP, body);
    }

    @Requires(Privilege.ACCOUNT_READ)
    @PostMapping(RESUBSCRIBE + "/preview")
    Preview previewResubscribe(Caller caller, @RequestBody(required = false) @Nullable TemplateInput body) {
        return preview(caller, Purpose.RESUBSCRIBE, body);
    }

    private Preview preview(Caller caller, Purpose purpose, @Nullable TemplateInput body) {
        return Preview.of(templates.preview(caller.accountId(), purpose, body == null ? null : body.template()));
    }
}
