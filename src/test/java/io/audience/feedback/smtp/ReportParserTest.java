package io.audience.feedback.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ReportParserTest {

    @Test
    void aDeliveryStatusNotificationGivesItsFailedRecipientsWithStatusAndDiagnostic() throws Exception {
        Report report = parse("""
                Message-ID: <r1@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: text/plain

                Sorry.
                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; jane@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user
                 unknown

                Final-Recipient: rfc822; joe@example.com
                Action: delayed
                Status: 4.4.1

                --b
                Content-Type: text/rfc822-headers

                Return-Path: <bounce-x@bounces.example>
                Subject: Hi

                --b--
                """);
        assertThat(report.type()).isEqualTo(Report.Type.DELIVERY_STATUS);
        assertThat(report.messageId()).isEqualTo("<r1@mx.example.net>");
        assertThat(report.failures())
                .containsExactly(new Report.Failure("jane@example.com", "5.1.1", true, "smtp; 550 5.1.1 user unknown"));
        assertThat(report.returnPaths()).containsExactly("bounce-x@bounces.example");
    }

    @Test
    void aFailureWithATransientStatusIsASoftOne() throws Exception {
        Report report = parse(dsn("failed", "4.2.2"));
        assertThat(report.failures())
                .singleElement()
                .extracting(Report.Failure::permanent)
                .isEqualTo(false);
    }

    @Test
    void anArfReportIsAComplaintWithItsFeedbackType() throws Exception {
        Report report = parse("""
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="b"

                --b
                Content-Type: text/plain

                Abuse report.
                --b
                Content-Type: message/feedback-report

                Feedback-Type: Abuse
                Version: 1

                --b
                Content-Type: message/rfc822

                Return-Path: <bounce-y@bounces.example>
                Subject: Hi

                Body.
                --b--
                """);
        assertThat(report.type()).isEqualTo(Report.Type.COMPLAINT);
        assertThat(report.feedbackType()).isEqualTo("abuse");
        assertThat(report.returnPaths()).containsExactly("bounce-y@bounces.example");
    }

    @Test
    void plainMailAndOtherReportsAreNoReport() throws Exception {
        assertThat(ReportParser.parse("Subject: hi\r\n\r\nhello\r\n".getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(ReportParser.parse("""
                        MIME-Version: 1.0
                        Content-Type: multipart/report; report-type=disposition-notification; boundary="b"

                        --b
                        Content-Type: text/plain

                        Read.
                        --b--
                        """.getBytes(StandardCharsets.UTF_8))).isNull();
    }

    @Test
    void anAddressIsTakenFromItsTypedOrBracketedForm() {
        assertThat(ReportParser.address("rfc822; jane@example.com")).isEqualTo("jane@example.com");
        assertThat(ReportParser.address("<jane@example.com>")).isEqualTo("jane@example.com");
    }

    private static String dsn(String action, String status) {
        return """
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="b"

                --b
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net

                Final-Recipient: rfc822; jane@example.com
                Action: %s
                Status: %s

                --b--
                """.formatted(action, status);
    }

    private static Report parse(String mail) throws Exception {
        Report report = ReportParser.parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(report).isNotNull();
        return report;
    }
}
