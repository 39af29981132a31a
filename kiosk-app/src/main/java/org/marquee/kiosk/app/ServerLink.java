package org.marquee.kiosk.app;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.marquee.kiosk.cache.CatalogCache;
import org.marquee.kiosk.cache.CatalogSync;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.settings.Settings;
import org.marquee.kiosk.settings.TerminalIdentity;
import org.marquee.kiosk.settings.TerminalIdentityStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The terminal's link to its server: the client for the saved address and token, the catalog sync that fills the
 * cache, the catalog's revision (grows after a sync that changed something) and what the server says the terminal
 * is. {@link #connect} replaces all of it when the terminal is set up again.
 */
final class ServerLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ServerLink.class);

    private final UiThread ui;
    private final Tasks tasks;
    private final CatalogCache cache;
    private final ScheduledExecutorService scheduler;
    private final TerminalIdentityStore identityStore;
    private final ReadOnlyObjectWrapper<TerminalIdentity> identity;
    private final ReadOnlyLongWrapper catalogRevision = new ReadOnlyLongWrapper(0);
    private final Runnable synced;
    private final Consumer<ApiProblem> failed;
    private volatile MarqueeClient client;
    private volatile CatalogSync sync;

    /** @param synced told after every sync; @param failed told when a sync could not reach the server */
    ServerLink(
            UiThread ui,
            Tasks tasks,
            CatalogCache cache,
            ScheduledExecutorService scheduler,
            TerminalIdentityStore identityStore,
            Runnable synced,
            Consumer<ApiProblem> failed) {
        this.ui = ui;
        this.tasks = tasks;
        this.cache = cache;
        this.scheduler = scheduler;
        this.identityStore = identityStore;
        this.identity = new ReadOnlyObjectWrapper<>(identityStore.load().orElse(null));
        this.synced = synced;
        this.failed = failed;
    }

    /** Talks to {@code settings}' server from now on: a new client, a new sync, the terminal's identity asked again. */
    void connect(Settings settings) {
        CatalogSync previous = sync;
        if (previous != null) {
            previous.close();
        }
        MarqueeClient newClient = new MarqueeClient(settings.serverUrl(), settings.terminalToken());
        newClient.speak(settings.language()); // the tickets' PDF and e-mail in the terminal's language
        CatalogSync newSync = new CatalogSync(newClient, cache);
        newSync.onSynced(result -> {
            synced.run();
            if (result.changed()) {
                ui.run(() -> catalogRevision.set(catalogRevision.get() + 1));
            }
        });
        newSync.onFailure(failed);
        client = newClient;
        sync = newSync;
        newSync.start(scheduler);
        tasks.run(
                newClient::me,
                me -> {
                    TerminalIdentity learned = new TerminalIdentity(me.name(), me.theaterId(), me.cardTerminal());
                    identity.set(learned);
                    tasks.fireAndForget(() -> identityStore.save(learned));
                },
                problem -> log.info("event=terminal_identity_unknown reason={}", problem.getMessage()));
    }

    /** Asks for a sync now (the server is back, say); nothing before the terminal is set up. */
    void syncNow() {
        CatalogSync running = sync;
        if (running != null) {
            running.requestSync();
        }
    }

    boolean isConnected() {
        return client != null;
    }

    /** @throws IllegalStateException before the terminal has been set up */
    MarqueeClient client() {
        MarqueeClient current = client;
        if (current == null) {
            throw new IllegalStateException("This terminal is not set up yet: it has no server address");
        }
        return current;
    }

    ReadOnlyObjectProperty<TerminalIdentity> identityProperty() {
        return identity.getReadOnlyProperty();
    }

    ReadOnlyLongProperty catalogRevisionProperty() {
        return catalogRevision.getReadOnlyProperty();
    }

    /** Stops the sync; the scheduler and the cache belong to the caller. */
    @Override
    public void close() {
        CatalogSync running = sync;
        if (running != null) {
            running.close();
        }
    }
}
