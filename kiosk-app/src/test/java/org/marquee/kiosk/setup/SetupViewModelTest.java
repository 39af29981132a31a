package org.marquee.kiosk.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Enrollment;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.testing.FakeServerCheck;

/** The setup screen's logic without the FX toolkit, against a server that follows the API contract (FakeServerCheck). */
class SetupViewModelTest {

    @TempDir
    Path dataDir;

    Tasks tasks;
    SettingsStore store;
    List<Settings> configured;
    SetupViewModel model;

    @BeforeEach
    void setUp() {
        tasks = new Tasks(UiThread.DIRECT);
        store = new SettingsStore(dataDir);
        configured = new CopyOnWriteArrayList<>();
        model = new SetupViewModel(
                Settings.initial(), new FakeServerCheck(), tasks, new Messages(Locale.ENGLISH), store, configured::add);
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void aGoodAddressAndTokenAreSavedAndHandedOn() {
        model.serverUrlProperty().set(FakeServerCheck.URL + "/");
        model.terminalTokenProperty().set(" demo-kiosk-1 ");
        model.modeProperty().set(Mode.KIOSK);

        model.connect();

        await().atMost(Duration.ofSeconds(15)).until(() -> !configured.isEmpty());
        Settings expected = new Settings(FakeServerCheck.URL, "demo-kiosk-1", Mode.KIOSK, "en", false);
        assertThat(configured).containsExactly(expected);
        assertThat(store.load()).contains(expected);
        assertThat(model.errorProperty().get()).isEmpty();
        assertThat(model.checkingProperty().get()).isFalse();
    }

    @Test
    void aWrongTokenShowsTheServersOwnWordsAndSavesNothing() {
        model.serverUrlProperty().set(FakeServerCheck.URL);
        model.terminalTokenProperty().set("not-a-token");

        model.connect();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !model.checkingProperty().get());
        assertThat(model.errorProperty().get())
                .isEqualTo("This token is not known or has been revoked. Ask a manager for a valid one.");
        assertThat(configured).isEmpty();
        assertThat(store.load()).isEmpty();
    }

    @Test
    void anAddressWhereNoServerAnswersSaysSo() throws Exception {
        int unused;
        try (var socket = new java.net.ServerSocket(0)) {
            unused = socket.getLocalPort();
        }
        model.serverUrlProperty().set("127.0.0.1:" + unused);
        model.terminalTokenProperty().set("demo-kiosk-1");

        model.connect();

        await().atMost(Duration.ofSeconds(15))
                .until(() -> !model.checkingProperty().get());
        assertThat(model.errorProperty().get())
                .isEqualTo("No server answers at http://127.0.0.1:" + unused + ". Check the address and the network.");
        assertThat(configured).isEmpty();
    }

    @Test
    void emptyFieldsAreExplainedWithoutAskingTheServer() {
        model.connect();
        assertThat(model.errorProperty().get())
                .isEqualTo("Enter the server's address, such as http://box-office:8080.");

        model.serverUrlProperty().set(FakeServerCheck.URL);
        model.connect();
        assertThat(model.errorProperty().get()).isEqualTo("Enter this terminal's token.");

        model.terminalTokenProperty().set("demo-kiosk-1");
        model.serverUrlProperty().set("http://exa mple:80");
        model.connect();
        assertThat(model.errorProperty().get()).contains("is not a server address");
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(configured).isEmpty();
    }

    @Test
    void whatIsKnownAlreadyFillsTheFields() {
        SetupViewModel prefilled = new SetupViewModel(
                new Settings("http://box-office:8080", "tok", Mode.ADMIN, "es", true),
                new FakeServerCheck(),
                tasks,
                new Messages(Locale.ENGLISH),
                store,
                configured::add);

        assertThat(prefilled.serverUrlProperty().get()).isEqualTo("http://box-office:8080");
        assertThat(prefilled.terminalTokenProperty().get()).isEqualTo("tok");
        assertThat(prefilled.modeProperty().get()).isEqualTo(Mode.ADMIN);
    }

    private static String enrollment(String server, String token) {
        return "marquee://enroll?server=" + URLEncoder.encode(server, StandardCharsets.UTF_8) + "&token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Test
    void anEnrollmentTextTypedByABarcodeReaderIntoTheServerFieldFillsBothAndConnects() {
        // a USB barcode reader types the QR code's text into the focused field and presses Enter
        model.serverUrlProperty().set(enrollment(FakeServerCheck.URL, "demo-kiosk-1"));
        model.modeProperty().set(Mode.KIOSK);

        model.connect();

        await().atMost(Duration.ofSeconds(15)).until(() -> !configured.isEmpty());
        Settings expected = new Settings(FakeServerCheck.URL, "demo-kiosk-1", Mode.KIOSK, "en", false);
        assertThat(configured).containsExactly(expected);
        assertThat(store.load()).contains(expected);
        assertThat(model.serverUrlProperty().get()).isEqualTo(FakeServerCheck.URL);
        assertThat(model.terminalTokenProperty().get()).isEqualTo("demo-kiosk-1");
    }

    @Test
    void anEnrollmentTextPastedIntoTheTokenFieldFillsTheAddressAndTheToken() {
        String token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo";
        model.serverUrlProperty().set("http://old-address:8080");

        assertThat(model.enroll(enrollment("https://marquee.example.com:8443/api/v1/", token)))
                .isTrue();

        assertThat(model.serverUrlProperty().get()).isEqualTo("https://marquee.example.com:8443");
        assertThat(model.terminalTokenProperty().get()).isEqualTo(token);
        assertThat(model.errorProperty().get()).isEmpty();
    }

    @Test
    void anIncompleteOrForeignEnrollmentTextIsRefusedAndNothingIsSaved() {
        model.serverUrlProperty().set("http://box-office:8080");
        model.terminalTokenProperty().set("marquee://enroll?server=http%3A%2F%2Fbox-office%3A8080&tok");

        model.connect();

        assertThat(model.errorProperty().get())
                .isEqualTo(new Messages(Locale.ENGLISH).get("setup.error.badEnrollment"));
        assertThat(model.checkingProperty().get()).isFalse();
        assertThat(model.serverUrlProperty().get()).as("nothing is filled").isEqualTo("http://box-office:8080");
        assertThat(configured).isEmpty();
        assertThat(store.load()).isEmpty();
        assertThat(model.enroll(enrollment("ftp://box-office", "demo-kiosk-1"))).isFalse();
        assertThat(model.enroll("marquee://enroll?server=http%3A%2F%2Fbox-office%3A8080"))
                .isFalse();
    }

    @Test
    void aBarcodeReaderTypingCharacterByCharacterIsCompleteOnlyAtTheLastCharacterOfAServerToken() {
        String token = "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo";
        String text = enrollment("http://10.0.0.5:8080", token);
        for (int typed = 1; typed < text.length(); typed++) {
            assertThat(Enrollment.complete(text.substring(0, typed)))
                    .as("after %d characters", typed)
                    .isFalse();
        }
        assertThat(Enrollment.complete(text)).isTrue();
        assertThat(Enrollment.parse(text)).contains(new Enrollment("http://10.0.0.5:8080", token));
        assertThat(Enrollment.parse(text).orElseThrow().toString()).doesNotContain(token);
    }
}
