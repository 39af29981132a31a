package org.marquee.kiosk.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.css.PseudoClass;
import javafx.scene.control.ListCell;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.marquee.kiosk.core.SaleSession;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.FakeBoxOffice;
import org.marquee.kiosk.testing.Snapshots;
import org.marquee.model.SeatType;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * High contrast on the kiosk's payment screen (issue 14, item 7): the chosen card in the simulated card terminal's
 * drop-down is readable, black on the yellow accent, with a contrast of at least 7:1 (WCAG AAA) computed from the
 * colours the list cell really has once the stylesheets are applied.
 */
@ExtendWith(ApplicationExtension.class)
class HighContrastCardChoiceTest {

    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");

    @TempDir
    Path tickets;

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @Test
    void theChosenCardIsBlackOnYellowNotWhite(FxRobot robot) {
        FakeBoxOffice.Terminal kiosk = CheckoutFixture.terminal();
        SaleSession sale =
                CheckoutFixture.saleWithOrder(kiosk, CheckoutFixture.imaxShowtime(kiosk, 7), SeatType.STANDARD);
        robot.interact(() -> {
            new CheckoutWindow(stage, kiosk, sale, Mode.KIOSK, tickets).open(Screen.PAYMENT);
            var url = HighContrastCardChoiceTest.class.getResource("/org/marquee/kiosk/css/high-contrast.css");
            stage.getScene().getRoot().getStylesheets().add(url.toExternalForm());
        });

        robot.clickOn(".card-choice .combo-box");
        Fx.waitUntil(() -> selectedCell(robot) != null);
        ListCell<?> cell = selectedCell(robot);
        robot.interact(() -> cell.applyCss());

        Color text = (Color) cell.getTextFill();
        Color background =
                (Color) ((Region) cell).getBackground().getFills().getLast().getFill();
        Snapshots.save(stage.getScene(), "payment-kiosk-high-contrast-card-choice");

        assertThat(text).as("the chosen card's text").isNotEqualTo(Color.WHITE);
        assertThat(contrast(text, background))
                .as("contrast of %s on %s", text, background)
                .isGreaterThanOrEqualTo(7.0);
        robot.type(javafx.scene.input.KeyCode.ESCAPE);
    }

    private ListCell<?> selectedCell(FxRobot robot) {
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(node -> node.getPseudoClassStates().contains(SELECTED) && node.isVisible())
                // the drop-down's own list, in its popup window: not the cell the closed combo box shows
                .filter(node -> node.getScene() != null
                        && node.getScene().getWindow() != null
                        && node.getScene() != stage.getScene())
                .filter(node -> node instanceof ListCell<?> listCell && !listCell.isEmpty())
                .map(node -> (ListCell<?>) node)
                .findFirst()
                .orElse(null);
    }

    /** WCAG 2 contrast ratio of two colours: (L1 + 0.05) / (L2 + 0.05), the lighter one on top. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color color) {
        return 0.2126 * linear(color.getRed()) + 0.7152 * linear(color.getGreen()) + 0.0722 * linear(color.getBlue());
    }

    private static double linear(double channel) {
        return channel <= 0.03928 ? channel / 12.92 : Math.pow((channel + 0.055) / 1.055, 2.4);
    }
}
