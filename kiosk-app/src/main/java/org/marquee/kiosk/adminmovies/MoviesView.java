package org.marquee.kiosk.adminmovies;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.MovieInfo;

/** The movies beside the form that adds or changes one. Only binds to {@link MoviesViewModel}. */
public final class MoviesView extends StackPane {

    public MoviesView(MoviesViewModel model, Messages messages) {
        ListView<MovieInfo> list = AdminStyles.list(
                "movies-list",
                model.movies(),
                MovieInfo::title,
                movie -> messages.get(
                        "admin.movies.detail",
                        movie.runtimeMinutes(),
                        movie.rating(),
                        String.join(", ", movie.genres())),
                model::edit);

        FormErrors errors = model.errors();
        GridPane grid = AdminStyles.grid();
        AdminStyles.field(
                grid,
                "movie-title",
                messages.get("admin.movies.movieTitle"),
                AdminStyles.text(model.titleProperty(), ""),
                errors.at("title"));
        AdminStyles.field(
                grid,
                "movie-runtime",
                messages.get("admin.movies.runtimeMinutes"),
                AdminStyles.text(model.runtimeMinutesProperty(), "120"),
                errors.at("runtimeMinutes"));
        AdminStyles.field(
                grid,
                "movie-rating",
                messages.get("admin.movies.rating"),
                AdminStyles.text(model.ratingProperty(), "PG-13"),
                errors.at("rating"));
        AdminStyles.field(
                grid,
                "movie-genres",
                messages.get("admin.movies.genres"),
                AdminStyles.text(model.genresProperty(), messages.get("admin.movies.genres.prompt")),
                errors.at("genres"));
        TextArea synopsis = new TextArea();
        synopsis.setWrapText(true);
        synopsis.setPrefRowCount(4);
        synopsis.textProperty().bindBidirectional(model.synopsisProperty());
        AdminStyles.field(
                grid, "movie-synopsis", messages.get("admin.movies.synopsis"), synopsis, errors.at("synopsis"));
        AdminStyles.field(
                grid,
                "movie-poster",
                messages.get("admin.movies.posterUrl"),
                AdminStyles.text(model.posterUrlProperty(), "https://…"),
                errors.at("posterUrl"));

        Label formTitle = new Label();
        formTitle.getStyleClass().add("card-title");
        formTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.editingProperty().get() == null
                                ? messages.get("admin.movies.new")
                                : messages.get(
                                        "admin.editing",
                                        model.editingProperty().get().title()),
                        model.editingProperty()));
        Button save = AdminStyles.primary("movie-save", messages.get("admin.save"), model::save);
        save.disableProperty().bind(model.workingProperty());
        Button add = AdminStyles.button("movie-new", messages.get("admin.movies.add"), () -> {
            list.getSelectionModel().clearSelection();
            model.newMovie();
        });
        var card = AdminStyles.card(
                "movie-form",
                formTitle,
                grid,
                AdminStyles.error("movie-form-error", errors.form()),
                AdminStyles.notice("movie-notice", model.noticeProperty()),
                AdminStyles.actions(save, add));

        getChildren()
                .add(AdminStyles.page(
                        messages.get("admin.movies.title"),
                        messages.get("admin.movies.hint"),
                        AdminStyles.listAndForm(list, card)));
        model.load();
    }
}
