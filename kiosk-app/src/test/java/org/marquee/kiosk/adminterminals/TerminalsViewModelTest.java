package org.marquee.kiosk.adminterminals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.adminterminals.TerminalsViewModel.Pending;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.model.AdminTerminal;
import org.marquee.model.TerminalKind;
import org.marquee.qr.ReadableQr;

/** The terminals screen's logic without the FX toolkit, against the admin API's in-memory fake. */
class TerminalsViewModelTest {

    AdminFakes server;
    Tasks tasks;
    TerminalsViewModel model;

    @BeforeEach
    void setUp() {
        server = AdminFakes.demo();
        tasks = new Tasks(UiThread.DIRECT);
        model = new TerminalsViewModel(server.desk(), server.cinema(), tasks, new Messages(Locale.ENGLISH));
        model.load();
        settle();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }

    @Test
    void aNewTerminalsTokenIsShownOnceAndNeverKeptInTheList() {
        assertThat(model.theaterProperty().get().name()).isEqualTo("Cine Sol");
        model.nameProperty().set("Door 1");
        model.kindProperty().set(TerminalKind.SCANNER);
        model.create();
        settle();

        AdminTerminal issued = model.issuedProperty().get();
        assertThat(issued.token()).startsWith("tok_");
        assertThat(issued.enrollment())
                .isEqualTo("marquee://enroll?server=https://box.example&token=" + issued.token());
        assertThat(server.desk().tokenWorks(issued.token())).isTrue();
        assertThat(ReadableQr.reads(model.issuedCodeProperty().get(), issued.enrollment()))
                .as("its QR code, made with the request")
                .isTrue();
        assertThat(model.terminals()).extracting(AdminTerminal::name).contains("Door 1");
        assertThat(model.terminals())
                .allSatisfy(terminal -> assertThat(terminal.token()).isNull());
        assertThat(model.nameProperty().get()).isEmpty();

        model.dismissToken();
        assertThat(model.issuedProperty().get()).isNull();
        assertThat(model.issuedCodeProperty().get()).isNull();
    }

    @Test
    void revokingAsksFirstThenStopsTheTokenAtOnce() {
        AdminTerminal kiosk = model.terminals().get(1);
        model.select(kiosk);
        model.ask(Pending.REVOKE);
        assertThat(model.pendingProperty().get()).isEqualTo(Pending.REVOKE);
        model.cancel();
        assertThat(server.desk().terminals().get(1).revokedAt()).isNull();

        model.ask(Pending.REVOKE);
        model.confirm();
        settle();
        assertThat(server.desk().terminals().get(1).revokedAt()).isNotNull();
        assertThat(model.terminals().get(1).revokedAt()).isNotNull();
        assertThat(model.noticeProperty().get()).isEqualTo("Lobby kiosk 1 is revoked.");
        assertThat(model.issuedProperty().get()).isNull();
        assertThat(server.audit().all().getLast().action()).isEqualTo("TERMINAL_REVOKED");
    }

    @Test
    void aNewTokenReplacesTheOldOneWhichStopsWorking() {
        model.nameProperty().set("Lobby kiosk 2");
        model.create();
        settle();
        String first = model.issuedProperty().get().token();
        model.dismissToken();

        model.select(model.terminals().getLast());
        model.ask(Pending.ROTATE);
        model.confirm();
        settle();

        String second = model.issuedProperty().get().token();
        assertThat(second).isNotEqualTo(first);
        assertThat(ReadableQr.reads(
                        model.issuedCodeProperty().get(),
                        model.issuedProperty().get().enrollment()))
                .as("the new token's QR code")
                .isTrue();
        assertThat(server.desk().tokenWorks(first)).isFalse();
        assertThat(server.desk().tokenWorks(second)).isTrue();
    }

    @Test
    void anEmptyNameIsShownAtItsField() {
        model.nameProperty().set("  ");
        model.create();
        settle();
        assertThat(model.errors().at("name").get()).isEqualTo("'name' must not be empty.");
        assertThat(model.issuedProperty().get()).isNull();
        assertThat(server.desk().terminals()).hasSize(2);
    }
}
