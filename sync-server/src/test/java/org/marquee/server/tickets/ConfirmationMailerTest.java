package org.marquee.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.marquee.server.common.MarqueeException;
import org.slf4j.LoggerFactory;

class ConfirmationMailerTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("tickets@marquee.test", "tickets", "s3cret"));

    @Test
    void theConfirmationArrivesWithSubjectBodyAndTheTicketsAsAPdf() throws Exception {
        TicketSheet sheet = SampleTickets.sheet();
        try (ConfirmationMailer mailer = new ConfirmationMailer(settings("tickets", "s3cret"))) {
            mailer.send("alice@example.com", sheet).get(30, TimeUnit.SECONDS);
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("Your tickets for Dune: Part Three — booking ABC234");
        assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("alice@example.com");
        assertThat(mail.getFrom()[0].toString()).contains("tickets@marquee.test");

        MimeMultipart parts = (MimeMultipart) mail.getContent();
        assertThat(parts.getCount()).isEqualTo(2);
        String body = (String) parts.getBodyPart(0).getContent();
        assertThat(body)
                .contains("Dune: Part Three (15A · 2 h 46 min)")
                .contains("Sun 22 Nov 2026, 19:00, Screen 2")
                .contains("Marquee Rivoli, 12 Rue de Rivoli, 75004 Paris")
                .contains("Row F, seat 7: Adult, €9.50")
                .contains("Row A, seat 12 (Wheelchair space): Senior, €7.00")
                .contains("Total: €23.00")
                .contains("Booking code: ABC234");

        BodyPart attachment = parts.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("marquee-ABC234.pdf");
        assertThat(attachment.getContentType()).startsWith("application/pdf");
        try (InputStream in = attachment.getInputStream();
                PDDocument pdf = Loader.loadPDF(in.readAllBytes())) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Dune: Part Three", "ABC234");
        }
    }

    @Test
    void aServerWithoutLoginTakesMailTooAndPreRenderedTicketsAreSentAsGiven() throws Exception {
        TicketSheet sheet = SampleTickets.sheet();
        byte[] pdf = TicketPdf.render(sheet);
        try (ConfirmationMailer mailer = new ConfirmationMailer(settings(null, null))) {
            mailer.send("bob@example.com", sheet, pdf).get(30, TimeUnit.SECONDS);
        }

        MimeMultipart parts = (MimeMultipart) smtp.getReceivedMessages()[0].getContent();
        try (InputStream in = parts.getBodyPart(1).getInputStream()) {
            assertThat(in.readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void anUnreachableServerFailsTheFutureAndNeverTheCaller() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MailSettings nowhere = new MailSettings("127.0.0.1", closedPort, null, null, "t@marquee.test", false);
        try (ConfirmationMailer mailer = new ConfirmationMailer(nowhere)) {
            CompletableFuture<Void> sent = mailer.send("carol@example.com", SampleTickets.sheet());

            assertFailsWithinTimeout(sent, ConfirmationMailer.DEFAULT_TIMEOUT.plusSeconds(5));
        }
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnAfterTheTimeoutWhileTheCallerMovesOn() throws Exception {
        // Accepts connections (the kernel's backlog does) but never says hello, like a hung mail server.
        try (ServerSocket silent = new ServerSocket(0)) {
            MailSettings hung =
                    new MailSettings("127.0.0.1", silent.getLocalPort(), null, null, "t@marquee.test", false);
            try (ConfirmationMailer mailer = new ConfirmationMailer(hung, Duration.ofMillis(500))) {
                long before = System.nanoTime();
                CompletableFuture<Void> sent = mailer.send("dave@example.com", SampleTickets.sheet());
                assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofMillis(200));
                assertThat(sent).isNotDone();

                assertFailsWithinTimeout(sent, Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void aBadAddressFailsTheFutureOnly() {
        try (ConfirmationMailer mailer = new ConfirmationMailer(settings(null, null))) {
            assertFailsWithinTimeout(mailer.send("not an address", SampleTickets.sheet()), Duration.ofSeconds(10));
            assertFailsWithinTimeout(mailer.send(null, SampleTickets.sheet()), Duration.ofSeconds(10));
            assertFailsWithinTimeout(mailer.send("eve@example.com", null), Duration.ofSeconds(10));
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aClosedMailerRefusesQuietly() {
        ConfirmationMailer mailer = new ConfirmationMailer(settings(null, null));
        mailer.close();

        assertFailsWithinTimeout(mailer.send("frank@example.com", SampleTickets.sheet()), Duration.ofSeconds(1));
    }

    @Test
    void aFailureIsLoggedOnceWithTheAddressMasked() {
        Logger logger = (Logger) LoggerFactory.getLogger(ConfirmationMailer.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try (ConfirmationMailer mailer = new ConfirmationMailer(settings(null, null))) {
            assertFailsWithinTimeout(
                    mailer.send("grace.hopper@@example.com", SampleTickets.sheet()), Duration.ofSeconds(10));
        } finally {
            logger.detachAppender(appender);
        }

        assertThat(appender.list).hasSize(1);
        String line = appender.list.get(0).getFormattedMessage();
        assertThat(line)
                .contains("event=confirmation_mail_failed", "booking=ABC234", "to=g***@example.com")
                .doesNotContain("grace", "hopper")
                .doesNotContain("\n");
    }

    @Test
    void logsMaskAddresses() {
        assertThat(ConfirmationMailer.mask("alice@example.com")).isEqualTo("a***@example.com");
        assertThat(ConfirmationMailer.mask("nobody")).isEqualTo("***");
        assertThat(ConfirmationMailer.mask(null)).isEqualTo("(none)");
        assertThat(ConfirmationMailer.withoutAddresses("550 5.1.1 <alice.smith@example.com>: no such user"))
                .isEqualTo("550 5.1.1 <a***@example.com>: no such user");
    }

    private static void assertFailsWithinTimeout(CompletableFuture<Void> sent, Duration timeout) {
        await().atMost(timeout).until(sent::isDone);
        assertThat(sent).isCompletedExceptionally();
        try {
            sent.get();
        } catch (ExecutionException e) {
            assertThat(e.getCause())
                    .isInstanceOf(MarqueeException.class)
                    .hasMessageContaining("could not be sent")
                    .hasMessageNotContaining("@");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static MailSettings settings(String username, String password) {
        return new MailSettings(
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                username,
                password,
                "Marquee Cinemas <tickets@marquee.test>",
                false);
    }
}
