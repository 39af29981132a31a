package org.marquee.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.admin.AdminShell;
import org.marquee.kiosk.adminaudit.AuditView;
import org.marquee.kiosk.adminaudit.AuditViewModel;
import org.marquee.kiosk.adminmovies.MoviesView;
import org.marquee.kiosk.adminmovies.MoviesViewModel;
import org.marquee.kiosk.adminprices.PricePlansView;
import org.marquee.kiosk.adminprices.PricePlansViewModel;
import org.marquee.kiosk.adminstaff.StaffView;
import org.marquee.kiosk.adminstaff.StaffViewModel;
import org.marquee.kiosk.adminterminals.TerminalsView;
import org.marquee.kiosk.adminterminals.TerminalsViewModel;
import org.marquee.kiosk.admintheaters.TheatersView;
import org.marquee.kiosk.admintheaters.TheatersViewModel;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.counter.CounterSession;
import org.marquee.kiosk.counter.LoginView;
import org.marquee.kiosk.counter.LoginViewModel;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.kiosk.testing.Snapshots;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * {@code docs/screenshots/admin-*.png}: every admin screen inside its shell, against the admin API's fake with the
 * demo's cinema, at 1920 × 1080, 1280 × 800 and portrait 1080 × 1920 (plus the managers' sign-in, one screen in high
 * contrast and one in Spanish). Each screen is filled the way a manager would leave it: an entry chosen, a token just
 * issued, a refusal shown at its field.
 */
@ExtendWith(ApplicationExtension.class)
class AdminScreenshotsTest {

    private static final int[][] SIZES = {{1920, 1080}, {1280, 800}, {1080, 1920}};
    private static final List<Screen> SECTIONS = List.of(
            Screen.ADMIN_THEATERS,
            Screen.ADMIN_MOVIES,
            Screen.ADMIN_PRICES,
            Screen.ADMIN_TERMINALS,
            Screen.ADMIN_STAFF,
            Screen.ADMIN_AUDIT);

    private final List<Path> saved = new ArrayList<>();
    private Tasks tasks;
    private AdminFakes server;

    @BeforeEach
    void setUp() {
        tasks = new Tasks(Platform::runLater);
        server = AdminFakes.demo();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    @Test
    void everyAdminScreenAtEverySize() throws Exception {
        for (int[] size : SIZES) {
            String suffix = size[0] + "x" + size[1];
            Messages en = new Messages(Locale.ENGLISH);
            shoot("admin-login-" + suffix, login(en), size, false);
            shoot("admin-theaters-" + suffix, theaters(en), size, false);
            shoot("admin-movies-" + suffix, movies(en), size, false);
            shoot("admin-prices-" + suffix, prices(en), size, false);
            shoot("admin-terminals-" + suffix, terminals(en), size, false);
            shoot("admin-staff-" + suffix, staff(en), size, false);
            shoot("admin-audit-" + suffix, audit(en), size, false);
        }
        shoot("admin-staff-1280x800-high-contrast", staff(new Messages(Locale.ENGLISH)), SIZES[1], true);
        shoot("admin-terminals-1280x800-es", terminals(new Messages(Locale.of("es"))), SIZES[1], false);
        assertThat(saved).hasSize(23).allSatisfy(file -> assertThat(file).isNotEmptyFile());
    }

    /** A screen's view inside the shell, and when it is ready to be shot. */
    private record Shown(Callable<Parent> view, BooleanSupplier ready) {}

    private Shown login(Messages messages) {
        server = AdminFakes.demo(); // a fresh cinema for each picture
        CounterSession session = new CounterSession(
                server::desk, tasks, new Navigator(), new SaleSession(new FakeBoxOffice().terminal(), tasks), true);
        LoginViewModel model = new LoginViewModel(session, tasks, messages);
        boolean[] tried = {false};
        // a clerk tries the admin terminal: the refusal is what the picture shows
        return new Shown(() -> new LoginView(model, messages), () -> {
            if (!tried[0]) {
                tried[0] = true;
                model.usernameProperty().set("alice");
                model.pinProperty().set("1234");
                model.signIn();
            }
            return model.attemptsProperty().get() > 0;
        });
    }

    private Shown theaters(Messages messages) {
        server = AdminFakes.demo(); // a fresh cinema for each picture
        TheatersViewModel model = new TheatersViewModel(server.cinema(), tasks, messages);
        return inShell(
                Screen.ADMIN_THEATERS,
                messages,
                () -> new TheatersView(model, messages),
                () -> {
                    model.edit(model.theaters().get(1));
                    model.cleaningMinutesProperty().set("300");
                    model.save();
                },
                () -> !model.workingProperty().get() && !model.theaters().isEmpty(),
                model.workingProperty()::get);
    }

    private Shown movies(Messages messages) {
        server = AdminFakes.demo(); // a fresh cinema for each picture
        MoviesViewModel model = new MoviesViewModel(server.cinema(), tasks, messages);
        return inShell(
                Screen.ADMIN_MOVIES,
                messages,
                () -> new MoviesView(model, messages),
                () -> model.edit(model.movies().getFirst()),
                () -> !model.movies().isEmpty(),
                () -> false);
    }

    private Shown prices(Messages messages) {
        server = AdminFakes.demo(); // a fresh cinema for each picture
        PricePlansViewModel model = new PricePlansViewModel(server.cinema(), tasks, messages);
        return inShell(
                Screen.ADMIN_PRICES,
                messages,
                () -> new PricePlansView(model, messages),
                () -> model.edit(model.plans().getFirst()),
                () -> !model.plans().isEmpty(),
                () -> false);
    }

    private Shown terminals(Messages messages) {
        server = AdminFakes.demo(); // a fresh cinema for each picture
        TerminalsViewModel model = new TerminalsViewModel(server.desk(), server.cinema(), tasks, messages);
        return inShell(
                Screen.ADMIN_TERMINALS,
                messages,
                () -> new TerminalsView(model, messages),
                () -> {
                    model.nameProperty().set("Lobby kiosk 2");
                    model.create();
                },
                () -> !model.terminals().isEmpty(),
                () -> model.issuedProperty().get() == null);
    }

    private Shown staff(Messages messages) {
        server = AdminFakes.demo(); // a fresh cinema for each picture
        StaffViewModel model = new StaffViewModel(server.desk(), tasks, messages);
        return inShell(
                Screen.ADMIN_STAFF,
                messages,
                () -> new StaffView(model, messages),
                () -> {
                    model.edit(model.staff().stream()
                            .filter(m -> m.username().equals("morgan"))
                            .findFirst()
                            .orElseThrow());
                    model.toggleActive();
                },
                () -> !model.staff().isEmpty(),
                () -> model.errors().form().get().isEmpty());
    }

    private Shown audit(Messages messages) {
        server = AdminFakes.demo(); // a fresh cinema for each picture
        AuditViewModel model = new AuditViewModel(server.audit(), tasks, messages);
        return inShell(
                Screen.ADMIN_AUDIT,
                messages,
                () -> new AuditView(model, messages),
                () -> {},
                () -> model.pageProperty().get() == 1,
                () -> false);
    }

    /**
     * The view in the shell; once {@code loaded}, {@code act} as a manager would, then ready when {@code pending} is
     * no longer true.
     */
    private Shown inShell(
            Screen screen,
            Messages messages,
            Callable<Parent> view,
            Runnable act,
            BooleanSupplier loaded,
            BooleanSupplier pending) {
        boolean[] acted = {false};
        return new Shown(
                () -> new AdminShell(
                        SECTIONS,
                        screen,
                        view.call(),
                        new Navigator(),
                        messages,
                        new SimpleStringProperty(messages.get("admin.signedInAs", "Morgan Díaz")),
                        () -> {}),
                () -> {
                    if (!loaded.getAsBoolean()) {
                        return false;
                    }
                    if (!acted[0]) {
                        acted[0] = true;
                        act.run();
                        return false;
                    }
                    return !pending.getAsBoolean();
                });
    }

    private void shoot(String name, Shown shown, int[] size, boolean highContrast) throws Exception {
        Scene scene = onFx(() -> ModeStage.offscreen(shown.view().call(), Mode.ADMIN, highContrast, size[0], size[1]));
        await().atMost(Duration.ofSeconds(20))
                .pollDelay(Duration.ofMillis(100))
                .until(() -> onFx(() -> shown.ready().getAsBoolean()));
        Thread.sleep(300);
        onFx(() -> {
            ModeStage.layout(scene);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        saved.add(Snapshots.save(scene, name));
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
