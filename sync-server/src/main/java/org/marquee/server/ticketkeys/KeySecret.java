package org.marquee.server.ticketkeys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * The secret that seals the ticket-signing private keys in the database (decision 0016): 32 bytes, from
 * {@code MARQUEE_TICKET_KEY_SECRET} (base64) when the operator sets it, else from the file
 * {@code <data-dir>/ticket-keys.secret}, made with random bytes and owner-only permissions at the first start. A
 * database dump alone therefore holds no usable private key. Never logged; {@link #toString()} says nothing.
 */
public final class KeySecret {

    public static final String ENVIRONMENT = "MARQUEE_TICKET_KEY_SECRET";
    public static final String FILE_NAME = "ticket-keys.secret";
    static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;
    private final String source;

    private KeySecret(byte[] bytes, String source) {
        if (bytes.length != BYTES) {
            throw new IllegalArgumentException("The ticket key secret (" + source + ") must be " + BYTES
                    + " bytes, base64; it has " + bytes.length + ".");
        }
        this.bytes = bytes.clone();
        this.source = source;
    }

    /** The secret from the environment, else from (or newly into) the data directory's file. */
    public static KeySecret load(Map<String, String> environment, Path dataDir) {
        String fromEnvironment = environment.get(ENVIRONMENT);
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return new KeySecret(decode(fromEnvironment, ENVIRONMENT), ENVIRONMENT);
        }
        return fromFile(dataDir.resolve(FILE_NAME));
    }

    /** A secret the caller made, for tests and tools. */
    public static KeySecret of(byte[] bytes) {
        return new KeySecret(bytes, "given");
    }

    static KeySecret fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file).strip();
            return new KeySecret(decode(text, file.toString()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("The ticket key secret " + file + " cannot be read or made", e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] fresh = new byte[BYTES];
        RANDOM.nextBytes(fresh);
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), FILE_NAME, ".new");
        try {
            restrict(temporary);
            Files.writeString(temporary, Base64.getEncoder().encodeToString(fresh) + "\n", StandardOpenOption.WRITE);
            // another instance on the same directory may have made it meanwhile: then its secret is the one
            Files.move(temporary, file);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(temporary);
        } finally {
            Arrays.fill(fresh, (byte) 0);
            Files.deleteIfExists(temporary);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.copyOf(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): the directory's own permissions protect it
        }
    }

    private static byte[] decode(String text, String source) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The ticket key secret (" + source + ") is not base64.");
        }
    }

    byte[] bytes() {
        return bytes.clone();
    }

    /** Where the secret came from (the variable's name or the file's path), never the secret. */
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return "KeySecret[" + source + "]";
    }
}
