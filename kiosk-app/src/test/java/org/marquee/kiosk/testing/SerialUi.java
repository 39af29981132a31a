package org.marquee.kiosk.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.marquee.kiosk.core.UiThread;

/**
 * One thread that runs every view-model change and every user action, as the FX thread does in the app, for tests
 * without the FX toolkit. {@link UiThread#DIRECT} runs a task's answer on the worker that fetched it, so an answer can
 * land between a user action's check and its change; tests that act while an answer is in flight need this instead.
 */
public final class SerialUi implements UiThread, AutoCloseable {

    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread ui = new Thread(task, "test-ui");
        ui.setDaemon(true);
        return ui;
    });

    @Override
    public void run(Runnable change) {
        thread.execute(change);
    }

    /** Does what a person does on the screen, on the UI thread, and returns once it is done. */
    public void act(Runnable action) {
        read(() -> {
            action.run();
            return null;
        });
    }

    /** Reads view-model state on the UI thread. */
    public <T> T read(Callable<T> query) {
        Future<T> answer = thread.submit(query);
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the UI thread", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("failed on the UI thread", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the UI thread did not answer within 10 s", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
