package org.marquee.kiosk.app;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Region;

/**
 * The window's root: the banner and header on top, the screen in the centre, and over the screen a layer of notices
 * ("Still there?", "Working…") that float on top of it instead of taking room from it, so a notice appearing never
 * moves what is under a finger. A notice is as wide as it asks, never wider than the screen, at its place in the
 * screen's area.
 */
final class WindowRoot extends BorderPane {

    /** Space between a notice and the edge of the screen's area. */
    private static final double INSET = 12;

    private final Map<Node, Pos> overlays = new LinkedHashMap<>();

    /** Floats {@code node} over the screen at {@code position} (below the header, above every screen's view). */
    void addOverlay(Node node, Pos position) {
        node.managedProperty().unbind();
        node.setManaged(false);
        // an unmanaged node's changes do not reach its parent's layout: these do
        node.visibleProperty().addListener(obs -> requestLayout());
        if (node instanceof Labeled labeled) {
            labeled.textProperty().addListener(obs -> requestLayout());
        }
        node.setViewOrder(-1); // drawn over the centre, whichever child the centre is
        overlays.put(node, position);
        getChildren().add(node);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        Insets insets = getInsets();
        Node top = getTop();
        double areaTop =
                insets.getTop() + (top == null ? 0 : top.getLayoutBounds().getHeight());
        double areaLeft = insets.getLeft();
        double areaWidth = getWidth() - insets.getLeft() - insets.getRight();
        double areaHeight = getHeight() - areaTop - insets.getBottom();
        overlays.forEach((node, position) -> {
            if (!node.isVisible()) {
                return;
            }
            double room = Math.max(0, areaWidth - 2 * INSET);
            double width = Math.min(room, boundedWidth(node));
            double height = Math.min(areaHeight, node.prefHeight(width));
            node.resize(width, height);
            double x = areaLeft + INSET + offset(room - width, position.getHpos());
            double y = areaTop + INSET + offset(Math.max(0, areaHeight - 2 * INSET - height), position.getVpos());
            node.relocate(snapPositionX(x), snapPositionY(y));
        });
    }

    private static double boundedWidth(Node node) {
        double pref = node.prefWidth(-1);
        if (node instanceof Region region && region.getMaxWidth() > 0 && region.getMaxWidth() < pref) {
            return region.getMaxWidth();
        }
        return pref;
    }

    private static double offset(double free, HPos position) {
        return switch (position) {
            case LEFT -> 0;
            case CENTER -> free / 2;
            case RIGHT -> free;
        };
    }

    private static double offset(double free, VPos position) {
        return switch (position) {
            case TOP, BASELINE -> 0;
            case CENTER -> free / 2;
            case BOTTOM -> free;
        };
    }
}
