package org.marquee.kiosk.app;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.counter.CounterShortcuts;
import org.marquee.kiosk.counter.SessionBar;
import org.marquee.kiosk.counter.ShiftReminder;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.idle.IdleTimer;
import org.marquee.kiosk.idle.IdleWatch;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one window of the application: the offline banner and a header (mode, server, language, contrast) on top, the
 * current screen's view in the middle (built by {@link Screens} on every visit), a busy indicator below. It follows
 * the {@link Navigator}; a language change rebuilds the shown screen in the new language.
 */
public final class MainWindow implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MainWindow.class);

    private static final String CSS = "/org/marquee/kiosk/css/";

    private final AppContext ctx;
    private final WindowRoot root = new WindowRoot();
    private final Label banner = new Label();
    private final Label terminal = new Label();
    private final ToggleButton english = new ToggleButton("EN");
    private final ToggleButton spanish = new ToggleButton("ES");
    private final ToggleButton contrast = new ToggleButton();
    private final Label busyText = new Label();
    private Parent view;
    private Stage stage;
    private final IdleTimer idle;

    public MainWindow(AppContext ctx) {
        this(ctx, IdleTimer.LIMIT);
    }

    /** As above, with a kiosk starting over after {@code idleLimit} without a touch (tests wait less than a minute). */
    MainWindow(AppContext ctx, Duration idleLimit) {
        this.ctx = ctx;
        root.getStyleClass().add("main-window");
        idle = new IdleTimer(ctx.tasks(), ctx.sale(), ctx.navigator(), Clock.systemUTC(), idleLimit);
        idle.activeWhile(() -> ctx.isConfigured() && ctx.mode() == Mode.KIOSK);
        HBox header = header();
        // a clerk signing out with the shift open is reminded under the header (counter only)
        VBox top = new VBox(banner(), header, new ShiftReminder(ctx.counterSession(), ctx.messagesProperty()));
        root.setTop(top);
        // over the screen, never pushing it down: the next tap lands where the customer aimed
        root.addOverlay(IdleWatch.notice(idle, ctx.messagesProperty()), Pos.TOP_CENTER);
        root.addOverlay(busyBar(), Pos.BOTTOM_LEFT);
        AccessibleLayout.install(ctx, root, top, header); // a kiosk's ♿ button: controls within reach
        applyStyles(ctx.settings());
        applyTexts(ctx.messages());

        ctx.navigator().currentProperty().addListener((obs, old, screen) -> showScreen(screen));
        ctx.messagesProperty().addListener((obs, old, messages) -> {
            applyTexts(messages);
            showScreen(ctx.navigator().current());
        });
        ctx.identityProperty().addListener((obs, old, identity) -> {
            // a terminal's first answer from the server says which theater it is in: list by distance from there
            if (ctx.navigator().current() == Screen.SHOWTIMES
                    && (old == null || old.theaterId() != identity.theaterId())) {
                showScreen(Screen.SHOWTIMES);
            }
        });
        ctx.settingsProperty().addListener((obs, old, settings) -> {
            applyStyles(settings);
            applyTexts(ctx.messages());
            applyStage(settings);
        });

        Screen start = ctx.startScreen();
        ctx.navigator().go(start);
        if (view == null) { // the navigator was already there, so no change was heard
            showScreen(start);
        }
    }

    /** The root of the window's scene. */
    public Parent root() {
        return root;
    }

    /** Puts the window on {@code stage} and shows it: full screen without a way out by keys in kiosk mode. */
    public void show(Stage target) {
        this.stage = target;
        Rectangle2D size = fillsScreen(ctx.settings())
                ? javafx.stage.Screen.getPrimary().getBounds()
                : new Rectangle2D(0, 0, 1280, 800);
        Scene scene = new Scene(root, size.getWidth(), size.getHeight());
        // a technician's way out of a full-screen kiosk (customers have no keyboard)
        scene.getAccelerators()
                .put(
                        new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                        Platform::exit);
        CounterShortcuts.install(scene, ctx.navigator(), ctx.counterSession()); // F2, F3, Ctrl+Shift+L at a counter
        target.setScene(scene);
        // a kiosk left alone releases its hold and starts over (only in kiosk mode)
        IdleWatch.attach(scene, idle);
        idle.start();
        target.setTitle(ctx.messages().get("app.title"));
        target.setFullScreenExitHint("");
        target.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
        applyStage(ctx.settings());
        target.show();
    }

    /**
     * Kiosk and scanner fill the screen. Full screen is a request to the window manager, and a kiosk often runs with
     * none (X straight from the boot, no desktop): then nobody grants it, so the window is first given the screen's
     * bounds itself (decision 0026).
     */
    private void applyStage(Settings settings) {
        if (stage == null) {
            return;
        }
        boolean fill = fillsScreen(settings);
        if (fill) {
            Rectangle2D screen = javafx.stage.Screen.getPrimary().getBounds();
            stage.setX(screen.getMinX());
            stage.setY(screen.getMinY());
            stage.setWidth(screen.getWidth());
            stage.setHeight(screen.getHeight());
        }
        stage.setFullScreen(fill);
        log.info(
                "event=window_placed mode={} full_screen={} width={} height={}",
                settings.mode(),
                fill,
                stage.getWidth(),
                stage.getHeight());
    }

    private static boolean fillsScreen(Settings settings) {
        return settings.mode() == Mode.KIOSK || settings.mode() == Mode.SCANNER;
    }

    private void showScreen(Screen screen) {
        closeView();
        Parent next;
        try {
            next = Screens.create(screen, ctx);
        } catch (RuntimeException e) {
            log.error("event=screen_failed screen={}", screen, e);
            next = placeholder(ctx.messages().get("app.screenFailed"));
        }
        view = next;
        ScreenSwap.show(root, next);
    }

    private static Parent placeholder(String text) {
        Label label = new Label(text);
        label.setId("screen-not-available");
        label.setWrapText(true);
        StackPane pane = new StackPane(label);
        pane.getStyleClass().addAll("screen", "placeholder");
        return pane;
    }

    private Label banner() {
        banner.setId("offline-banner");
        banner.getStyleClass().add("offline-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.visibleProperty().bind(ctx.connectivity().onlineProperty().not());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox header() {
        terminal.setId("terminal-name");
        terminal.getStyleClass().add("terminal-name");
        // on a narrow (portrait) screen the terminal's name gives way ("Marquee · Ki…"), never the buttons
        terminal.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        ToggleGroup languages = new ToggleGroup();
        english.setId("language-en");
        spanish.setId("language-es");
        english.setToggleGroup(languages);
        // pressed by a click or a tap, never focused: Enter and Space stay with the screen's own buttons
        english.setFocusTraversable(false);
        spanish.setFocusTraversable(false);
        contrast.setFocusTraversable(false);
        spanish.setToggleGroup(languages);
        english.setOnAction(event -> chooseLanguage(Settings.ENGLISH));
        spanish.setOnAction(event -> chooseLanguage(Settings.SPANISH));
        HBox language = new HBox(english, spanish);
        language.getStyleClass().add("segmented");
        language.setMinWidth(Region.USE_PREF_SIZE);
        contrast.setMinWidth(Region.USE_PREF_SIZE);

        contrast.setId("high-contrast");
        contrast.setOnAction(event -> ctx.setHighContrast(contrast.isSelected()));

        // who is signed in at a counter, with "Sign out"; hidden while nobody is (always, on a kiosk)
        SessionBar session = new SessionBar(ctx.counterSession(), ctx.messagesProperty());
        session.setMinWidth(Region.USE_PREF_SIZE);
        HBox header = new HBox(terminal, spacer, session, language, contrast);
        header.getStyleClass().add("app-header");
        header.setAlignment(Pos.CENTER_LEFT);
        return header;
    }

    private void chooseLanguage(String language) {
        if (!language.equals(ctx.settings().language())) {
            ctx.setLanguage(language);
        }
        syncToggles(ctx.settings());
    }

    private HBox busyBar() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("small");
        busyText.getStyleClass().add("busy-text");
        HBox bar = new HBox(spinner, busyText);
        bar.setId("busy");
        bar.getStyleClass().add("busy-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.visibleProperty().bind(ctx.tasks().busyProperty());
        bar.setMouseTransparent(true);
        return bar;
    }

    private void applyTexts(Messages messages) {
        banner.setText(messages.get("offline.banner"));
        busyText.setText(messages.get("app.busy"));
        contrast.setText(messages.get("app.highContrast"));
        String mode = messages.get("app.mode." + ctx.mode().name().toLowerCase(Locale.ROOT));
        // the server's address helps a clerk or a technician, but means nothing to a customer at a kiosk
        boolean customers = ctx.mode() == Mode.KIOSK;
        terminal.setText(
                !ctx.isConfigured()
                        ? messages.get("app.title")
                        : customers
                                ? messages.get("app.terminal.customers", mode)
                                : messages.get(
                                        "app.terminal",
                                        mode,
                                        ctx.client().baseUrl().host()));
        if (stage != null) {
            stage.setTitle(messages.get("app.title"));
        }
        syncToggles(ctx.settings());
    }

    private void syncToggles(Settings settings) {
        english.setSelected(Settings.ENGLISH.equals(settings.language()));
        spanish.setSelected(Settings.SPANISH.equals(settings.language()));
        contrast.setSelected(settings.highContrast());
    }

    /** base.css, one stylesheet for the mode, and the high-contrast one on top when chosen. */
    private void applyStyles(Settings settings) {
        String modeSheet = settings.mode() == Mode.KIOSK ? "kiosk.css" : "counter.css";
        var sheets = root.getStylesheets();
        sheets.setAll(stylesheet("base.css"), stylesheet(modeSheet));
        if (settings.highContrast()) {
            sheets.add(stylesheet("high-contrast.css"));
        }
        root.getStyleClass().removeIf(style -> style.startsWith("mode-"));
        root.getStyleClass().add("mode-" + settings.mode().name().toLowerCase(Locale.ROOT));
    }

    private static String stylesheet(String name) {
        var url = MainWindow.class.getResource(CSS + name);
        if (url == null) {
            throw new IllegalStateException("Missing stylesheet " + CSS + name);
        }
        return url.toExternalForm();
    }

    private void closeView() {
        if (view instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                log.warn("event=view_close_failed reason={}", e.getMessage());
            }
        }
        view = null;
    }

    /** Closes the view shown (its timers and connections); the context is closed by its owner. */
    @Override
    public void close() {
        idle.close();
        closeView();
    }
}
