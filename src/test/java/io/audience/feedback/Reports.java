package io.audience.feedback;

import java.util.UUID;

/** Report mails as receiving servers write them: RFC 3464 bounces and RFC 5965 complaints. */
final class Reports {

    private Reports() {}

    static String deliveryStatus(String to, String recipient, String action, String status, String diagnostic) {
        String boundary = "dsn-" + UUID.randomUUID();
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.example.net>
                To: <%1$s>
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <%2$s@mx.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="%3$s"

                --%3$s
                Content-Type: text/plain; charset=us-ascii

                I'm sorry to have to inform you that your message could not be delivered.

                --%3$s
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.net
                Arrival-Date: Mon, 7 Dec 2026 12:00:00 +0000

                Final-Recipient: rfc822; %4$s
                Original-Recipient: rfc822;%4$s
                Action: %5$s
                Status: %6$s
                Diagnostic-Code: smtp; %7$s

                --%3$s
                Content-Type: text/rfc822-headers

                Return-Path: <%1$s>
                From: News <news@bakery.example>
                To: %4$s
                Subject: Please confirm

                --%3$s--
                """.formatted(to, UUID.randomUUID(), boundary, recipient, action, status, diagnostic);
    }

    static String complaint(String to, String recipient, String returnPath) {
        String boundary = "arf-" + UUID.randomUUID();
        return """
                From: Feedback Loop <fbl@isp.example.net>
                To: <%1$s>
                Subject: Abuse report
                Message-ID: <%2$s@isp.example.net>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="%3$s"

                --%3$s
                Content-Type: text/plain; charset=us-ascii

                This is an email abuse report for an email message received from IP 192.0.2.1.

                --%3$s
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: SomeGenerator/1.0
                Version: 1
                Original-Rcpt-To: <%4$s>
                Arrival-Date: Mon, 7 Dec 2026 12:00:00 +0000

                --%3$s
                Content-Type: message/rfc822
                Content-Disposition: inline

                Return-Path: <%5$s>
                From: News <news@bakery.example>
                To: %4$s
                Subject: Please confirm

                Please confirm.
                --%3$s--
                """.formatted(to, UUID.randomUUID(), boundary, recipient, returnPath);
    }

    static String plainMail(String to) {
        return """
                From: someone@example.net
                To: <%s>
                Subject: Hello

                Not a report.
                """.formatted(to);
    }
}
