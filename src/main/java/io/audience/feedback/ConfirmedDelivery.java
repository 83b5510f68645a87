package io.audience.feedback;

import io.audience.consent.ConsentChanged;
import io.audience.consent.Permission;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A person who confirms by the link in our mail got that mail: a bounced address is deliverable
 * again (a mailbox that was full, or restored), as the history says.
 */
@Component
class ConfirmedDelivery {

    private final FeedbackService feedback;

    ConfirmedDelivery(FeedbackService feedback) {
        this.feedback = feedback;
    }

    @EventListener
    void on(ConsentChanged changed) {
        if (changed.entry().byConfirmationLink() && changed.entry().to() == Permission.EXPLICIT) {
            feedback.confirmedByPerson(
                    changed.accountId(),
                    changed.emailKey(),
                    changed.entry().contactId(),
                    changed.entry().actor());
        }
    }
}
