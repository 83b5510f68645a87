package io.audience.feedback;

import io.audience.mail.MailRefused;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Our own mail refused by the recipient's server at send time (a 5xx to RCPT TO): a hard bounce. */
@Component
class OwnMailBounces {

    private final FeedbackService feedback;

    OwnMailBounces(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @EventListener
    void on(MailRefused refused) {
        feedback.record(
                refused.accountId(),
                new Feedback(
                        Feedback.Kind.HARD_BOUNCE,
                        refused.emailKey(),
                        "smtp",
                        "refused:" + refused.mailId(),
                        refused.mailId(),
                        refused.status(),
                        refused.reply(),
                        refused.at(),
                        "Hard bounce: the recipient's server refused our mail " + refused.mailId() + " with "
                                + refused.reply()));
    }
}
