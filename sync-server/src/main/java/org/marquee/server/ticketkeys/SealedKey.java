package org.marquee.server.ticketkeys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.marquee.model.SignedTicketToken;

/**
 * A private key sealed with AES-256-GCM under the {@link KeySecret}; the key id is the associated data, so a sealed
 * key copied onto another key's row does not open.
 */
public record SealedKey(byte[] sealed, byte[] nonce) {

    private static final String CIPHER = "AES/GCM/NoPadding";
    private static final int TAG_BITS = 128;
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Thrown when a key does not open: the secret is not the one it was sealed with, or the row was altered. */
    public static final class WrongSecret extends RuntimeException {
        WrongSecret(String kid) {
            super("The ticket key " + kid + " does not open with this server's ticket key secret: every instance "
                    + "must use the secret the key was sealed with (" + KeySecret.ENVIRONMENT + " or the data "
                    + "directory's " + KeySecret.FILE_NAME + ").");
        }
    }

    public static SealedKey seal(String kid, PrivateKey key, KeySecret secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        byte[] plain = key.getEncoded();
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kid, nonce, secret);
            return new SealedKey(cipher.doFinal(plain), nonce);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    public PrivateKey open(String kid, KeySecret secret) {
        byte[] plain = null;
        try {
            plain = cipher(Cipher.DECRYPT_MODE, kid, nonce, secret).doFinal(sealed);
            return KeyFactory.getInstance(SignedTicketToken.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(plain));
        } catch (AEADBadTagException e) {
            throw new WrongSecret(kid);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The ticket key " + kid + " cannot be read", e);
        } finally {
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    private static Cipher cipher(int mode, String kid, byte[] nonce, KeySecret secret) throws GeneralSecurityException {
        byte[] keyBytes = secret.bytes();
        try {
            Cipher cipher = Cipher.getInstance(CIPHER);
            cipher.init(mode, new SecretKeySpec(keyBytes, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(("marquee-ticket-key:" + kid).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            return cipher;
        } finally {
            Arrays.fill(keyBytes, (byte) 0);
        }
    }
}
