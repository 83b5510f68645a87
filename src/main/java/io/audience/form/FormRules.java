package io.audience.form;

import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a form definition may hold. The origins and the redirect are checked hard because they
 * decide where a browser may post a person's address from and where it sends them after.
 */
public final class FormRules {

    public static final int NAME_MAX = 255;
    public static final int CONSENT_TEXT_MAX = 10_000;
    public static final int SUCCESS_MESSAGE_MAX = 1_000;
    public static final int URL_MAX = 2_048;
    public static final int LABEL_MAX = 100;
    public static final int LISTS_MAX = 50;
    public static final int FIELDS_MAX = 20;
    public static final int ORIGINS_MAX = 50;
    static final int ORIGIN_MAX = 300;

    /** The contact fields a form can ask, with the label a person sees when the account gives none. */
    public static final Map<String, String> CONTACT_FIELDS = Map.of(
            "first_name", "First name",
            "last_name", "Last name",
            "job_title", "Job title",
            "company_name", "Company",
            "phone_number", "Phone number");

    private FormRules() {}

    public static String name(@Nullable String value) {
        return required("name", value, NAME_MAX);
    }

    public static String consentText(@Nullable String value) {
        return required("consent_text", value, CONSENT_TEXT_MAX);
    }

    public static @Nullable String successMessage(@Nullable String value) {
        return value == null || value.isBlank() ? null : text("success_message", value.strip(), SUCCESS_MESSAGE_MAX);
    }

    public static List<UUID> listIds(@Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new ValidationFailed("list_ids must name at least one list");
        }
        if (values.size() > LISTS_MAX) {
            throw new ValidationFailed("list_ids takes at most " + LISTS_MAX + " lists, not " + values.size());
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String value : values) {
            ids.add(uuid("list_ids", value));
        }
        return List.copyOf(ids);
    }

    public static List<SignUpFormInput.Field> fields(@Nullable List<SignUpFormInput.Field> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > FIELDS_MAX) {
            throw new ValidationFailed("fields takes at most " + FIELDS_MAX + " fields, not " + values.size());
        }
        Set<String> seen = new HashSet<>();
        List<SignUpFormInput.Field> fields = new ArrayList<>();
        for (SignUpFormInput.Field field : values) {
            if ((field.name() == null) == (field.customFieldId() == null)) {
                throw new ValidationFailed("each of fields must have either name or custom_field_id, not both");
            }
            if (field.name() != null && !CONTACT_FIELDS.containsKey(field.name())) {
                throw new ValidationFailed("fields: " + printable(field.name()) + " is not a field a form can ask;"
                        + " use one of " + new java.util.TreeSet<>(CONTACT_FIELDS.keySet())
                        + " or a custom_field_id (the email address is always asked)");
            }
            String key = field.name() != null ? field.name() : String.valueOf(field.customFieldId());
            if (!seen.add(key)) {
                throw new ValidationFailed("fields names " + key + " twice");
            }
            String label = field.label() == null || field.label().isBlank()
                    ? null
                    : text("fields.label", field.label().strip(), LABEL_MAX);
            fields.add(new SignUpFormInput.Field(field.name(), field.customFieldId(), label, field.required()));
        }
        return List.copyOf(fields);
    }

    /** An absolute http(s) address without credentials in it. */
    public static @Nullable String redirectUrl(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = text("redirect_url", value.strip(), URL_MAX);
        URI uri = uri(url);
        if (uri == null || !web(uri) || uri.getRawUserInfo() != null) {
            throw new ValidationFailed("redirect_url must be an absolute http or https address, not " + printable(url));
        }
        return url;
    }

    public static List<String> allowedOrigins(@Nullable List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > ORIGINS_MAX) {
            throw new ValidationFailed(
                    "allowed_origins takes at most " + ORIGINS_MAX + " origins, not " + values.size());
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String value : values) {
            origins.add(origin(value));
        }
        return List.copyOf(origins);
    }

    /**
     * An origin as browsers send it in the Origin header: scheme, host and a port other than the
     * scheme's default, lower case; nothing after it (a trailing slash is forgiven).
     */
    public static String origin(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new ValidationFailed("allowed_origins must not hold an empty origin");
        }
        String text = text("allowed_origins", value.strip(), ORIGIN_MAX);
        String trimmed = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        URI uri = uri(trimmed);
        if (uri == null
                || !web(uri)
                || uri.getRawUserInfo() != null
                || !uri.getRawPath().isEmpty()
                || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            throw new ValidationFailed("allowed_origins: " + printable(text)
                    + " is not an origin; write the scheme, host and port only, as in https://shop.example");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort =
                port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
    }

    private static boolean web(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
    }

    private static @Nullable URI uri(String value) {
        try {
            return new URI(value);
        } catch (URISyntaxException notAUri) {
            return null;
        }
    }

    private static UUID uuid(String field, @Nullable String value) {
        try {
            if (value == null || value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException notAnId) {
            throw new ValidationFailed(field + " holds " + printable(String.valueOf(value)) + ", which is not an id");
        }
    }

    private static String required(String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationFailed(field + " is required");
        }
        return text(field, value.strip(), max);
    }

    private static String text(String field, String value, int max) {
        if (value.length() > max) {
            throw new ValidationFailed(field + " must be at most " + max + " characters, not " + value.length());
        }
        return Text.printable(field, value);
    }

    static String printable(String value) {
        String shown = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
    }
}
