package org.marquee.kiosk.app;

import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;

/**
 * The kiosk's accessible mode in the window (decision 0025): the header's "♿ Accessible" button, on every screen of a
 * kiosk, and what turning it on does to the whole window: the header with its buttons goes to the bottom, a band of
 * the window's top (a quarter of its height) holds only a sentence, so every control sits in the lower part of the
 * screen within a wheelchair user's reach, and the type grows ({@code .accessible-mode} in kiosk.css). The mode itself
 * is the sale session's ({@code SaleSession.accessibleProperty()}), which the seat map reads for its list of blocks.
 */
final class AccessibleLayout {

    /** Share of the window's height kept free of controls at the top in accessible mode. */
    static final double TOP_BAND = 1 / 4.0;

    private final AppContext ctx;
    private final BorderPane root;
    private final VBox top;
    private final HBox header;
    private final ToggleButton toggle = new ToggleButton();
    private final Label reach = new Label();
    private final VBox bottom = new VBox();

    private AccessibleLayout(AppContext ctx, BorderPane root, VBox top, HBox header) {
        this.ctx = ctx;
        this.root = root;
        this.top = top;
        this.header = header;
    }

    /** Adds the button to a kiosk's {@code header} and follows the mode; nothing on other terminals. */
    static void install(AppContext ctx, BorderPane root, VBox top, HBox header) {
        if (ctx.mode() != Mode.KIOSK) {
            return;
        }
        AccessibleLayout layout = new AccessibleLayout(ctx, root, top, header);
        layout.build();
    }

    private void build() {
        toggle.setId("accessible-mode");
        toggle.getStyleClass().add("accessible-toggle");
        toggle.setFocusTraversable(false); // like the other header buttons: a tap, never the keyboard's focus
        toggle.setAccessibleRole(AccessibleRole.TOGGLE_BUTTON);
        toggle.setOnAction(event -> ctx.sale().setAccessible(toggle.isSelected()));
        header.getChildren().add(toggle);

        reach.setId("accessible-reach");
        reach.getStyleClass().add("reach-band");
        reach.setWrapText(true);
        reach.setAlignment(Pos.BOTTOM_CENTER);
        reach.setMaxWidth(Double.MAX_VALUE);
        reach.minHeightProperty().bind(root.heightProperty().multiply(TOP_BAND));
        reach.prefHeightProperty().bind(reach.minHeightProperty());
        bottom.getStyleClass().add("accessible-bottom");

        texts(ctx.messages());
        ctx.messagesProperty().addListener((obs, was, now) -> texts(now));
        ctx.sale().accessibleProperty().addListener((obs, was, on) -> apply(on));
        apply(ctx.sale().accessibleProperty().get());
    }

    private void texts(Messages messages) {
        toggle.setText(messages.get("app.accessible"));
        toggle.setAccessibleText(messages.get("app.accessible"));
        reach.setText(messages.get("app.accessible.banner"));
    }

    private void apply(boolean on) {
        toggle.setSelected(on);
        root.getStyleClass().remove("accessible-mode");
        root.setBottom(null);
        bottom.getChildren().clear();
        top.getChildren().removeAll(header, reach);
        if (on) {
            root.getStyleClass().add("accessible-mode");
            top.getChildren().add(Math.min(1, top.getChildren().size()), reach);
            bottom.getChildren().add(header);
            root.setBottom(bottom);
        } else {
            top.getChildren().add(Math.min(1, top.getChildren().size()), header);
        }
    }
}
