package org.marquee.kiosk.adminmovies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.core.UiThread;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.kiosk.testing.AdminFakes;
import org.marquee.model.MovieInfo;

/** The movies screen's logic without the FX toolkit, against the admin API's in-memory fake. */
class MoviesViewModelTest {

    AdminFakes server;
    Tasks tasks;
    MoviesViewModel model;

    @BeforeEach
    void setUp() {
        server = AdminFakes.demo();
        tasks = new Tasks(UiThread.DIRECT);
        model = new MoviesViewModel(server.cinema(), tasks, new Messages(Locale.ENGLISH));
        model.load();
        settle();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
    }

    private void settle() {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !model.workingProperty().get());
    }

    @Test
    void aMovieIsAddedWithItsGenresTypedWithCommas() {
        model.newMovie();
        model.titleProperty().set("  Night Train ");
        model.runtimeMinutesProperty().set("101");
        model.ratingProperty().set("PG");
        model.genresProperty().set("Mystery, , Drama ");
        model.synopsisProperty().set("A train that never stops.");
        model.save();
        settle();

        MovieInfo saved = server.cinema().movies().getLast();
        assertThat(saved.title()).isEqualTo("Night Train");
        assertThat(saved.genres()).containsExactly("Mystery", "Drama");
        assertThat(saved.posterUrl()).isNull();
        assertThat(model.movies()).extracting(MovieInfo::title).contains("Night Train");
        assertThat(model.genresProperty().get()).isEqualTo("Mystery, Drama");
    }

    @Test
    void aRuntimeOutOfRangeAndABadPosterAddressAreShownAtTheirFields() {
        List<Object> before = server.cinema().everything();
        model.edit(model.movies().getFirst());
        assertThat(model.runtimeMinutesProperty().get()).isEqualTo("128");
        model.runtimeMinutesProperty().set("0");
        model.save();
        settle();
        assertThat(model.errors().at("runtimeMinutes").get()).isEqualTo("'runtimeMinutes' must be between 1 and 600.");

        model.runtimeMinutesProperty().set("128");
        model.posterUrlProperty().set("poster.jpg");
        model.save();
        settle();
        assertThat(model.errors().at("runtimeMinutes").get()).isEmpty();
        assertThat(model.errors().at("posterUrl").get()).contains("http");
        assertThat(server.cinema().everything()).isEqualTo(before);

        model.runtimeMinutesProperty().set("two hours");
        model.save();
        assertThat(model.errors().at("runtimeMinutes").get()).isEqualTo("Type a whole number, such as 20.");
    }
}
