package io.audience.confirmation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.audience.api.ValidationFailed;
import org.junit.jupiter.api.Test;

class MailTemplateRulesTest {

    private static final MailValues VALUES = new MailValues(
            "Tom & Jerry's <Bakery>",
            "1 Main St, Springfield",
            "http://localhost/confirm/abc",
            "http://localhost/unsubscribe/def",
            "7 days");

    @Test
    void theDefaultSignupMailSaysWhatTheHardCodedOneSaidAndEndsWithThePostalAddress() {
        RenderedMail mail = MailTemplateRules.render(Purpose.SIGNUP, MailTemplate.DEFAULTS, VALUES);

        assertThat(mail.subject()).isEqualTo("Please confirm your subscription to Tom & Jerry's <Bakery>");
        assertThat(mail.textBody())
                .startsWith("Someone, hopefully you, signed this address up for mail from Tom & Jerry's <Bakery>.\n\n")
                .contains("press the Confirm button (valid for 7 days):\nhttp://localhost/confirm/abc\n")
                .contains(
                        "Never want mail from Tom & Jerry's <Bakery>? Unsubscribe: http://localhost/unsubscribe/def\n")
                .endsWith("\nTom & Jerry's <Bakery>, 1 Main St, Springfield\n");
        assertThat(mail.htmlBody()).isNull();
    }

    @Test
    void theDefaultMailOfAnAccountWithoutPostalAddressShowsNoneAndNoEmptyLines() {
        RenderedMail mail =
                MailTemplateRules.render(Purpose.RESUBSCRIBE, MailTemplate.DEFAULTS, VALUES.withoutAddress());

        assertThat(mail.subject()).isEqualTo("Do you want to hear from Tom & Jerry's <Bakery> again?");
        assertThat(mail.textBody())
                .startsWith("You unsubscribed from Tom & Jerry's <Bakery> earlier")
                .endsWith("Unsubscribe: http://localhost/unsubscribe/def\n")
                .doesNotContain("1 Main St")
                .doesNotContain("{{");
    }

    @Test
    void theHtmlBodyEscapesEveryValueAndTheTextBodyTakesThemAsTheyAre() {
        MailTemplate template = new MailTemplate(
                "{{sender_name}}: confirm",
                "From {{sender_name}}: {{confirmation_url}}",
                "<p>From {{sender_name}}</p><a href=\"{{confirmation_url}}\">Confirm</a><p>{{physical_address}}</p>");

        RenderedMail mail =
                MailTemplateRules.render(Purpose.SIGNUP, MailTemplateRules.checked(Purpose.SIGNUP, template), VALUES);

        assertThat(mail.subject()).isEqualTo("Tom & Jerry's <Bakery>: confirm");
        assertThat(mail.textBody()).isEqualTo("From Tom & Jerry's <Bakery>: http://localhost/confirm/abc");
        assertThat(mail.htmlBody())
                .contains("<p>From Tom &amp; Jerry&#39;s &lt;Bakery&gt;</p>")
                .contains("<a href=\"http://localhost/confirm/abc\">")
                .contains("<p>1 Main St, Springfield</p>");
    }

    @Test
    void aBodyWithoutTheConfirmationLinkIsRefusedNamingTheField() {
        assertRefused(new MailTemplate(null, "Hello {{sender_name}}", null), "text_body", "{{confirmation_url}}");
        assertRefused(new MailTemplate(null, null, "<p>{{unsubscribe_url}}</p>"), "html_body", "{{confirmation_url}}");
        assertRefused(
                new MailTemplate(null, "{{#physical_address}}{{confirmation_url}}{{/physical_address}}", null),
                "text_body",
                "confirmation link");
        assertRefused(new MailTemplate(null, "{{! {{confirmation_url}} }}", null), "text_body", "confirmation link");
    }

    @Test
    void aTemplateThatCannotBeParsedIsRefusedNamingTheFieldAndLine() {
        assertRefused(
                new MailTemplate(null, "{{confirmation_url}}\nline two\n{{#sender_name}}never closed", null),
                "text_body",
                "line 3");
        assertRefused(new MailTemplate("{{/x}}", null, null), "subject", "line 1");
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingItsLine() {
        assertRefused(
                new MailTemplate(null, "{{confirmation_url}}\n\nDear {{first_name}}", null),
                "text_body",
                "{{first_name}} on line 3");
        assertRefused(new MailTemplate(null, "{{confirmation_url}}\n{{#vip}}x{{/vip}}", null), "text_body", "{{vip}}");
        for (String reflective :
                new String[] {"{{sender_name.length}}", "{{sender_name.bytes}}", "{{this}}", "{{.}}"}) {
            assertRefused(
                    new MailTemplate(null, "{{confirmation_url}}\n" + reflective, null),
                    "text_body",
                    reflective + " on line 2");
        }
    }

    @Test
    void partialsAndUnescapedOrRedelimitedHtmlValuesAreRefused() {
        assertRefused(new MailTemplate(null, "{{confirmation_url}} {{> footer}}", null), "text_body", "partials");
        assertRefused(new MailTemplate(null, null, "{{confirmation_url}} {{{sender_name}}}"), "html_body", "escaped");
        assertRefused(new MailTemplate(null, null, "{{confirmation_url}} {{& sender_name}}"), "html_body", "escaped");
        assertRefused(new MailTemplate(null, null, "{{=<% %>=}} <%confirmation_url%>"), "html_body", "escaped");
    }

    @Test
    void partsLongerThanTheirLimitsOrWithControlCharactersAreRefused() {
        assertRefused(new MailTemplate("x".repeat(201), null, null), "subject", "at most 200");
        assertRefused(new MailTemplate(null, "{{confirmation_url}}" + "x".repeat(10_000), null), "text_body", "10000");
        assertRefused(new MailTemplate(null, null, "{{confirmation_url}}" + "x".repeat(50_000)), "html_body", "50000");
        assertRefused(new MailTemplate("two\nlines", null, null), "subject", "one line");
        assertRefused(new MailTemplate(null, "{{confirmation_url}}\u0000", null), "text_body", "control");
    }

    @Test
    void blankPartsAndPartsEqualToTheirDefaultAreStoredAsDefaultsAndLineBreaksAsLf() {
        MailTemplate checked = MailTemplateRules.checked(
                Purpose.SIGNUP,
                new MailTemplate(
                        " ",
                        DefaultMailTemplates.textBody(Purpose.SIGNUP).replace("\n", "\r\n"),
                        "{{confirmation_url}}\r\n"));

        assertThat(checked).isEqualTo(new MailTemplate(null, null, "{{confirmation_url}}\n"));
    }

    private static void assertRefused(MailTemplate template, String field, String saying) {
        assertThatThrownBy(() -> MailTemplateRules.checked(Purpose.SIGNUP, template))
                .isInstanceOf(ValidationFailed.class)
                .hasMessageStartingWith(field)
                .hasMessageContaining(saying);
    }
}
