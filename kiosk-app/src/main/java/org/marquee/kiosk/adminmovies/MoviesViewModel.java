package org.marquee.kiosk.adminmovies;

import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MovieAdmin;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.FormNumbers;
import org.marquee.kiosk.core.Tasks;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.MovieInfo;
import org.marquee.model.MovieRequest;

/**
 * The movies in the catalog and a form to add or change one: title, runtime, rating, genres (typed with commas),
 * synopsis and an optional poster address. A refusal from the server is shown at the field it names.
 */
public final class MoviesViewModel {

    static final List<String> FIELDS = List.of("title", "runtimeMinutes", "rating", "genres", "synopsis", "posterUrl");

    private final MovieAdmin admin;
    private final Tasks tasks;
    private final Messages messages;

    private final ObservableList<MovieInfo> movies = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<MovieInfo> editing = new ReadOnlyObjectWrapper<>();
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty runtimeMinutes = new SimpleStringProperty("");
    private final StringProperty rating = new SimpleStringProperty("");
    private final StringProperty genres = new SimpleStringProperty("");
    private final StringProperty synopsis = new SimpleStringProperty("");
    private final StringProperty posterUrl = new SimpleStringProperty("");
    private final FormErrors errors = new FormErrors(FIELDS);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper working = new ReadOnlyBooleanWrapper(false);

    public MoviesViewModel(MovieAdmin admin, Tasks tasks, Messages messages) {
        this.admin = admin;
        this.tasks = tasks;
        this.messages = messages;
    }

    public void load() {
        working.set(true);
        tasks.run(
                admin::movies,
                list -> {
                    movies.setAll(list);
                    working.set(false);
                },
                this::failed);
    }

    public void newMovie() {
        editing.set(null);
        List.of(title, runtimeMinutes, rating, genres, synopsis, posterUrl).forEach(field -> field.set(""));
        errors.clear();
        notice.set("");
    }

    public void edit(MovieInfo movie) {
        if (movie == null) {
            return;
        }
        editing.set(movie);
        title.set(movie.title());
        runtimeMinutes.set(Integer.toString(movie.runtimeMinutes()));
        rating.set(movie.rating());
        genres.set(String.join(", ", movie.genres()));
        synopsis.set(movie.synopsis() == null ? "" : movie.synopsis());
        posterUrl.set(movie.posterUrl() == null ? "" : movie.posterUrl());
        errors.clear();
        notice.set("");
    }

    public void save() {
        if (working.get()) {
            return;
        }
        errors.clear();
        notice.set("");
        Integer runtime = new FormNumbers(errors, messages).whole("runtimeMinutes", runtimeMinutes.get());
        if (errors.any()) {
            return;
        }
        List<String> genreList = Arrays.stream(
                        genres.get() == null ? new String[0] : genres.get().split(","))
                .map(String::strip)
                .filter(genre -> !genre.isEmpty())
                .toList();
        MovieRequest request = new MovieRequest(
                strip(title.get()),
                runtime,
                strip(rating.get()),
                genreList,
                strip(synopsis.get()),
                blankToNull(posterUrl.get()));
        MovieInfo before = editing.get();
        working.set(true);
        tasks.run(
                () -> before == null ? admin.createMovie(request) : admin.updateMovie(before.id(), request),
                saved -> {
                    int at = before == null ? -1 : movies.indexOf(before);
                    if (at >= 0) {
                        movies.set(at, saved);
                    } else {
                        movies.add(saved);
                    }
                    edit(saved);
                    notice.set(messages.get("admin.saved", saved.title()));
                    working.set(false);
                },
                this::failed);
    }

    private void failed(ApiProblem problem) {
        errors.show(problem, messages.get("admin.offline"));
        working.set(false);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    public ObservableList<MovieInfo> movies() {
        return FXCollections.unmodifiableObservableList(movies);
    }

    /** The movie the form changes; null while it adds a new one. */
    public ReadOnlyObjectProperty<MovieInfo> editingProperty() {
        return editing.getReadOnlyProperty();
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty runtimeMinutesProperty() {
        return runtimeMinutes;
    }

    public StringProperty ratingProperty() {
        return rating;
    }

    /** Genres as typed: "Drama, Comedy". */
    public StringProperty genresProperty() {
        return genres;
    }

    public StringProperty synopsisProperty() {
        return synopsis;
    }

    public StringProperty posterUrlProperty() {
        return posterUrl;
    }

    public FormErrors errors() {
        return errors;
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty workingProperty() {
        return working.getReadOnlyProperty();
    }
}
