package io.audience.contact.web;

import io.audience.api.PublicUrl;
import io.audience.api.ValidationFailed;
import io.audience.form.FormField;
import io.audience.form.ProofOfWork;
import io.audience.form.SignUpForm;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.util.MultiValueMap;

/** Reading a post to a hosted form: the fields the form asks, its guards' inputs, and the words of a refusal. */
final class FormPosts {

    static final String HONEYPOT = "leave_this_empty";

    private FormPosts() {}

    /** The post as the form defines it; every other parameter is ignored. */
    record Post(
            @Nullable String emailAddress,
            Map<FormField, String> values,
            String honeypot,
            @Nullable String solution,
            @Nullable String pageUrl) {

        ContactRequests.SignUpInput signUp(List<UUID> lists) {
            if (lists.isEmpty()) {
                throw new ValidationFailed("This form is not taking sign-ups at the moment: its lists were removed.");
            }
            Map<String, String> contact = new LinkedHashMap<>();
            List<ContactRequests.CustomFieldInput> custom = new ArrayList<>();
            values.forEach((field, value) -> {
                if (field.customFieldId() != null) {
                    custom.add(new ContactRequests.CustomFieldInput(
                            field.customFieldId().toString(), value, null));
                } else {
                    contact.put(java.util.Objects.requireNonNull(field.name()), value);
                }
            });
            return new ContactRequests.SignUpInput(
                    emailAddress,
                    contact.get("first_name"),
                    contact.get("last_name"),
                    contact.get("job_title"),
                    contact.get("company_name"),
                    contact.get("phone_number"),
                    lists.stream().map(UUID::toString).toList(),
                    null,
                    null,
                    null,
                    null,
                    custom.isEmpty() ? null : custom,
                    null);
        }
    }

    static Post read(SignUpForm form, MultiValueMap<String, String> params) {
        String email = one(params, "email_address", "Email address");
        if (email == null) {
            throw new ValidationFailed("Please enter your email address.");
        }
        if (!"yes".equals(one(params, "consent", "consent"))) {
            throw new ValidationFailed("Please tick the box to say you want this mail; without it nothing is sent.");
        }
        Map<FormField, String> values = new LinkedHashMap<>();
        for (FormField field : form.fields()) {
            String value = one(params, field.inputName(), field.label());
            if (value == null && field.required()) {
                throw new ValidationFailed("Please fill in " + field.label() + ": this form needs it.");
            }
            if (value != null) {
                values.put(field, value);
            }
        }
        String honeypot = params.getOrDefault(HONEYPOT, List.of()).stream()
                .filter(v -> !v.isEmpty())
                .findFirst()
                .orElse("");
        String solution = params.getFirst("altcha");
        return new Post(email, values, honeypot, solution, pageUrl(params.getFirst("page_url")));
    }

    /** One value, blank as absent; a field sent twice is not what the form sends. */
    private static @Nullable String one(MultiValueMap<String, String> params, String name, String label) {
        List<String> values = params.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new ValidationFailed(label + " was sent twice; the form sends it once.");
        }
        if (values.isEmpty() || values.get(0).isBlank()) {
            return null;
        }
        return values.get(0).strip();
    }

    /** The page the form was on, as its script reported it: an absolute http(s) address, or nothing. */
    static @Nullable String pageUrl(@Nullable String value) {
        if (value == null || value.isBlank() || value.length() > RelayedConsent.PAGE_URL_MAX) {
            return null;
        }
        try {
            return RelayedConsent.pageUrl(printable(value, RelayedConsent.PAGE_URL_MAX));
        } catch (ValidationFailed notAPage) {
            return null;
        }
    }

    static @Nullable String referer(HttpServletRequest request) {
        return pageUrl(request.getHeader(HttpHeaders.REFERER));
    }

    /** Whether the post came from a page of this service itself (its hosted page). */
    static boolean sameSite(String origin, HttpServletRequest request, PublicUrl publicUrl) {
        String own = request.getScheme() + "://" + request.getServerName()
                + (request.getServerPort() == 80 || request.getServerPort() == 443
                        ? ""
                        : ":" + request.getServerPort());
        return origin.equalsIgnoreCase(own) || origin.equalsIgnoreCase(originOf(publicUrl.of("/")));
    }

    private static String originOf(String url) {
        try {
            URI uri = new URI(url);
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
        } catch (URISyntaxException notAUrl) {
            return "";
        }
    }

    static String explain(ProofOfWork.Outcome outcome) {
        return switch (outcome) {
            case MISSING ->
                "This form needs JavaScript: your browser uses it for a moment to show that a person, not a program,"
                        + " is signing up. Turn JavaScript on for the form's page, reload it and send the form again.";
            case TOO_FAST ->
                "The form was sent faster than a person can fill it in, so it was not taken."
                        + " Go back, wait a few seconds and send it again.";
            case EXPIRED -> "The form was open for too long. Reload the page and send it again.";
            case OTHER_FORM, INVALID ->
                "The form's check that a person is signing up did not pass. Reload the page and send it again.";
            case SOLVED -> throw new IllegalArgumentException("a solved challenge is not refused");
        };
    }

    static String shown(String value) {
        return printable(value.length() > 100 ? value.substring(0, 100) + "..." : value, 200);
    }

    static String printable(String value, int max) {
        String cut = value.length() > max ? value.substring(0, max) : value;
        return cut.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
    }

    static String minutes(long seconds) {
        long minutes = (seconds + 59) / 60;
        return minutes <= 1 ? "a minute" : minutes + " minutes";
    }
}
