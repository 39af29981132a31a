package org.marquee.kiosk.app;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marquee.kiosk.cache.CatalogCache;
import org.marquee.kiosk.client.MarqueeCashClient;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.ClerkShift;
import org.marquee.kiosk.core.Connectivity;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.counter.CounterSession;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.SettingsStore;
import org.marquee.kiosk.settings.TerminalIdentity;
import org.marquee.kiosk.settings.TerminalIdentityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything a terminal runs on, built once and closed in order: settings, the server client, the catalog cache and
 * its sync, background tasks, connectivity, navigation, the sale in progress and the texts. Screens get it from
 * {@link Screens}. Its properties change on the UI thread; its setters are called there too.
 */
public final class AppContext implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppContext.class);

    private final SettingsStore settingsStore;
    private final UiThread ui;
    private final ScheduledExecutorService scheduler;
    private final Tasks tasks;
    private final Navigator navigator = new Navigator();
    private final SaleSession sale;
    private final CatalogCache cache;
    private final Connectivity connectivity;
    private final ReadOnlyObjectWrapper<Settings> settings;
    private final ReadOnlyObjectWrapper<Messages> messages;
    private final ServerLink link;
    private CounterSession counterSession;
    private ClerkShift clerkShift;

    private AppContext(SettingsStore settingsStore, Settings initial, UiThread ui) {
        this.settingsStore = settingsStore;
        this.ui = ui;
        this.settings = new ReadOnlyObjectWrapper<>(initial);
        this.messages = new ReadOnlyObjectWrapper<>(new Messages(initial.locale()));
        this.cache = CatalogCache.open(settingsStore.dataDir());
        this.scheduler = Executors.newScheduledThreadPool(2, daemonThreads());
        this.tasks = new Tasks(ui);
        this.sale = new SaleSession(this::client, tasks);
        this.connectivity = new Connectivity(
                ui,
                scheduler,
                () -> client().health(),
                Connectivity.POLL_INTERVAL,
                () -> messages().get("offline.refuse"));
        this.link = new ServerLink(
                ui,
                tasks,
                cache,
                scheduler,
                new TerminalIdentityStore(settingsStore.dataDir()),
                connectivity::reportSuccess,
                connectivity::reportFailure);
        connectivity.watch(this::isConfigured); // the banner within seconds, whatever the screen (issue 14)
        tasks.onProblem(problem -> {
            if (isConfigured()) {
                connectivity.reportFailure(problem);
            }
        });
        connectivity.onBackOnline(link::syncNow);
        if (initial.complete()) {
            link.connect(initial);
        }
    }

    /**
     * Opens the terminal's context on {@code store}'s data folder: {@code settings} (null: those saved there, or none
     * yet). With a server and token, it starts syncing the catalog at once.
     */
    public static AppContext open(SettingsStore store, Settings settings, UiThread ui) {
        Settings initial = settings != null ? settings : store.load().orElse(Settings.initial());
        return new AppContext(store, initial, ui);
    }

    public static AppContext open(Path dataDir, UiThread ui) {
        return open(new SettingsStore(dataDir), null, ui);
    }

    /**
     * Takes settings that were just checked and saved (by the setup screen): talks to that server from now on and
     * starts syncing its catalog. Call on the UI thread.
     */
    public void configure(Settings newSettings) {
        boolean newLanguage = !newSettings.language().equals(settings.get().language());
        link.connect(newSettings);
        settings.set(newSettings);
        if (newLanguage) {
            messages.set(new Messages(newSettings.locale()));
        }
    }

    public ReadOnlyObjectProperty<TerminalIdentity> identityProperty() {
        return link.identityProperty();
    }

    /** The theater this terminal stands in, or null while unknown. */
    public Long homeTheaterId() {
        TerminalIdentity known = link.identityProperty().get();
        return known == null ? null : known.theaterId();
    }

    /** Shows the texts in {@code language} ("en" or "es") from now on, and remembers it. Call on the UI thread. */
    public void setLanguage(String language) {
        update(settings.get().withLanguage(language));
        messages.set(new Messages(settings.get().locale()));
        if (isConfigured()) {
            client().speak(language); // an order made from now on, and its tickets, in this language
        }
    }

    /** Turns the high-contrast styles on or off, and remembers it. Call on the UI thread. */
    public void setHighContrast(boolean on) {
        update(settings.get().withHighContrast(on));
    }

    private void update(Settings changed) {
        settings.set(changed);
        tasks.fireAndForget(() -> settingsStore.save(changed));
    }

    /** The screen a terminal starts on: setup until it knows its server, else sign-in (counter, admin) or showtimes. */
    public Screen startScreen() {
        Settings current = settings.get();
        if (!current.complete()) {
            return Screen.SETUP;
        }
        return switch (current.mode()) {
            case KIOSK -> Screen.SHOWTIMES;
            case SCANNER -> Screen.SCANNER;
            default -> Screen.LOGIN;
        };
    }

    /** True once the terminal knows its server and token. */
    public boolean isConfigured() {
        return link.isConnected();
    }

    /**
     * The server's API, acting as this terminal (or as the signed-in clerk after {@code useToken}).
     *
     * @throws IllegalStateException before the terminal has been set up
     */
    public MarqueeClient client() {
        return link.client();
    }

    public CatalogCache cache() {
        return cache;
    }

    public Settings settings() {
        return settings.get();
    }

    public ReadOnlyObjectProperty<Settings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    public SettingsStore settingsStore() {
        return settingsStore;
    }

    public Path dataDir() {
        return settingsStore.dataDir();
    }

    public Mode mode() {
        return settings.get().mode();
    }

    public Messages messages() {
        return messages.get();
    }

    /** The texts in the chosen language; a change rebuilds the screen shown. */
    public ReadOnlyObjectProperty<Messages> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    /** Grows by one, on the UI thread, after every sync that changed the cached catalog: screens reload then. */
    public ReadOnlyLongProperty catalogRevisionProperty() {
        return link.catalogRevisionProperty();
    }

    public Tasks tasks() {
        return tasks;
    }

    public UiThread ui() {
        return ui;
    }

    public Navigator navigator() {
        return navigator;
    }

    /** The terminal's current sale: the one owner of its showtime, hold, order and payment. */
    public SaleSession sale() {
        return sale;
    }

    /** Who is signed in at this counter terminal: one for the application's life, made on first use (UI thread). */
    public CounterSession counterSession() {
        if (counterSession == null) {
            counterSession =
                    new CounterSession(this::client, tasks, navigator, sale, mode() == Mode.ADMIN, clerkShift());
        }
        return counterSession;
    }

    /** The signed-in clerk's cash shift at this terminal: one for the application's life, made on first use. */
    public ClerkShift clerkShift() {
        if (clerkShift == null) {
            clerkShift = new ClerkShift(() -> new MarqueeCashClient(client()), tasks);
        }
        return clerkShift;
    }

    public Connectivity connectivity() {
        return connectivity;
    }

    /** Stops the sync and the polls, then the background work, then closes the cache. */
    @Override
    public void close() {
        link.close();
        connectivity.close();
        scheduler.shutdownNow();
        tasks.close();
        try {
            if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("event=close_slow reason=background work still running");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        cache.close();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "marquee-background-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
