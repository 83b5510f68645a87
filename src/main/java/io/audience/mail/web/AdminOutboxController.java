package io.audience.mail.web;

import io.audience.api.OperatorOnly;
import io.audience.mail.Outbox;
import io.audience.mail.QueuedMail;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lets the operator read queued and sent mail, for an installation without SMTP. */
@RestController
@OperatorOnly
class AdminOutboxController {

    private final Outbox outbox;

    AdminOutboxController(Outbox outbox) {
        this.outbox = outbox;
    }

    record OutboxPage(List<QueuedMail> mails) {}

    @GetMapping("/admin/outbox")
    OutboxPage recent(@RequestParam(defaultValue = "100") int limit) {
        return new OutboxPage(outbox.recent(Math.max(1, Math.min(limit, 1000))));
    }
}
