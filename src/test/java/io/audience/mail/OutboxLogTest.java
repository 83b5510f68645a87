package io.audience.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;

class OutboxLogTest {

    @Test
    @SuppressWarnings("unchecked")
    void withoutSmtpAQueuedMailIsLoggedAtInfoWithoutItsAddressOrLink() {
        Logger logger = (Logger) LoggerFactory.getLogger(Outbox.class);
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        Level before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        try {
            ObjectProvider<JavaMailSender> none = mock(ObjectProvider.class);
            new Outbox(mock(OutboxRepository.class), none)
                    .queue(
                            new OutgoingMail(
                                    UUID.randomUUID(),
                                    "jane@example.com",
                                    "signup_confirmation",
                                    "from@example.com",
                                    "jane@example.com",
                                    "Subject",
                                    "Body",
                                    null,
                                    "http://localhost/confirm/secret-token",
                                    "http://localhost/unsubscribe/other-token"),
                            OffsetDateTime.now(ZoneOffset.UTC));
        } finally {
            logger.detachAppender(events);
            logger.setLevel(before);
        }
        assertThat(events.list).anyMatch(e -> e.getLevel() == Level.INFO);
        events.list.stream()
                .filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
                .forEach(e -> assertThat(e.getFormattedMessage())
                        .doesNotContain("jane@example.com")
                        .doesNotContain("secret-token"));
    }
}
