package io.audience.feedback.smtp;

import io.audience.feedback.FeedbackService;
import io.audience.mail.Outbox;
import io.audience.mail.ReturnPaths;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.subethamail.smtp.server.SMTPServer;

/**
 * The inbound SMTP listener for bounces and complaints ({@code audience.inbound-smtp.port}, off
 * when 0). It takes only reports to the return paths of the bounce domain and to its feedback
 * address {@code fbl@<bounce domain>}.
 */
@Component
class InboundSmtp implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundSmtp.class);

    private final ReturnPaths returnPaths;
    private final Outbox outbox;
    private final FeedbackService feedback;
    private final int port;
    private final String bind;
    private final String domain;
    private final DataSize maxMessageSize;
    private final int maxConnections;
    private final Clock clock;
    private @Nullable SMTPServer server;

    InboundSmtp(
            ReturnPaths returnPaths,
            Outbox outbox,
            FeedbackService feedback,
            @Value("${audience.inbound-smtp.port}") int port,
            @Value("${audience.inbound-smtp.bind}") String bind,
            @Value("${audience.bounce-domain}") String domain,
            @Value("${audience.inbound-smtp.max-message-size}") DataSize maxMessageSize,
            @Value("${audience.inbound-smtp.max-connections}") int maxConnections,
            Clock clock) {
        this.returnPaths = returnPaths;
        this.outbox = outbox;
        this.feedback = feedback;
        this.port = port;
        this.bind = bind;
        this.domain = domain.strip();
        this.maxMessageSize = maxMessageSize;
        this.maxConnections = maxConnections;
        this.clock = clock;
    }

    @Override
    public synchronized void start() {
        if (port == 0 || server != null) {
            return;
        }
        if (!returnPaths.enabled()) {
            throw new IllegalStateException("audience.inbound-smtp.port is set but audience.bounce-domain is not:"
                    + " the listener takes only reports to that domain's return paths");
        }
        String feedbackAddress = "fbl@" + domain;
        long maxBytes = maxMessageSize.toBytes();
        SMTPServer made;
        try {
            made = SMTPServer.port(port)
                    .bindAddress(InetAddress.getByName(bind))
                    .hostName(domain)
                    .softwareName("Audience")
                    .maxMessageSize((int) Math.min(Integer.MAX_VALUE, maxBytes))
                    .maxRecipients(10)
                    .maxConnections(maxConnections)
                    .connectionTimeout(30, TimeUnit.SECONDS)
                    .insertReceivedHeaders(false)
                    .messageHandlerFactory(context ->
                            new ReportHandler(returnPaths, outbox, feedback, feedbackAddress, maxBytes, clock))
                    .build();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("audience.inbound-smtp.bind is no address: " + bind, e);
        }
        made.start();
        server = made;
        log.info("Listening for bounces and complaints by SMTP on {}:{} (return paths @{})", bind, port, domain);
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }
}
