package io.audience.feedback.smtp;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a report mail says, read but not yet trusted: the failed recipients of a delivery status
 * notification, or a complaint; with the return paths found in the reported message's headers (a
 * complaint sent to the feedback address names its mail only there).
 */
record Report(
        Type type,
        @Nullable String messageId,
        List<Failure> failures,
        @Nullable String feedbackType,
        List<String> returnPaths) {

    enum Type {
        DELIVERY_STATUS,
        COMPLAINT
    }

    /**
     * One recipient a delivery status notification says failed.
     *
     * @param permanent a 5.x.x status; a 4.x.x one the server gave up retrying is a soft bounce
     */
    record Failure(
            String recipient,
            String status,
            boolean permanent,
            @Nullable String diagnostic) {}
}
