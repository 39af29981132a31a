package org.marquee.kiosk.seatmap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import org.marquee.kiosk.seatdrawing.SeatMapCanvas;
import org.marquee.model.SeatDefinition;
import org.marquee.model.SeatLayout;
import org.marquee.model.SeatMap;
import org.marquee.model.SeatStatus;
import org.marquee.model.SeatView;

/**
 * How long the seat-map canvas takes for a 2,000-seat hall (40 rows of 50 seats, two aisles), headless with the
 * software renderer: the first full draw, and redrawing one seat after a tap. Each figure is the median of 20 runs;
 * "draw" is our code on the FX thread issuing canvas commands, "rendered" adds rasterising the scene (a snapshot).
 * It asserts nothing. From the repository's root:
 *
 * <pre>
 * ./mvnw -q -B -pl kiosk-app test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath \
 *     -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp kiosk-app/target/test-classes:kiosk-app/target/classes:$(cat kiosk-app/target/test.classpath) \
 *     org.marquee.kiosk.seatmap.SeatMapRenderBench
 * </pre>
 */
public final class SeatMapRenderBench {

    private static final int RUNS = 20;
    private static final int WARMUP = 10;

    private SeatMapRenderBench() {}

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", System.getProperty("glass.platform", "Monocle"));
        System.setProperty("monocle.platform", System.getProperty("monocle.platform", "Headless"));
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);

        SeatMap hall = hall();
        System.out.printf(
                "Seat map: %d seats, %d rows, canvas 1280 x 800, software renderer%n",
                hall.seats().size(), 40);
        for (int i = 0; i < WARMUP; i++) {
            firstRender(hall);
            oneSeatUpdate(hall, i);
        }
        long[][] first = new long[RUNS][];
        long[][] update = new long[RUNS][];
        for (int i = 0; i < RUNS; i++) {
            first[i] = firstRender(hall);
            update[i] = oneSeatUpdate(hall, i);
        }
        report("first render", first);
        report("one-seat update", update);
        Platform.exit();
    }

    /** 40 rows of 50 seats in blocks of 10 | 30 | 10; a third of the seats taken, some blocked. */
    static SeatMap hall() {
        List<String> rows = new ArrayList<>();
        for (int r = 0; r < 40; r++) {
            String label = r < 26 ? String.valueOf((char) ('A' + r)) : "A" + (char) ('A' + r - 26);
            String cells = (r == 0 ? "WWCCSSSSSS" : r == 7 ? "SSSSXSSSSS" : "SSSSSSSSSS") + "."
                    + (r == 20 ? "P".repeat(30) : "S".repeat(30)) + "." + "SSSSSSSSSS";
            rows.add(label + ":" + cells);
        }
        SeatLayout layout = SeatLayout.parse(rows);
        List<SeatView> seats = new ArrayList<>();
        for (SeatDefinition seat : layout.seats()) {
            int hash = Math.floorMod(seat.id().hashCode(), 9);
            SeatStatus status = seat.blocked()
                    ? SeatStatus.BLOCKED
                    : hash == 0 ? SeatStatus.SOLD : hash == 1 ? SeatStatus.HELD : SeatStatus.AVAILABLE;
            seats.add(new SeatView(seat.id(), seat.row(), seat.number(), seat.x(), seat.y(), seat.type(), status));
        }
        return new SeatMap(1, 1, seats);
    }

    /** {draw ns, rendered ns} of a new canvas showing the hall for the first time. */
    private static long[] firstRender(SeatMap hall) {
        return fx(() -> {
            SeatMapCanvas canvas = new SeatMapCanvas();
            Scene scene = new Scene(new StackPane(canvas), 1280, 800);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            long start = System.nanoTime();
            canvas.setSeats(hall);
            scene.getRoot().layout();
            long drawn = System.nanoTime();
            scene.snapshot(null);
            long rendered = System.nanoTime();
            if (canvas.fullDraws() < 1) {
                throw new IllegalStateException("nothing was drawn");
            }
            return new long[] {drawn - start, rendered - start};
        });
    }

    /** {draw ns, rendered ns} of one tap's change on a canvas that already shows the hall. */
    private static long[] oneSeatUpdate(SeatMap hall, int run) {
        return fx(() -> {
            SeatMapCanvas canvas = new SeatMapCanvas();
            Scene scene = new Scene(new StackPane(canvas), 1280, 800);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            canvas.setSeats(hall);
            scene.getRoot().layout();
            scene.snapshot(null);
            String seat = hall.seats().get(500 + run).id();
            int before = canvas.seatDraws();
            long start = System.nanoTime();
            canvas.setMine(Set.of(seat));
            long drawn = System.nanoTime();
            scene.snapshot(null);
            long rendered = System.nanoTime();
            if (canvas.seatDraws() - before > 1) {
                throw new IllegalStateException("a one-seat change redrew " + (canvas.seatDraws() - before));
            }
            return new long[] {drawn - start, rendered - start};
        });
    }

    private static void report(String what, long[][] runs) {
        System.out.printf(
                "%-16s draw %8.3f ms   rendered %8.3f ms   (median of %d)%n",
                what, median(runs, 0), median(runs, 1), runs.length);
    }

    private static double median(long[][] runs, int column) {
        long[] values = Arrays.stream(runs).mapToLong(r -> r[column]).sorted().toArray();
        int mid = values.length / 2;
        double ns = values.length % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2.0;
        return ns / 1_000_000.0;
    }

    private static <T> T fx(Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
