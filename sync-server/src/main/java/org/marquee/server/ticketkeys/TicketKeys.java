package org.marquee.server.ticketkeys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.marquee.model.SignedTicketToken;
import org.marquee.model.TicketKeyView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 keys that sign ticket tokens (DESIGN §9): the current one signs new tickets, retired ones still check
 * the tickets they signed until their {@code notAfter}. Keys live in the database, shared by every instance, the
 * private halves sealed with the {@link KeySecret}; this class keeps them open in memory and looks again at most every
 * {@link #REFRESH} (so a rotation on another instance is seen within that time; the old key stays valid meanwhile).
 */
public final class TicketKeys {

    private static final Logger log = LoggerFactory.getLogger(TicketKeys.class);

    /** How often the keys are read again from the database. */
    static final Duration REFRESH = Duration.ofSeconds(30);

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter KID_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final String KID_LETTERS = "abcdefghijkmnpqrstuvwxyz23456789";

    private final TicketKeyRepository repository;
    private final KeySecret secret;
    private final Clock clock;
    private volatile Loaded loaded;

    /** The keys open in memory: the current signer and every public key by id. */
    private record Loaded(
            String currentKid,
            PrivateKey signer,
            Map<String, PublicKey> publicKeys,
            List<TicketKeyRecord> records,
            Instant readAt) {}

    public TicketKeys(TicketKeyRepository repository, KeySecret secret, Clock clock) {
        this.repository = repository;
        this.secret = secret;
        this.clock = clock;
    }

    /**
     * Makes the first key when the database has none, and opens them all: a server whose secret does not open the
     * keys stops here, with {@link SealedKey.WrongSecret}, rather than sign nothing later.
     */
    public TicketKeys start() {
        if (repository.all().stream().noneMatch(TicketKeyRecord::current)) {
            TicketKeyRecord first = generate();
            if (repository.addFirst(first)) {
                log.info("event=ticket_key_created kid={}", first.kid());
            }
        }
        reload();
        log.info(
                "event=ticket_keys_ready current={} keys={} secret={}",
                loaded.currentKid(),
                loaded.records().size(),
                secret.source());
        return this;
    }

    /** Signs the claims with the current key: an {@code MQT2} token. */
    public String sign(SignedTicketToken.Claims claims) {
        Loaded keys = fresh();
        return SignedTicketToken.sign(claims, keys.currentKid(), keys.signer());
    }

    /** The public key called {@code kid} if it checks tickets now (not past its {@code notAfter}). */
    public Optional<PublicKey> verifying(String kid) {
        Loaded keys = fresh();
        if (!keys.publicKeys().containsKey(kid)
                && keys.readAt().isBefore(clock.instant().minusSeconds(1))) {
            // a key made on another instance since the last read
            keys = reload();
        }
        Instant now = clock.instant();
        return keys.records().stream()
                .filter(r -> r.kid().equals(kid))
                .filter(r -> r.notAfter() == null || !now.isAfter(r.notAfter()))
                .findFirst()
                .map(r -> publicKey(r.publicKey()));
    }

    /** What {@code GET /ticket-keys} publishes: every key that still checks tickets, oldest first. */
    public List<TicketKeyView> published() {
        Instant now = clock.instant();
        return fresh().records().stream()
                .filter(r -> r.notAfter() == null || !now.isAfter(r.notAfter()))
                .map(TicketKeys::view)
                .toList();
    }

    /**
     * Makes a new current key and retires the old one, which stays valid for the tickets it signed; call inside the
     * unit of work of the request (its audit entry commits with it). Returns the new key and the retired key's id.
     */
    public Rotation rotate() {
        TicketKeyRecord next = generate();
        String retired = repository.rotate(next, SignedTicketToken.VALID_AFTER_START);
        // read again after the commit; until then this instance signs with the old key, which stays valid
        loaded = null;
        return new Rotation(view(next), retired);
    }

    /** A rotation's outcome. */
    public record Rotation(TicketKeyView key, String retiredKid) {}

    private Loaded fresh() {
        Loaded keys = loaded;
        if (keys == null || keys.readAt().plus(REFRESH).isBefore(clock.instant())) {
            keys = reload();
        }
        return keys;
    }

    private synchronized Loaded reload() {
        List<TicketKeyRecord> records = repository.all();
        Map<String, PublicKey> publicKeys = new HashMap<>();
        TicketKeyRecord current = null;
        for (TicketKeyRecord record : records) {
            publicKeys.put(record.kid(), publicKey(record.publicKey()));
            if (record.current()) {
                current = record;
            }
        }
        if (current == null) {
            throw new IllegalStateException("There is no current ticket key; start() makes one.");
        }
        Loaded keys = new Loaded(
                current.kid(),
                current.privateKey().open(current.kid(), secret),
                Map.copyOf(publicKeys),
                records,
                clock.instant());
        loaded = keys;
        return keys;
    }

    private TicketKeyRecord generate() {
        try {
            KeyPair pair =
                    KeyPairGenerator.getInstance(SignedTicketToken.ALGORITHM).generateKeyPair();
            String kid = kid();
            return new TicketKeyRecord(
                    kid,
                    pair.getPublic().getEncoded(),
                    SealedKey.seal(kid, pair.getPrivate(), secret),
                    clock.instant(),
                    null,
                    null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available in this Java runtime", e);
        }
    }

    private String kid() {
        StringBuilder kid =
                new StringBuilder("k").append(KID_DATE.format(clock.instant())).append('-');
        for (int i = 0; i < 6; i++) {
            kid.append(KID_LETTERS.charAt(RANDOM.nextInt(KID_LETTERS.length())));
        }
        return kid.toString();
    }

    private static TicketKeyView view(TicketKeyRecord record) {
        return new TicketKeyView(
                record.kid(),
                SignedTicketToken.ALGORITHM,
                Base64.getEncoder().encodeToString(record.publicKey()),
                record.notBefore(),
                record.notAfter());
    }

    private static PublicKey publicKey(byte[] encoded) {
        try {
            return KeyFactory.getInstance(SignedTicketToken.ALGORITHM).generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored ticket key is not an Ed25519 public key", e);
        }
    }
}
