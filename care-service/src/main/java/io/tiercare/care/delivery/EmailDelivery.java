package io.tiercare.care.delivery;

import java.time.Duration;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Email through SMTP (the Quarkus mailer: {@code quarkus.mailer.host}, {@code port}, {@code from}, credentials and
 * TLS as its configuration says). The message id goes out as {@code X-TierCare-Message-Id}. A server that refuses
 * or does not answer within the timeout is a retryable failure.
 */
@ApplicationScoped
public class EmailDelivery implements Delivery {

    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final ReactiveMailer mailer;

    EmailDelivery(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Result send(Outgoing message) {
        try {
            mailer.send(Mail.withText(message.to(), message.subject(), message.text())
                    .addHeader("X-TierCare-Message-Id", message.messageId())).await().atMost(TIMEOUT);
            return Result.ok();
        } catch (RuntimeException e) {
            return Result.failed("smtp: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + firstLine(e.getMessage())), true);
        }
    }

    /** The first line of a server's answer, any address in it left out (it goes into events and logs). */
    static String firstLine(String text) {
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).replaceAll("[^\\s<>@]+@[^\\s<>@]+", "<address>");
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
