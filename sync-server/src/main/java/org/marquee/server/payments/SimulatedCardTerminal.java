package org.marquee.server.payments;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.marquee.model.PaymentMethod;

/**
 * A card terminal for development, demos and tests (never approves anything unless {@code --card-terminal simulated}),
 * answering by token as DESIGN §4 says: {@code tok_visa} approves, {@code tok_declined} declines, {@code tok_timeout}
 * never answers (the caller's timeout ends the wait), {@code tok_pending} leaves the answer to a later webhook, and
 * {@code tok_slow_<millis>} approves after that long (a customer slow at the PIN pad), {@code tok_refund_fails} approves
 * but refuses every refund of that charge (DESIGN §7.3, to show the failed-refund path; a test may make it accept them
 * again with {@link #refuseRefunds}, as a provider that comes back would). Other {@code tok_*} names
 * approve like {@code tok_visa}. Like a real provider it takes one charge per idempotency key and keeps a ledger (a
 * file, when given) that survives the server.
 */
public final class SimulatedCardTerminal implements PaymentGateway {

    private static final Map<String, String> LAST4 = Map.of("tok_visa", "4242", "tok_mastercard", "4444");

    /** The provider reference of a charge whose refunds are refused ({@code tok_refund_fails}). */
    static final String REFUSES_REFUNDS = "sim_norefund_";

    private final Duration timeout;
    private final SimulatedCardLedger ledger;
    private volatile boolean refusingRefunds = true;
    private volatile boolean refusingEveryRefund;
    private volatile Duration refundDelay = Duration.ZERO;

    /** {@code ledgerFile} keeps the ledger across restarts; null keeps it in memory only. */
    public SimulatedCardTerminal(Duration timeout, Path ledgerFile) {
        this.timeout = timeout;
        this.ledger = new SimulatedCardLedger(ledgerFile);
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CARD;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        var earlier = ledger.charge(request.idempotencyKey());
        if (earlier.isPresent()) {
            return approved(earlier.get());
        }
        if (ledger.wasVoided(request.idempotencyKey())) {
            return new ChargeResult.Declined("This card payment was cancelled. Please try again.");
        }
        String token = request.cardToken();
        if (token == null || !token.startsWith("tok_")) {
            return new ChargeResult.Declined("The card terminal did not recognise this card.");
        }
        return switch (token) {
            case "tok_declined" -> new ChargeResult.Declined("The card was declined. Please try another card.");
            case "tok_timeout" -> {
                sleep(timeout);
                yield new ChargeResult.TimedOut();
            }
            case "tok_pending" -> new ChargeResult.Pending("sim_pending_" + UUID.randomUUID());
            case String slow
            when slow.matches("tok_slow_\\d{1,5}") -> {
                sleep(Duration.ofMillis(Long.parseLong(slow.substring("tok_slow_".length()))));
                yield take(request, "1111");
            }
            case "tok_refund_fails" -> take(request, "0341", REFUSES_REFUNDS);
            default -> take(request, LAST4.getOrDefault(token, "1111"));
        };
    }

    @Override
    public ChargeResult lookup(String idempotencyKey) {
        return ledger.lookupOrVoid(idempotencyKey)
                .<ChargeResult>map(SimulatedCardTerminal::approved)
                .orElseGet(ChargeResult.NotFound::new);
    }

    @Override
    public boolean refund(String providerRef, long amountMinor, String currency) {
        if (!refundDelay.isZero()) {
            sleep(refundDelay);
        }
        if (refusingEveryRefund
                || (refusingRefunds && providerRef != null && providerRef.startsWith(REFUSES_REFUNDS))) {
            return false;
        }
        return ledger.refund(providerRef);
    }

    /**
     * Whether refunds of {@code tok_refund_fails} charges are refused (true from the start). Only code holding this
     * object can change it, that is tests; no token or request can.
     */
    public void refuseRefunds(boolean refuse) {
        this.refusingRefunds = refuse;
    }

    /** Whether every refund is refused, as a provider that is down for refunds would (false from the start). */
    public void refuseEveryRefund(boolean refuse) {
        this.refusingEveryRefund = refuse;
    }

    /** Answers each refund only after {@code delay}, as a slow provider would (tests race a retry with a manager). */
    public void answerRefundsAfter(Duration delay) {
        this.refundDelay = delay;
    }

    /** True when the charge with this provider reference was given back (how a test counts the money). */
    public boolean refunded(String providerRef) {
        return ledger.refunded(providerRef);
    }

    private ChargeResult take(ChargeRequest request, String last4) {
        return take(request, last4, "sim_");
    }

    private ChargeResult take(ChargeRequest request, String last4, String refPrefix) {
        if (Thread.currentThread().isInterrupted()) {
            // the caller stopped waiting: a terminal whose customer walked away takes nothing
            return new ChargeResult.TimedOut();
        }
        return ledger.take(new SimulatedCardLedger.Charge(
                        request.idempotencyKey(), refPrefix + UUID.randomUUID(), last4, request.amountMinor()))
                .map(SimulatedCardTerminal::approved)
                .orElseGet(() -> new ChargeResult.Declined("This card payment was cancelled. Please try again."));
    }

    private static ChargeResult approved(SimulatedCardLedger.Charge charge) {
        return new ChargeResult.Approved(charge.providerRef(), charge.cardLast4(), null);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
