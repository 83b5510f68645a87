package io.audience.mail;

import java.time.Duration;
import java.util.Properties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Connect, read and write timeouts on every SMTP connection. JavaMail's default is to wait for
 * ever, so a server that accepts the connection and never answers would hold the mail worker.
 */
@Component
class SmtpTimeouts implements BeanPostProcessor {

    private final Duration connect;
    private final Duration read;
    private final Duration write;

    SmtpTimeouts(
            @Value("${audience.mail.connect-timeout}") Duration connect,
            @Value("${audience.mail.read-timeout}") Duration read,
            @Value("${audience.mail.write-timeout}") Duration write) {
        this.connect = connect;
        this.read = read;
        this.write = write;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof JavaMailSenderImpl sender) {
            Properties properties = sender.getJavaMailProperties();
            for (String protocol : new String[] {"smtp", "smtps"}) {
                properties.setProperty("mail." + protocol + ".connectiontimeout", String.valueOf(connect.toMillis()));
                properties.setProperty("mail." + protocol + ".timeout", String.valueOf(read.toMillis()));
                properties.setProperty("mail." + protocol + ".writetimeout", String.valueOf(write.toMillis()));
            }
        }
        return bean;
    }
}
