package io.audience.confirmation.web;

import io.audience.account.AccountSettingsService;
import io.audience.api.Caller;
import io.audience.api.ConsolePage;
import io.audience.api.Privilege;
import io.audience.confirmation.MailTemplate;
import io.audience.confirmation.MailTemplateService;
import io.audience.confirmation.Purpose;
import io.audience.confirmation.RenderedMail;
import io.audience.web.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's Mail tab: the account's postal address and the templates of the two confirmation
 * mails, saved, reset or previewed (a preview keeps the unsaved text in the form and sends nothing).
 */
@Controller
@ConsolePage(Privilege.ACCOUNT_READ)
class MailTemplatePages {

    private static final String PAGE = "/console/settings/mail";
    private static final String SIGNUP = PAGE + "/signup_confirmation";
    private static final String RESUBSCRIBE = PAGE + "/resubscribe_confirmation";

    private final MailTemplateService templates;
    private final AccountSettingsService settings;

    MailTemplatePages(MailTemplateService templates, AccountSettingsService settings) {
        this.templates = templates;
        this.settings = settings;
    }

    @GetMapping(PAGE)
    String show(Frame frame, Caller caller, Model model) {
        return page(caller, model, null, null);
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(SIGNUP)
    String saveSignup(
            Caller caller,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(name = "text_body", required = false) @Nullable String textBody,
            @RequestParam(name = "html_body", required = false) @Nullable String htmlBody,
            RedirectAttributes redirect) {
        return save(caller, Purpose.SIGNUP, new MailTemplate(subject, textBody, htmlBody), redirect);
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(RESUBSCRIBE)
    String saveResubscribe(
            Caller caller,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(name = "text_body", required = false) @Nullable String textBody,
            @RequestParam(name = "html_body", required = false) @Nullable String htmlBody,
            RedirectAttributes redirect) {
        return save(caller, Purpose.RESUBSCRIBE, new MailTemplate(subject, textBody, htmlBody), redirect);
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(SIGNUP + "/reset")
    String resetSignup(Caller caller, RedirectAttributes redirect) {
        return reset(caller, Purpose.SIGNUP, redirect);
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(RESUBSCRIBE + "/reset")
    String resetResubscribe(Caller caller, RedirectAttributes redirect) {
        return reset(caller, Purpose.RESUBSCRIBE, redirect);
    }

    @PostMapping(SIGNUP + "/preview")
    String previewSignup(
            Frame frame,
            Caller caller,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(name = "text_body", required = false) @Nullable String textBody,
            @RequestParam(name = "html_body", required = false) @Nullable String htmlBody,
            Model model) {
        return page(caller, model, Purpose.SIGNUP, new MailTemplate(subject, textBody, htmlBody));
    }

    @PostMapping(RESUBSCRIBE + "/preview")
    String previewResubscribe(
            Frame frame,
            Caller caller,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(name = "text_body", required = false) @Nullable String textBody,
            @RequestParam(name = "html_body", required = false) @Nullable String htmlBody,
            Model model) {
        return page(caller, model, Purpose.RESUBSCRIBE, new MailTemplate(subject, textBody, htmlBody));
    }

    @ConsolePage(Privilege.ACCOUNT_UPDATE)
    @PostMapping(PAGE + "/physical-address")
    String physicalAddress(
            Caller caller,
            @RequestParam(name = "physical_address", required = false) @Nullable String address,
            RedirectAttributes redirect) {
        boolean none =
                settings.changePhysicalAddress(caller.accountId(), address).physicalAddress() == null;
        redirect.addFlashAttribute("notice", none ? "The postal address is removed." : "The postal address is saved.");
        return "redirect:" + PAGE;
    }

    private String save(Caller caller, Purpose purpose, MailTemplate template, RedirectAttributes redirect) {
        templates.replace(caller.accountId(), purpose, template);
        redirect.addFlashAttribute("notice", "The " + heading(purpose).toLowerCase(Locale.ROOT) + " is saved.");
        return "redirect:" + PAGE;
    }

    private String reset(Caller caller, Purpose purpose, RedirectAttributes redirect) {
        templates.reset(caller.accountId(), purpose);
        redirect.addFlashAttribute(
                "notice", "The " + heading(purpose).toLowerCase(Locale.ROOT) + " is back to the default.");
        return "redirect:" + PAGE;
    }

    private String page(Caller caller, Model model, @Nullable Purpose previewed, @Nullable MailTemplate unsaved) {
        List<MailTemplateForm> forms = new ArrayList<>();
        for (Purpose purpose : Purpose.values()) {
            String path = purpose == Purpose.SIGNUP ? SIGNUP : RESUBSCRIBE;
            if (purpose == previewed && unsaved != null) {
                RenderedMail preview = templates.preview(caller.accountId(), purpose, unsaved);
                forms.add(new MailTemplateForm(
                        path,
                        purpose.wire(),
                        heading(purpose),
                        text(unsaved.subject()),
                        text(unsaved.textBody()),
                        text(unsaved.htmlBody()),
                        true,
                        preview));
            } else {
                MailTemplateService.Effective current = templates.get(caller.accountId(), purpose);
                forms.add(new MailTemplateForm(
                        path,
                        purpose.wire(),
                        heading(purpose),
                        current.subject(),
                        current.textBody(),
                        text(current.htmlBody()),
                        current.customized(),
                        null));
            }
        }
        model.addAttribute("forms", forms);
        model.addAttribute("settings", settings.get(caller.accountId()));
        return "settings/mail";
    }

    private static String heading(Purpose purpose) {
        return purpose == Purpose.SIGNUP ? "Sign-up confirmation mail" : "Resubscribe request mail";
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
