package org.marquee.server.tickets;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.marquee.model.ErrorCode;
import org.marquee.server.common.MarqueeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends booking confirmations with the tickets attached, over SMTP, on threads of its own: a slow or dead mail server
 * must never hold up the answer to a sale. A failure is logged here, once, with the address masked; the returned
 * future then fails with a {@link MarqueeException} that names no address, so callers need not log it again.
 */
public final class ConfirmationMailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConfirmationMailer.class);

    /** How long to wait for the SMTP server to connect, answer, or take data. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private static final int THREADS = 2;
    // Mails wait here while the server is slow; past this many, refusing is kinder than growing without bound.
    private static final int QUEUE_CAPACITY = 1_000;
    private static final Pattern EMAIL = Pattern.compile("([^\\s<>\"'@,;:]?)[^\\s<>\"'@,;:]*@([^\\s<>\"',;:]+)");

    private final MailSettings settings;
    private final Session session;
    private final ThreadPoolExecutor executor;

    public ConfirmationMailer(MailSettings settings) {
        this(settings, DEFAULT_TIMEOUT);
    }

    ConfirmationMailer(MailSettings settings, Duration timeout) {
        this.settings = settings;
        this.session = Session.getInstance(smtpProperties(settings, timeout));
        this.executor = new ThreadPoolExecutor(
                THREADS,
                THREADS,
                0,
                TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(QUEUE_CAPACITY),
                Thread.ofPlatform().name("confirmation-mail-", 1).daemon().factory());
    }

    /** Renders the tickets and mails them to the recipient. Never throws; the future says how it went. */
    public CompletableFuture<Void> send(String recipient, TicketSheet sheet) {
        return send(recipient, sheet, null);
    }

    /** Mails tickets already rendered by {@link TicketPdf#render}. Never throws; the future says how it went. */
    public CompletableFuture<Void> send(String recipient, TicketSheet sheet, byte[] pdf) {
        Delivery delivery = new Delivery(recipient, sheet, pdf, null);
        try {
            executor.execute(delivery);
        } catch (RejectedExecutionException e) {
            delivery.fail(executor.isShutdown() ? "mailer closed" : "queue full");
        }
        return delivery.future;
    }

    /**
     * Mails a plain-text notice (such as a cancelled showtime's) with the same settings and threads as confirmations;
     * {@code booking} names it in the log. Never throws; the future says how it went.
     */
    public CompletableFuture<Void> sendNotice(String recipient, String booking, String subject, String body) {
        Delivery delivery = new Delivery(recipient, null, null, new Notice(booking, subject, body));
        try {
            executor.execute(delivery);
        } catch (RejectedExecutionException e) {
            delivery.fail(executor.isShutdown() ? "mailer closed" : "queue full");
        }
        return delivery.future;
    }

    /** A plain-text mail about a booking. */
    private record Notice(String booking, String subject, String body) {}

    /** Lets mails already queued go out for a short while, then stops; whatever is left fails its future. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            if (executor.awaitTermination(5, TimeUnit.SECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Runnable never : executor.shutdownNow()) {
            if (never instanceof Delivery delivery) {
                delivery.fail("mailer closed");
            }
        }
    }

    /** "alice@example.com" → "a***@example.com": enough to tell mails apart in a log, not enough to write to. */
    static String mask(String address) {
        if (address == null) {
            return "(none)";
        }
        int at = address.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return address.charAt(0) + "***" + address.substring(at);
    }

    /** Server replies and Jakarta Mail's messages quote addresses; the log must not. */
    static String withoutAddresses(String text) {
        return EMAIL.matcher(text).replaceAll("$1***@$2");
    }

    private static Properties smtpProperties(MailSettings settings, Duration timeout) {
        String millis = Long.toString(timeout.toMillis());
        Properties props = new Properties();
        props.put("mail.smtp.host", settings.host());
        props.put("mail.smtp.port", Integer.toString(settings.port()));
        props.put("mail.smtp.auth", Boolean.toString(settings.authenticates()));
        props.put("mail.smtp.starttls.enable", Boolean.toString(settings.startTls()));
        // Asked for TLS means TLS or nothing: never fall back to sending a password in the clear.
        props.put("mail.smtp.starttls.required", Boolean.toString(settings.startTls()));
        props.put("mail.smtp.ssl.checkserveridentity", "true");
        props.put("mail.smtp.connectiontimeout", millis);
        props.put("mail.smtp.timeout", millis);
        props.put("mail.smtp.writetimeout", millis);
        return props;
    }

    private void deliverNotice(String recipient, Notice notice) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        InternetAddress to = new InternetAddress(recipient, true);
        to.validate();
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(notice.subject(), "UTF-8");
        message.setSentDate(new Date());
        message.setText(notice.body(), "UTF-8");
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    private void deliver(String recipient, TicketSheet sheet, byte[] pdf) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from(), true));
        InternetAddress to = new InternetAddress(recipient, true);
        to.validate();
        message.setRecipient(Message.RecipientType.TO, to);
        message.setSubject(ConfirmationText.subject(sheet), "UTF-8");
        message.setSentDate(new Date());

        MimeBodyPart text = new MimeBodyPart();
        text.setText(ConfirmationText.body(sheet), "UTF-8");
        MimeBodyPart tickets = new MimeBodyPart();
        tickets.setDataHandler(new DataHandler(
                new ByteArrayDataSource(pdf != null ? pdf : TicketPdf.render(sheet), "application/pdf")));
        tickets.setFileName(ConfirmationText.attachmentName(sheet));
        tickets.setDisposition(Part.ATTACHMENT);
        message.setContent(new MimeMultipart(text, tickets));
        message.saveChanges();

        try (Transport transport = session.getTransport("smtp")) {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /** One mail to send; a class of its own so that {@link #close()} can fail the futures of mails never sent. */
    private final class Delivery implements Runnable {
        private final String recipient;
        private final TicketSheet sheet;
        private final byte[] pdf;
        private final Notice notice;
        private final CompletableFuture<Void> future = new CompletableFuture<>();

        Delivery(String recipient, TicketSheet sheet, byte[] pdf, Notice notice) {
            this.recipient = recipient;
            this.sheet = sheet;
            this.pdf = pdf;
            this.notice = notice;
        }

        @Override
        public void run() {
            try {
                if (notice != null) {
                    deliverNotice(recipient, notice);
                } else {
                    deliver(recipient, sheet, pdf);
                }
                log.info("event=confirmation_mail_sent booking={} to={}", booking(), mask(recipient));
                future.complete(null);
            } catch (MessagingException | RuntimeException e) {
                fail(reason(e));
            }
        }

        void fail(String reason) {
            log.warn("event=confirmation_mail_failed booking={} to={} reason={}", booking(), mask(recipient), reason);
            future.completeExceptionally(new MarqueeException(
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The confirmation e-mail for booking " + booking() + " could not be sent."));
        }

        /** The exception and its nested ones on one log line, with no address left readable. */
        private String reason(Exception e) {
            String text = String.valueOf(e);
            if (recipient != null && !recipient.isBlank()) {
                text = text.replace(recipient, mask(recipient));
            }
            return withoutAddresses(text).replaceAll("\\s+", " ");
        }

        private String booking() {
            return notice != null ? notice.booking() : sheet == null ? "(none)" : sheet.bookingCode();
        }
    }
}
