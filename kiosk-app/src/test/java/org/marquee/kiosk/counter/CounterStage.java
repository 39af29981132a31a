package org.marquee.kiosk.counter;

import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

/** Shows one counter view alone in a window styled as the counter's main window is (base and counter styles). */
final class CounterStage {

    private CounterStage() {}

    static Scene show(Stage stage, Parent view) {
        BorderPane root = new BorderPane(view);
        root.getStyleClass().addAll("main-window", "mode-counter");
        for (String sheet : new String[] {"base.css", "counter.css"}) {
            var url = CounterStage.class.getResource("/org/marquee/kiosk/css/" + sheet);
            if (url != null) {
                root.getStylesheets().add(url.toExternalForm());
            }
        }
        Scene scene = new Scene(root, 1280, 800);
        stage.setScene(scene);
        stage.show();
        return scene;
    }
}
