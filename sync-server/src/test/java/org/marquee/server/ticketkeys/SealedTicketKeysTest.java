package org.marquee.server.ticketkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.server.testing.TestServer;
import org.marquee.server.ticketkeys.persistence.TicketKeyStore;

/** The private keys are kept sealed: the database alone opens nothing, and a wrong secret stops the start. */
class SealedTicketKeysTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("sealed_keys", TestServer.Options.defaults());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDatabaseHoldsNoPlainPrivateKeyAndTheServersSecretOpensIt() {
        var store = new TicketKeyStore(server.jdbi());
        TicketKeyRecord key = store.all().getFirst();
        KeySecret secret = KeySecret.load(Map.of(), TestServer.DATA_DIR);

        var opened = key.privateKey().open(key.kid(), secret);

        byte[] pkcs8 = opened.getEncoded();
        byte[] seed = Arrays.copyOfRange(pkcs8, pkcs8.length - 32, pkcs8.length);
        assertThat(indexOf(key.privateKey().sealed(), seed)).isEqualTo(-1);
        assertThat(indexOf(key.privateKey().sealed(), pkcs8)).isEqualTo(-1);
    }

    @Test
    void aServerWithAnotherSecretRefusesToStartInsteadOfSigningNothing() {
        byte[] other = new byte[32];
        other[0] = 7;
        var keys = new TicketKeys(new TicketKeyStore(server.jdbi()), KeySecret.of(other), Clock.systemUTC());

        assertThatThrownBy(keys::start)
                .isInstanceOf(SealedKey.WrongSecret.class)
                .hasMessageContaining(KeySecret.ENVIRONMENT)
                .hasMessageNotContaining(new String(other));
    }

    @Test
    void aSealedKeyDoesNotOpenUnderAnotherKeyId() throws Exception {
        KeySecret secret = KeySecret.of(new byte[32]);
        SealedKey sealed = SealedKey.seal(
                "k1", KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate(), secret);

        assertThat(sealed.open("k1", secret)).isNotNull();
        assertThatThrownBy(() -> sealed.open("k2", secret)).isInstanceOf(SealedKey.WrongSecret.class);
    }

    @Test
    void theSecretComesFromTheEnvironmentOrAnOwnerOnlyFileMadeOnce(@TempDir Path dir) throws Exception {
        KeySecret made = KeySecret.load(Map.of(), dir);
        KeySecret again = KeySecret.load(Map.of(), dir);
        String fromEnvironment = java.util.Base64.getEncoder().encodeToString(new byte[32]);

        Path file = dir.resolve(KeySecret.FILE_NAME);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(again.bytes()).isEqualTo(made.bytes());
        assertThat(KeySecret.load(Map.of(KeySecret.ENVIRONMENT, fromEnvironment), dir)
                        .bytes())
                .isEqualTo(new byte[32]);
        assertThat(made.toString()).doesNotContain(java.util.Base64.getEncoder().encodeToString(made.bytes()));
        assertThatThrownBy(() -> KeySecret.load(Map.of(KeySecret.ENVIRONMENT, "c2hvcnQ="), dir))
                .hasMessageContaining("32 bytes");
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
