package org.marquee.kiosk.app;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ToggleButton;
import javafx.stage.Window;
import org.marquee.kiosk.seatmap.SeatMapView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A start that drives itself, for the installers (decision 0014): with {@code -Dmarquee.kiosk.training=seat-map} the
 * application starts as usual, opens the first showtime the showtimes screen offers (the next day's when every
 * showtime of the day shown has begun, as late in the evening), waits until its seat map is drawn and exits; with
 * {@code =showtimes} it exits at the first frame that shows a showtime, open or not. It then prints {@code
 * showtimes_shown_ms=N} (from the process's start to that frame) on standard output. The package build runs the
 * first under {@code -XX:AOTCacheOutput}, so the AOT cache holds what a real start loads and links; the second is the
 * cold-start measurement of docs/BENCHMARKS.md. Without the property nothing here runs. The terminal must be
 * configured (server and token), as on a real start: otherwise the setup screen shows and the run times out.
 */
public final class TrainingRun {

    public static final String PROPERTY = "marquee.kiosk.training";

    /** Exit status when the screens did not show within {@link #LIMIT}. */
    public static final int TIMED_OUT = 3;

    static final Duration LIMIT = Duration.ofSeconds(240); // generous: a training run on a busy build machine

    /** How long a day's showtimes are looked at for one that is open before the next day is chosen. */
    static final Duration DAY_SETTLES = Duration.ofSeconds(2);

    private static final Logger log = LoggerFactory.getLogger(TrainingRun.class);

    /** Where the run stops. */
    enum Goal {
        SHOWTIMES,
        SEAT_MAP
    }

    private final Goal goal;
    private final Instant processStart;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile boolean showtimeOpened;

    private TrainingRun(Goal goal) {
        this.goal = goal;
        this.processStart = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
    }

    /** Starts the driver when the property asks for it; call before the JavaFX application launches. */
    public static void startIfRequested() {
        goal(System.getProperty(PROPERTY)).ifPresent(goal -> new TrainingRun(goal).start());
    }

    static Optional<Goal> goal(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "showtimes" -> Optional.of(Goal.SHOWTIMES);
            case "seat-map", "true" -> Optional.of(Goal.SEAT_MAP);
            default ->
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + ": expected showtimes or seat-map");
        };
    }

    private void start() {
        Thread driver = Thread.ofPlatform().daemon().name("training-run").unstarted(this::drive);
        driver.start();
    }

    private void drive() {
        // the toolkit starts a moment after launch: retry until it takes the timer
        Instant deadline = Instant.now().plus(LIMIT);
        boolean installed = false;
        while (!installed && Instant.now().isBefore(deadline)) {
            try {
                Platform.runLater(() -> new Watcher().start());
                installed = true;
            } catch (IllegalStateException notYet) {
                sleep(10);
            }
        }
        while (!done.get() && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        if (!done.get()) {
            log.error("event=training_timed_out goal={} showtime_opened={}", goal, showtimeOpened);
            System.exit(TIMED_OUT);
        }
    }

    /** Looks at every frame: the first showtime shown, then (for a seat-map goal) one opened and its seat map drawn. */
    private final class Watcher extends AnimationTimer {
        private boolean showtimesShown;
        private long dayShownAt;

        @Override
        public void handle(long now) {
            if (!showtimesShown) {
                if (find(ButtonBase.class, TrainingRun::isShowtime).isEmpty()) {
                    return;
                }
                long ms = Duration.between(processStart, Instant.now()).toMillis();
                System.out.println("showtimes_shown_ms=" + ms);
                System.out.flush();
                log.info("event=training_showtimes_shown ms={}", ms);
                showtimesShown = true;
                dayShownAt = now;
                if (goal == Goal.SHOWTIMES) {
                    finish();
                }
                return;
            }
            if (!showtimeOpened) {
                Optional<ButtonBase> open = find(ButtonBase.class, n -> isShowtime(n) && !n.isDisabled());
                if (open.isPresent()) {
                    showtimeOpened = true;
                    open.get().fire();
                } else if (now - dayShownAt > DAY_SETTLES.toNanos()) {
                    // every showtime of this day has begun: tomorrow's, as a customer late in the evening would
                    nextDay().ifPresent(day -> {
                        log.info("event=training_next_day day={}", day.getUserData());
                        day.fire();
                    });
                    dayShownAt = now;
                }
                return;
            }
            if (find(SeatMapView.class, view -> view.canvas().cellSize() > 0).isPresent()) {
                log.info("event=training_seat_map_drawn");
                finish();
            }
        }

        private void finish() {
            stop();
            done.set(true);
            Platform.exit();
        }
    }

    private static boolean isShowtime(Node node) {
        return node.getId() != null && node.getId().startsWith("showtime-");
    }

    /** The day button after the selected one, if the showtimes screen has one. */
    private static Optional<ToggleButton> nextDay() {
        return find(ToggleButton.class, TrainingRun::isSelectedDay).flatMap(selected -> {
            List<Node> days = selected.getParent().getChildrenUnmodifiable();
            int next = days.indexOf(selected) + 1;
            return next < days.size() && days.get(next) instanceof ToggleButton day
                    ? Optional.of(day)
                    : Optional.empty();
        });
    }

    private static boolean isSelectedDay(ToggleButton button) {
        return button.isSelected() && button.getStyleClass().contains("day-button");
    }

    private static <T extends Node> Optional<T> find(Class<T> type, java.util.function.Predicate<T> test) {
        for (Window window : Window.getWindows()) {
            if (window.isShowing() && window.getScene() != null) {
                Optional<T> found = find(window.getScene().getRoot(), type, test);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static <T extends Node> Optional<T> find(Node node, Class<T> type, java.util.function.Predicate<T> test) {
        if (!node.isVisible()) {
            return Optional.empty();
        }
        if (type.isInstance(node) && test.test(type.cast(node))) {
            return Optional.of(type.cast(node));
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<T> found = find(child, type, test);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
