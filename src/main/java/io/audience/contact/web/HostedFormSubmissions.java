package io.audience.contact.web;

import io.audience.account.AccountSettingsService;
import io.audience.api.ApiException;
import io.audience.api.NotFound;
import io.audience.api.PublicEndpoint;
import io.audience.api.PublicUrl;
import io.audience.consent.Actor;
import io.audience.consent.Channel;
import io.audience.consent.Source;
import io.audience.consent.Statement;
import io.audience.contact.ContactDraft;
import io.audience.contact.ContactService;
import io.audience.form.FormGate;
import io.audience.form.ProofOfWork;
import io.audience.form.SignUpForm;
import io.audience.form.SignUpForms;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A person's post to a hosted form, from its page or from any site that pasted its snippet. It
 * runs the rules of {@code sign_up_form} (confirmed opt-in, the person's own opt-out, the resend
 * throttle) once the post has passed the form's guards, and records the person's own request, the
 * form and the version of the wording they ticked. Every refusal is a page a person can read.
 */
@RestController
@PublicEndpoint("a hosted sign-up form's post, from its page or a site that embeds it; guarded by proof of work")
class HostedFormSubmissions {

    private final SignUpForms forms;
    private final FormGate gate;
    private final ContactService contacts;
    private final AccountSettingsService settings;
    private final Pages pages;
    private final PublicUrl publicUrl;

    private final SignUpMetrics signUps;

    HostedFormSubmissions(
            SignUpForms forms,
            FormGate gate,
            ContactService contacts,
            AccountSettingsService settings,
            Pages pages,
            PublicUrl publicUrl,
            SignUpMetrics signUps) {
        this.forms = forms;
        this.signUps = signUps;
        this.gate = gate;
        this.contacts = contacts;
        this.settings = settings;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    @PostMapping("/forms/{form_id}")
    ResponseEntity<String> submit(
            @PathVariable("form_id") String formId,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletRequest request) {
        SignUpForms.PublicForm found;
        try {
            found = forms.publicForm(formId);
        } catch (NotFound unknown) {
            return pages.message(HttpStatus.NOT_FOUND, "No such form", "There is no sign-up form at this address.");
        }
        if (found.deleted()) {
            return pages.message(
                    HttpStatus.GONE,
                    "This form is closed",
                    "The sign-up form at this address was removed by its owner, so it takes no sign-ups any more.");
        }
        SignUpForm form = found.form();
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && !form.allows(origin) && !FormPosts.sameSite(origin, request, publicUrl)) {
            return refused(
                    HttpStatus.FORBIDDEN,
                    "This form does not take sign-ups from " + FormPosts.shown(origin)
                            + ". Its owner can add the site to the form's allowed origins.");
        }
        OptionalLong wait = gate.limitAddress(request.getRemoteAddr());
        if (wait.isPresent()) {
            return tooMany(wait.getAsLong(), "Too many sign-ups came from your network in the last hour.");
        }
        FormPosts.Post post;
        try {
            post = FormPosts.read(form, params);
        } catch (ApiException bad) {
            return refused(bad.status(), bad.getMessage());
        }
        if (!post.honeypot().isEmpty()) {
            return refused(
                    HttpStatus.BAD_REQUEST,
                    "A field people cannot see was filled in, as programs do,"
                            + " so this sign-up was not taken. If you are a person, reload the form and send it again.");
        }
        ProofOfWork.Checked checked = gate.check(post.solution(), form.formId());
        if (checked.outcome() != ProofOfWork.Outcome.SOLVED) {
            return refused(HttpStatus.BAD_REQUEST, FormPosts.explain(checked.outcome()));
        }
        ContactDraft draft;
        try {
            draft = ContactValidation.forSignUp(post.signUp(forms.liveLists(form)));
        } catch (ApiException bad) {
            return refused(bad.status(), bad.getMessage());
        }
        if (!gate.spend(checked)) {
            return refused(
                    HttpStatus.BAD_REQUEST,
                    "This form was already sent once from this page." + " Reload the page to send it again.");
        }
        wait = gate.limitForm(form.formId());
        if (wait.isPresent()) {
            return tooMany(wait.getAsLong(), "This form has taken all the sign-ups it can in this hour.");
        }
        try {
            signUps.accepted(
                    "hosted_form", contacts.signUp(form.accountId(), draft, actor(form, draft, post, request)));
        } catch (ApiException bad) {
            return refused(bad.status(), bad.getMessage());
        }
        return done(form, post);
    }

    private Actor actor(SignUpForm form, ContactDraft draft, FormPosts.Post post, HttpServletRequest request) {
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        return new Actor(
                Source.CONTACT,
                Channel.FORM,
                "sign_up_form:" + form.formId(),
                request.getRemoteAddr(),
                userAgent == null ? null : FormPosts.printable(userAgent, RelayedConsent.USER_AGENT_MAX),
                "hosted form " + form.formId() + " wording version " + form.version() + " lists="
                        + draft.listMemberships(),
                new Statement(
                        form.consentText(),
                        post.pageUrl() != null ? post.pageUrl() : FormPosts.referer(request),
                        form.formId(),
                        form.version()));
    }

    private ResponseEntity<String> done(SignUpForm form, FormPosts.Post post) {
        if (form.redirectUrl() != null) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(URI.create(form.redirectUrl()))
                    .build();
        }
        boolean confirm = settings.get(form.accountId()).confirmedOptIn();
        String thanks = form.successMessage() != null ? form.successMessage() + " " : "";
        // Under confirmed opt-in nothing is done until the click: the heading says what is left to do.
        String title = confirm
                ? "Almost there: check your inbox"
                : form.successMessage() != null ? form.successMessage() : "Thank you for signing up";
        String next = confirm
                ? thanks + "We sent a message to " + Objects.requireNonNull(post.emailAddress())
                        + ". Press the button in it to confirm your subscription; until then you get no mail."
                : "You are subscribed. If this address had unsubscribed before, we sent it a message instead:"
                        + " press the button in it to subscribe again.";
        return pages.page(
                HttpStatus.OK,
                "pages/form-done",
                Map.of("title", title, "next", next, "back", post.pageUrl() == null ? "" : post.pageUrl()));
    }

    private ResponseEntity<String> refused(HttpStatus status, String message) {
        return pages.message(status, "Your sign-up was not sent", message);
    }

    private ResponseEntity<String> tooMany(long seconds, String why) {
        ResponseEntity<String> page = pages.message(
                HttpStatus.TOO_MANY_REQUESTS,
                "Please try again later",
                why + " Please try again in " + FormPosts.minutes(seconds) + ".");
        return ResponseEntity.status(page.getStatusCode())
                .headers(page.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(page.getBody());
    }
}
