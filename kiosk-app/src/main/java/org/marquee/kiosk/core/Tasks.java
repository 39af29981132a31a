package org.marquee.kiosk.core;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.marquee.kiosk.client.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs network and database work off the FX thread and hands results back on it. {@link #busyProperty()} is true while
 * any task runs, for the busy indicator: the app never freezes while the network is slow.
 */
public final class Tasks implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Tasks.class);

    private final UiThread ui;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private volatile Consumer<ApiProblem> problemListener = problem -> {};
    private int running;

    public Tasks(UiThread ui) {
        this.ui = ui;
    }

    public UiThread ui() {
        return ui;
    }

    /** Runs {@code work} in the background; then {@code done} or {@code failed} on the UI thread. */
    public <T> void run(Callable<T> work, Consumer<T> done, Consumer<ApiProblem> failed) {
        change(+1);
        boolean accepted = submit(() -> {
            try {
                T result = work.call();
                ui.run(() -> {
                    change(-1);
                    done.accept(result);
                });
            } catch (ApiProblem problem) {
                tellListener(problem);
                ui.run(() -> {
                    change(-1);
                    failed.accept(problem);
                });
            } catch (Exception e) {
                log.error("event=task_failed", e);
                ApiProblem problem = ApiProblem.unreachable("Something went wrong on this terminal. Please try again.");
                ui.run(() -> {
                    change(-1);
                    failed.accept(problem);
                });
            }
        });
        if (!accepted) {
            change(-1);
        }
    }

    /**
     * Hands {@code work} to a worker; false when it was dropped. Once the terminal is closing ({@link #close}), work
     * asked for by a change that was already queued on the UI thread (a reconnect refreshing the showtimes, say) is
     * dropped: nobody will see its answer, and it must not fail on the UI thread.
     */
    private boolean submit(Runnable work) {
        try {
            workers.submit(work);
            return true;
        } catch (RejectedExecutionException closing) {
            log.debug("event=task_dropped reason=closing");
            return false;
        }
    }

    /**
     * Hears of every problem a task ends with, before the task's own {@code failed} does (on the worker thread): the
     * application uses it to notice that the server cannot be reached.
     */
    public void onProblem(Consumer<ApiProblem> listener) {
        this.problemListener = listener == null ? problem -> {} : listener;
    }

    private void tellListener(ApiProblem problem) {
        try {
            problemListener.accept(problem);
        } catch (RuntimeException e) {
            log.warn("event=problem_listener_failed reason={}", e.getMessage()); // the task's own answer matters more
        }
    }

    /** Runs {@code work} in the background when nobody waits for its answer (releasing a hold on idle, say). */
    public void fireAndForget(Runnable work) {
        submit(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.warn("event=background_failed reason={}", e.getMessage());
            }
        });
    }

    private void change(int delta) {
        running += delta;
        busy.set(running > 0);
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
