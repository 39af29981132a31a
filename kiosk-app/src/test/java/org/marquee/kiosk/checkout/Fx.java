package org.marquee.kiosk.checkout;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Small waits and reads for the checkout's TestFX tests. */
public final class Fx {

    private Fx() {}

    /** Waits up to 20 s until {@code condition} holds, read on the FX thread. */
    public static void waitUntil(Callable<Boolean> condition) {
        waitUntil(condition, () -> "");
    }

    /** As {@link #waitUntil(Callable)}; when it waited in vain, the failure says what {@code state} read then. */
    public static void waitUntil(Callable<Boolean> condition, Callable<String> state) {
        try {
            WaitForAsyncUtils.waitFor(
                    20,
                    TimeUnit.SECONDS,
                    () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (TimeoutException e) {
            String seen;
            try {
                seen = WaitForAsyncUtils.asyncFx(state).get();
            } catch (Exception unreadable) {
                seen = "(could not be read: " + unreadable + ")";
            }
            throw new AssertionError("Waited 20 s in vain" + (seen.isEmpty() ? "" : ": " + seen), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text of the labeled node {@code query} finds, or "" when there is none. */
    public static String text(FxRobot robot, String query) {
        return robot.lookup(query)
                .tryQueryAs(Labeled.class)
                .map(Labeled::getText)
                .orElse("");
    }

    /** True when {@code query} finds a node that is shown: visible with all its parents, in a scene. */
    public static boolean showing(FxRobot robot, String query) {
        return robot.lookup(query).tryQuery().map(Fx::shown).orElse(false);
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }
}
