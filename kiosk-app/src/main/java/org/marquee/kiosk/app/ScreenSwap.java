package org.marquee.kiosk.app;

import java.util.List;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;

/**
 * Puts a screen's view in the middle of the window, as a keyboard user needs it: the Alt+letter keys (mnemonics) of
 * the view it replaces are dropped, so that the new view's own letters work (the sign-in's Alt+U would otherwise
 * shadow the lookup's Alt+U, and JavaFX only moves the focus between two nodes with the same letter), and the focus
 * goes into the new view. A view that puts the focus somewhere itself (the lookup's code field, the payment's cash
 * field) keeps it; otherwise its first focusable control gets it, never the header's toggles.
 */
final class ScreenSwap {

    private ScreenSwap() {}

    /** Shows {@code view} in the centre of {@code root}. */
    static void show(BorderPane root, Parent view) {
        root.setCenter(view);
        Scene scene = root.getScene();
        if (scene != null) {
            dropStaleMnemonics(scene);
        }
        // after the view's own focus requests, which run once it is in the scene
        Platform.runLater(() -> focusInto(view));
    }

    /** Forgets the mnemonics of nodes no longer in {@code scene}. */
    static void dropStaleMnemonics(Scene scene) {
        scene.getMnemonics()
                .values()
                .forEach(list -> list.removeIf(mnemonic ->
                        mnemonic.getNode() == null || mnemonic.getNode().getScene() != scene));
        scene.getMnemonics().values().removeIf(List::isEmpty);
    }

    private static void focusInto(Parent view) {
        Scene scene = view.getScene();
        if (scene == null) {
            return; // already replaced
        }
        Node owner = scene.getFocusOwner();
        if (owner != null && isInside(owner, view)) {
            return;
        }
        Node first = firstFocusable(view);
        if (first != null) {
            first.requestFocus();
        }
    }

    private static Node firstFocusable(Node node) {
        if (!node.isVisible() || node.isDisabled()) {
            return null;
        }
        if (node.isFocusTraversable()) {
            return node;
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Node found = firstFocusable(child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static boolean isInside(Node node, Parent view) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == view) {
                return true;
            }
        }
        return false;
    }
}
