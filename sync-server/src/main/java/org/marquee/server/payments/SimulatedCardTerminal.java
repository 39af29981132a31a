package org.marquee.server.payments;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.marquee.model.PaymentMethod;

/**
 * A card terminal for development and tests, answering by token as DESIGN §4 says: {@code tok_visa} approves,
 * {@code tok_declined} declines, {@code tok_timeout} never answers (the caller's timeout ends the wait), and
 * {@code tok_pending} leaves the answer to a later webhook, and {@code tok_slow_<millis>} approves after that long
 * (a customer slow at the PIN pad). Other {@code tok_*} names approve like {@code tok_visa}.
 */
public final class SimulatedCardTerminal implements PaymentGateway {

    private static final Map<String, String> LAST4 = Map.of("tok_visa", "4242", "tok_mastercard", "4444");

    private final Duration timeout;
    private final Set<String> charged = ConcurrentHashMap.newKeySet();
    private final Set<String> refunded = ConcurrentHashMap.newKeySet();

    public SimulatedCardTerminal(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public PaymentMethod method() {
        return PaymentMethod.CARD;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
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
            case "tok_pending" -> new ChargeResult.Pending(remember("sim_pending_"));
            case String slow
            when slow.matches("tok_slow_\\d{1,5}") -> {
                sleep(Duration.ofMillis(Long.parseLong(slow.substring("tok_slow_".length()))));
                yield new ChargeResult.Approved(remember("sim_"), "1111", null);
            }
            default -> new ChargeResult.Approved(remember("sim_"), LAST4.getOrDefault(token, "1111"), null);
        };
    }

    @Override
    public boolean refund(String providerRef, long amountMinor, String currency) {
        return refunded.add(providerRef);
    }

    /** Whether a charge was refunded here; for tests that check no money was kept. */
    public boolean wasRefunded(String providerRef) {
        return refunded.contains(providerRef);
    }

    public int charges() {
        return charged.size();
    }

    private String remember(String prefix) {
        String ref = prefix + UUID.randomUUID();
        charged.add(ref);
        return ref;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
