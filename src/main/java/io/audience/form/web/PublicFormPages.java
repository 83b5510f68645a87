package io.audience.form.web;

import io.audience.api.NotFound;
import io.audience.api.PublicEndpoint;
import io.audience.api.PublicUrl;
import io.audience.form.ProofOfWork;
import io.audience.form.SignUpForms;
import io.audience.web.Pages;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A form's hosted page and the challenge its script solves. The challenge answers a page on
 * another site (CORS) only when the form lists that site's origin.
 */
@RestController
@PublicEndpoint("a hosted sign-up form's page and proof-of-work challenge, for anyone who wants to subscribe")
class PublicFormPages {

    private final SignUpForms forms;
    private final ProofOfWork work;
    private final Pages pages;
    private final PublicUrl publicUrl;

    PublicFormPages(SignUpForms forms, ProofOfWork work, Pages pages, PublicUrl publicUrl) {
        this.forms = forms;
        this.work = work;
        this.pages = pages;
        this.publicUrl = publicUrl;
    }

    /** The ALTCHA challenge, with the minimum fill time the script waits for (an extension of it). */
    record ChallengeBody(
            String algorithm, String challenge, long maxnumber, String salt, String signature, long minimumFillMs) {}

    @GetMapping("/forms/{form_id}")
    ResponseEntity<String> page(@PathVariable("form_id") String formId) {
        SignUpForms.PublicForm found;
        try {
            found = forms.publicForm(formId);
        } catch (NotFound unknown) {
            return pages.message(HttpStatus.NOT_FOUND, "No such form", "There is no sign-up form at this address.");
        }
        if (found.deleted()) {
            return gone(pages);
        }
        return pages.page(
                HttpStatus.OK,
                "pages/form",
                Map.of(
                        "form", found.form(),
                        "action", publicUrl.of("/forms/" + found.form().formId()),
                        "script", "/assets/audience-form.js"));
    }

    @GetMapping("/forms/{form_id}/challenge")
    ResponseEntity<ChallengeBody> challenge(@PathVariable("form_id") String formId, HttpServletRequest request) {
        SignUpForms.PublicForm found = forms.publicForm(formId);
        if (found.deleted()) {
            throw new NotFound("No form " + formId);
        }
        ProofOfWork.Challenge challenge = work.challenge(found.form().formId());
        ResponseEntity.BodyBuilder response =
                ResponseEntity.ok().cacheControl(CacheControl.noStore()).header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin != null && found.form().allows(origin)) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        }
        return response.body(new ChallengeBody(
                challenge.algorithm(),
                challenge.challenge(),
                challenge.maxnumber(),
                challenge.salt(),
                challenge.signature(),
                work.minimumFillTime().toMillis()));
    }

    static ResponseEntity<String> gone(Pages pages) {
        return pages.message(
                HttpStatus.GONE,
                "This form is closed",
                "The sign-up form at this address was removed by its owner, so it takes no sign-ups any more.");
    }
}
