package org.marquee.kiosk.core;

/**
 * Where view-model state changes: the FX application thread in the app ({@code Platform::runLater}), the calling
 * thread in plain unit tests, which run without the FX toolkit.
 */
@FunctionalInterface
public interface UiThread {

    void run(Runnable change);

    /** Runs changes on the calling thread: for tests without the FX toolkit. */
    UiThread DIRECT = Runnable::run;
}
