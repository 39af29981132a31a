package org.marquee.server.payments;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The simulated card terminal's own record of what it charged and refunded, as a real provider keeps one: by
 * idempotency key, so that a charge sent twice is taken once, and kept in a file of its own (when given) that outlives
 * the server process and the database, so that a test can crash either and still count the money. One line per fact,
 * written through to the disk before the answer is given.
 */
final class SimulatedCardLedger {

    /** A charge the terminal took under a key. */
    record Charge(String key, String providerRef, String cardLast4, long amountMinor) {}

    private final Path file;
    private final Map<String, Charge> charges = new HashMap<>();
    private final Set<String> voided = new HashSet<>();
    private final Set<String> refunded = new HashSet<>();

    SimulatedCardLedger(Path file) {
        this.file = file;
        if (file != null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                if (Files.exists(file)) {
                    Files.readAllLines(file, StandardCharsets.UTF_8).forEach(this::replay);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the simulated card ledger " + file, e);
            }
        }
    }

    synchronized Optional<Charge> charge(String key) {
        return Optional.ofNullable(charges.get(key));
    }

    /** Records a charge, unless the key was voided by a lookup first; then nothing is taken. */
    synchronized Optional<Charge> take(Charge charge) {
        if (voided.contains(charge.key())) {
            return Optional.empty();
        }
        Charge existing = charges.get(charge.key());
        if (existing != null) {
            return Optional.of(existing);
        }
        append("charge " + charge.key() + " " + charge.providerRef() + " " + charge.cardLast4() + " "
                + charge.amountMinor());
        charges.put(charge.key(), charge);
        return Optional.of(charge);
    }

    /** The charge under {@code key}; when there is none, the key is voided so that none is ever taken with it. */
    synchronized Optional<Charge> lookupOrVoid(String key) {
        Charge existing = charges.get(key);
        if (existing == null && voided.add(key)) {
            append("void " + key);
        }
        return Optional.ofNullable(existing);
    }

    synchronized boolean refund(String providerRef) {
        if (refunded.add(providerRef)) {
            append("refund " + providerRef);
        }
        return true;
    }

    synchronized boolean refunded(String providerRef) {
        return refunded.contains(providerRef);
    }

    synchronized boolean wasVoided(String key) {
        return voided.contains(key);
    }

    private void replay(String line) {
        List<String> parts = List.of(line.strip().split(" "));
        switch (parts.getFirst()) {
            case "charge" ->
                charges.put(
                        parts.get(1),
                        new Charge(parts.get(1), parts.get(2), parts.get(3), Long.parseLong(parts.get(4))));
            case "void" -> voided.add(parts.get(1));
            case "refund" -> refunded.add(parts.get(1));
            default -> {
                // a line cut short by a crash while it was written: the fact was never acknowledged to anyone
            }
        }
    }

    private void append(String line) {
        if (file == null) {
            return;
        }
        try (FileChannel channel = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the simulated card ledger " + file, e);
        }
    }
}
