package io.audience.confirmation;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import io.audience.api.Text;
import io.audience.api.ValidationFailed;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks and fills in the account's mail templates (Mustache, logic-less): the HTML body escapes
 * every value, the subject and text body take them as they are. A template names only the known
 * placeholders, uses no partials, and its bodies always carry the confirmation link.
 */
final class MailTemplateRules {

    static final int SUBJECT_MAX = 200;
    static final int TEXT_BODY_MAX = 10_000;
    static final int HTML_BODY_MAX = 50_000;
    /** The outbox's subject column. */
    private static final int RENDERED_SUBJECT_MAX = 255;

    /** A value put in as markup, or other delimiters, which would let a value past the escaping. */
    private static final Pattern UNESCAPED = Pattern.compile("\\{\\{\\s*[{&=]");

    /** A tag: its sigil (section, inverted section, end, comment, partial) and its name. */
    private static final Pattern TAG = Pattern.compile("\\{\\{\\s*([#^/!>]?)([^}]*)}}");

    private static final MailValues SAMPLE = new MailValues(
            "Sample Sender",
            "1 Sample Street, Sample Town",
            "https://audience.invalid/confirm/sample-link",
            "https://audience.invalid/unsubscribe/sample-link",
            "7 days");

    private static final Mustache.TemplateLoader NO_PARTIALS = name -> {
        throw new MustacheException("partials ({{>" + name + "}}) are not supported");
    };

    private static final Mustache.Compiler TEXT = Mustache.compiler()
            .escapeHTML(false)
            .strictSections(true)
            .emptyStringIsFalse(true)
            .withLoader(NO_PARTIALS);
    private static final Mustache.Compiler HTML = TEXT.escapeHTML(true);

    private MailTemplateRules() {}

    /**
     * The template as stored: blank parts become null (the default), line breaks become LF, a part
     * equal to its default is null too; a part that breaks a rule is a 400 naming its field.
     */
    static MailTemplate checked(Purpose purpose, MailTemplate template) {
        String subject = part(template.subject(), DefaultMailTemplates.subject(purpose));
        String text = part(template.textBody(), DefaultMailTemplates.textBody(purpose));
        String html = part(template.htmlBody(), null);
        if (subject != null) {
            limit("subject", subject, SUBJECT_MAX);
            if (subject.contains("\n") || subject.contains("\t")) {
                throw new ValidationFailed("subject must be one line");
            }
            Text.printable("subject", subject);
            fill("subject", TEXT, subject, SAMPLE);
        }
        if (text != null) {
            limit("text_body", text, TEXT_BODY_MAX);
            body("text_body", TEXT, Text.printable("text_body", text));
        }
        if (html != null) {
            limit("html_body", html, HTML_BODY_MAX);
            if (UNESCAPED.matcher(html).find()) {
                throw new ValidationFailed("html_body must not use {{{...}}}, {{&...}} or {{=...=}}:"
                        + " every value in the HTML body is escaped");
            }
            body("html_body", HTML, Text.printable("html_body", html));
        }
        return new MailTemplate(subject, text, html);
    }

    /** The mail's words: the account's parts where it has them, the defaults elsewhere. */
    static RenderedMail render(Purpose purpose, MailTemplate template, MailValues values) {
        String subject = fill("subject", TEXT, or(template.subject(), DefaultMailTemplates.subject(purpose)), values)
                .replaceAll("\\p{Cntrl}", " ")
                .strip();
        String text = fill("text_body", TEXT, or(template.textBody(), DefaultMailTemplates.textBody(purpose)), values);
        String html = template.htmlBody() == null ? null : fill("html_body", HTML, template.htmlBody(), values);
        return new RenderedMail(
                subject.length() > RENDERED_SUBJECT_MAX ? subject.substring(0, RENDERED_SUBJECT_MAX) : subject,
                text,
                html);
    }

    private static void body(String field, Mustache.Compiler compiler, String body) {
        for (MailValues values : new MailValues[] {SAMPLE, SAMPLE.withoutAddress()}) {
            if (!fill(field, compiler, body, values).contains(values.confirmationUrl())) {
                throw new ValidationFailed(field + " must show the confirmation link, {{confirmation_url}}"
                        + " (outside any section that can be empty)");
            }
        }
    }

    /**
     * Every tag names a placeholder exactly. Mustache would also resolve a dotted name on a value
     * ({{sender_name.length}}, {{sender_name.bytes}}) or {{this}} by reflection: nothing a mail
     * should show, so only the names themselves are taken.
     */
    private static void placeholdersOnly(String field, String template) {
        Matcher tag = TAG.matcher(template);
        while (tag.find()) {
            String name = tag.group(2).strip();
            // A partial is refused by the compiler, with its own words.
            if (tag.group(1).equals("!") || tag.group(1).equals(">") || MailTemplate.PLACEHOLDERS.contains(name)) {
                continue;
            }
            int line = 1
                    + (int) template.substring(0, tag.start())
                            .chars()
                            .filter(c -> c == '\n')
                            .count();
            throw new ValidationFailed(field + " uses {{" + name + "}} on line " + line
                    + ", which is no placeholder; the placeholders are " + MailValues.PLACEHOLDERS);
        }
    }

    private static String fill(String field, Mustache.Compiler compiler, String template, MailValues values) {
        placeholdersOnly(field, template);
        Template compiled;
        try {
            compiled = compiler.compile(template);
        } catch (MustacheException e) {
            throw new ValidationFailed(field + " cannot be read as a Mustache template: " + e.getMessage());
        }
        try {
            return compiled.execute(values.asMap());
        } catch (MustacheException.Context e) {
            throw new ValidationFailed(field + " uses {{" + e.key + "}} on line " + e.lineNo
                    + ", which is no placeholder; the placeholders are " + MailValues.PLACEHOLDERS);
        } catch (MustacheException e) {
            throw new ValidationFailed(field + " cannot be filled in: " + e.getMessage());
        }
    }

    private static @Nullable String part(@Nullable String value, @Nullable String defaultValue) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalized = value.replace("\r\n", "\n").replace('\r', '\n');
        return defaultValue != null && normalized.strip().equals(defaultValue.strip()) ? null : normalized;
    }

    private static void limit(String field, String value, int max) {
        if (value.length() > max) {
            throw new ValidationFailed(field + " must be at most " + max + " characters, not " + value.length());
        }
    }

    private static String or(@Nullable String value, String fallback) {
        return value == null ? fallback : value;
    }
}
