package org.marquee.kiosk.admintheaters;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.util.StringConverter;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.SingleSeatRule;
import org.marquee.model.TheaterSettings;

/** The theaters beside the form that adds or changes one. Only binds to {@link TheatersViewModel}. */
public final class TheatersView extends StackPane {

    public TheatersView(TheatersViewModel model, Messages messages) {
        ListView<TheaterSettings> list = AdminStyles.list(
                "theaters-list",
                model.theaters(),
                TheaterSettings::name,
                theater -> theater.address() + " · " + theater.timeZone(),
                model::edit);

        FormErrors errors = model.errors();
        GridPane grid = AdminStyles.grid();
        AdminStyles.field(
                grid,
                "theater-name",
                messages.get("admin.theaters.name"),
                AdminStyles.text(model.nameProperty(), ""),
                errors.at("name"));
        AdminStyles.field(
                grid,
                "theater-address",
                messages.get("admin.theaters.address"),
                AdminStyles.text(model.addressProperty(), ""),
                errors.at("address"));
        AdminStyles.field(
                grid,
                "theater-lat",
                messages.get("admin.theaters.lat"),
                AdminStyles.text(model.latProperty(), "40.4168"),
                errors.at("lat"));
        AdminStyles.field(
                grid,
                "theater-lon",
                messages.get("admin.theaters.lon"),
                AdminStyles.text(model.lonProperty(), "-3.7038"),
                errors.at("lon"));
        AdminStyles.field(
                grid,
                "theater-time-zone",
                messages.get("admin.theaters.timeZone"),
                AdminStyles.text(model.timeZoneProperty(), "Europe/Madrid"),
                errors.at("timeZone"));
        AdminStyles.field(
                grid,
                "theater-cleaning",
                messages.get("admin.theaters.cleaningMinutes"),
                AdminStyles.text(model.cleaningMinutesProperty(), "20"),
                errors.at("cleaningMinutes"));
        ChoiceBox<SingleSeatRule> rule = new ChoiceBox<>();
        rule.getItems().setAll(SingleSeatRule.values());
        rule.setConverter(new StringConverter<>() {
            @Override
            public String toString(SingleSeatRule value) {
                return value == null ? "" : messages.get("admin.theaters.singleSeatRule." + value);
            }

            @Override
            public SingleSeatRule fromString(String text) {
                return null;
            }
        });
        rule.valueProperty().bindBidirectional(model.singleSeatRuleProperty());
        AdminStyles.field(
                grid,
                "theater-single-seat-rule",
                messages.get("admin.theaters.singleSeatRule"),
                rule,
                errors.at("singleSeatRule"));
        AdminStyles.field(
                grid,
                "theater-accessible-release",
                messages.get("admin.theaters.accessibleReleaseMinutes"),
                AdminStyles.text(model.accessibleReleaseMinutesProperty(), "30"),
                errors.at("accessibleReleaseMinutes"));

        Label formTitle = new Label();
        formTitle.getStyleClass().add("card-title");
        formTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.editingProperty().get() == null
                                ? messages.get("admin.theaters.new")
                                : messages.get(
                                        "admin.editing",
                                        model.editingProperty().get().name()),
                        model.editingProperty()));
        Button save = AdminStyles.primary("theater-save", messages.get("admin.save"), model::save);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.workingProperty());
        Button add = AdminStyles.button("theater-new", messages.get("admin.theaters.add"), () -> {
            list.getSelectionModel().clearSelection();
            model.newTheater();
        });
        var card = AdminStyles.card(
                "theater-form",
                formTitle,
                grid,
                AdminStyles.error("theater-form-error", errors.form()),
                AdminStyles.notice("theater-notice", model.noticeProperty()),
                AdminStyles.actions(save, add));

        getChildren()
                .add(AdminStyles.page(
                        messages.get("admin.theaters.title"),
                        messages.get("admin.theaters.hint"),
                        AdminStyles.listAndForm(list, card)));
        model.load();
    }
}
