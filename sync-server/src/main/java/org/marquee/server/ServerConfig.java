package org.marquee.server;

import java.nio.file.Path;
import java.time.Duration;
import org.marquee.server.db.DatabaseSettings;
import org.marquee.server.holds.HoldPolicy;
import org.marquee.server.orders.CodeGuessLimit;
import org.marquee.server.orders.RefundRetryPolicy;
import org.marquee.server.tickets.MailSettings;

/**
 * Everything a server start needs, whether it comes from the command line or from a test; {@code mail} may be null.
 * {@code publicUrl} ({@code --public-url}) is this server's address as terminals reach it, written into enrollment
 * texts; null takes it from each request's {@code Host} header. {@code codeGuesses} is how many booking codes a
 * terminal may miss before its lookups wait (null: the standard limit). {@code refundRetryBase}
 * ({@code --refund-retry-base}) is the wait before a refused card refund is first tried again (docs/decisions/0022).
 */
public record ServerConfig(
        String host,
        int port,
        DatabaseSettings database,
        boolean demoData,
        int demoKiosks,
        HoldPolicy holdPolicy,
        Duration sweepInterval,
        Duration paymentTimeout,
        MailSettings mail,
        Duration sseHeartbeat,
        CardTerminal cardTerminal,
        Path cardLedger,
        String publicUrl,
        CodeGuessLimit codeGuesses,
        Duration refundRetryBase) {

    /** With the standard booking-code guess limit and refund retries ({@link RefundRetryPolicy#DEFAULT_BASE}). */
    public ServerConfig(
            String host,
            int port,
            DatabaseSettings database,
            boolean demoData,
            int demoKiosks,
            HoldPolicy holdPolicy,
            Duration sweepInterval,
            Duration paymentTimeout,
            MailSettings mail,
            Duration sseHeartbeat,
            CardTerminal cardTerminal,
            Path cardLedger,
            String publicUrl) {
        this(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                holdPolicy,
                sweepInterval,
                paymentTimeout,
                mail,
                sseHeartbeat,
                cardTerminal,
                cardLedger,
                publicUrl,
                CodeGuessLimit.STANDARD,
                RefundRetryPolicy.DEFAULT_BASE);
    }

    /** The same configuration with another booking-code guess limit. */
    public ServerConfig withCodeGuesses(CodeGuessLimit limit) {
        return new ServerConfig(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                holdPolicy,
                sweepInterval,
                paymentTimeout,
                mail,
                sseHeartbeat,
                cardTerminal,
                cardLedger,
                publicUrl,
                limit,
                refundRetryBase);
    }

    /** The same configuration with refused refunds first tried again after {@code base} (doubling, at most 1 h). */
    public ServerConfig withRefundRetryBase(Duration base) {
        return new ServerConfig(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                holdPolicy,
                sweepInterval,
                paymentTimeout,
                mail,
                sseHeartbeat,
                cardTerminal,
                cardLedger,
                publicUrl,
                codeGuesses,
                base);
    }

    /** Which card terminal takes card payments: {@code --card-terminal simulated|none}. */
    public enum CardTerminal {
        /** Approves test tokens ({@code tok_visa}…): for demos and tests only. */
        SIMULATED,
        /** No cards: card payments answer 503 PAYMENT_PROVIDER_NOT_CONFIGURED. */
        NONE;

        /** DESIGN §10: simulated with demo data, else none, so that nothing is ever approved by default. */
        public static CardTerminal defaultFor(boolean demoData) {
            return demoData ? SIMULATED : NONE;
        }
    }

    public ServerConfig(
            String host,
            int port,
            DatabaseSettings database,
            boolean demoData,
            int demoKiosks,
            HoldPolicy holdPolicy,
            Duration sweepInterval,
            Duration paymentTimeout,
            MailSettings mail,
            Duration sseHeartbeat) {
        this(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                holdPolicy,
                sweepInterval,
                paymentTimeout,
                mail,
                sseHeartbeat,
                CardTerminal.defaultFor(demoData),
                null,
                null);
    }

    public ServerConfig(
            String host,
            int port,
            DatabaseSettings database,
            boolean demoData,
            int demoKiosks,
            HoldPolicy holdPolicy,
            Duration sweepInterval,
            Duration paymentTimeout,
            MailSettings mail,
            Duration sseHeartbeat,
            CardTerminal cardTerminal,
            Path cardLedger) {
        this(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                holdPolicy,
                sweepInterval,
                paymentTimeout,
                mail,
                sseHeartbeat,
                cardTerminal,
                cardLedger,
                null);
    }

    /** How often an idle live-events stream gets a comment, so that proxies keep it open. */
    public static final Duration SSE_HEARTBEAT = Duration.ofSeconds(15);

    public ServerConfig(
            String host,
            int port,
            DatabaseSettings database,
            boolean demoData,
            int demoKiosks,
            HoldPolicy holdPolicy,
            Duration sweepInterval,
            Duration paymentTimeout,
            MailSettings mail) {
        this(
                host,
                port,
                database,
                demoData,
                demoKiosks,
                holdPolicy,
                sweepInterval,
                paymentTimeout,
                mail,
                SSE_HEARTBEAT);
    }

    /** True when confirmation e-mails can be sent: an SMTP host was given. */
    public boolean mailEnabled() {
        return mail != null;
    }
}
