package org.marquee.kiosk.adminstaff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.model.Role;
import org.marquee.model.StaffMember;

/** The staff screen's logic without the FX toolkit, against the admin API's in-memory fake. */
class StaffViewModelTest {

    AdminFakes server;
    Tasks tasks;
    StaffViewModel model;

    @BeforeEach
    void setUp() {
        server = AdminFakes.demo();
        tasks = new Tasks(UiThread.DIRECT);
        model = new StaffViewModel(server.desk(), tasks, new Messages(Locale.ENGLISH));
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

    private StaffMember named(String username) {
        return model.staff().stream()
                .filter(m -> m.username().equals(username))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aClerkIsAddedAndThePinIsClearedAtOnce() {
        model.newMember();
        model.usernameProperty().set("bea");
        model.displayNameProperty().set("Bea Ortiz");
        model.pinProperty().set("4321");
        model.save();
        assertThat(model.pinProperty().get()).isEmpty();
        settle();

        assertThat(named("bea").role()).isEqualTo(Role.CLERK);
        assertThat(server.desk().pinOpens("bea", "4321")).isTrue();
        assertThat(model.noticeProperty().get()).isEqualTo("Added: Bea Ortiz.");
        assertThat(server.audit().all().getLast().details()).doesNotContainValue("4321");
    }

    @Test
    void renameRoleAndPinResetSendOnlyWhatChanged() {
        model.edit(named("alice"));
        model.displayNameProperty().set("Alice R.");
        model.roleProperty().set(Role.MANAGER);
        model.pinProperty().set("55555");
        model.save();
        settle();

        StaffMember alice = named("alice");
        assertThat(alice.displayName()).isEqualTo("Alice R.");
        assertThat(alice.role()).isEqualTo(Role.MANAGER);
        assertThat(server.desk().pinOpens("alice", "55555")).isTrue();
        assertThat(server.desk().pinOpens("alice", "1234")).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo("Saved: Alice R., with the new PIN.");

        model.save();
        assertThat(model.noticeProperty().get()).isEqualTo("Nothing was changed.");
    }

    @Test
    void theLastActiveManagerCanNeitherLoseTheRoleNorBeDeactivated() {
        model.edit(named("morgan"));
        model.roleProperty().set(Role.CLERK);
        model.save();
        settle();
        assertThat(model.errors().form().get()).startsWith("Not changed: this is the last active manager.");
        assertThat(named("morgan").role()).isEqualTo(Role.MANAGER);

        model.toggleActive();
        settle();
        assertThat(model.errors().form().get()).startsWith("Not changed: this is the last active manager.");
        assertThat(server.desk().staff())
                .filteredOn(m -> m.username().equals("morgan"))
                .allSatisfy(m -> assertThat(m.active()).isTrue());
    }

    @Test
    void aClerkIsDeactivatedAndReactivated() {
        model.edit(named("alice"));
        model.toggleActive();
        settle();
        assertThat(named("alice").active()).isFalse();
        assertThat(server.desk().pinOpens("alice", "1234")).isFalse();
        assertThat(model.noticeProperty().get()).isEqualTo("Alice Romero is deactivated and can no longer sign in.");

        model.toggleActive();
        settle();
        assertThat(named("alice").active()).isTrue();
    }

    @Test
    void aShortPinIsShownAtThePinField() {
        model.newMember();
        model.usernameProperty().set("carl");
        model.displayNameProperty().set("Carl");
        model.pinProperty().set("12");
        model.save();
        settle();
        assertThat(model.errors().at("pin").get()).isEqualTo("'pin' must be 4 to 8 digits.");
        assertThat(model.staff()).extracting(StaffMember::username).doesNotContain("carl");
    }
}
