package org.marquee.kiosk.adminmovies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.settings.Mode;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.kiosk.testing.ModeStage;
import org.marquee.model.MovieInfo;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A manager adds a movie with the keyboard and the mouse and sees it listed. */
@ExtendWith(ApplicationExtension.class)
class MoviesViewTest {

    private AdminFakes server;

    @Start
    void start(Stage stage) {
        server = AdminFakes.demo();
        Messages messages = new Messages(Locale.ENGLISH);
        MoviesView view =
                new MoviesView(new MoviesViewModel(server.cinema(), new Tasks(Platform::runLater), messages), messages);
        ModeStage.show(stage, view, Mode.ADMIN, false, 1280, 800);
    }

    @Test
    void aManagerAddsAMovie(FxRobot robot) {
        ListView<?> list = robot.lookup("#movies-list").queryAs(ListView.class);
        await().atMost(Duration.ofSeconds(10)).until(() -> list.getItems().size() == 2);
        robot.clickOn("#movie-new");
        robot.clickOn("#movie-title").write("Night Train");
        robot.clickOn("#movie-runtime").write("101");
        robot.clickOn("#movie-rating").write("PG");
        robot.clickOn("#movie-genres").write("Mystery, Drama");
        robot.clickOn("#movie-synopsis").write("A train that never stops.");
        robot.clickOn("#movie-save");

        await().atMost(Duration.ofSeconds(10)).until(() -> list.getItems().size() == 3);
        MovieInfo saved = server.cinema().movies().getLast();
        assertThat(saved.title()).isEqualTo("Night Train");
        assertThat(saved.runtimeMinutes()).isEqualTo(101);
        assertThat(saved.genres()).containsExactly("Mystery", "Drama");
        assertThat(robot.lookup("#movie-notice").queryAs(Label.class).getText()).isEqualTo("Saved: Night Train.");
    }
}
