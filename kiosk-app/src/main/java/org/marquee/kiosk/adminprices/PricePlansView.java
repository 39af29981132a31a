package org.marquee.kiosk.adminprices;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.FormErrors;
import org.marquee.kiosk.core.FormNumbers;
import org.marquee.kiosk.i18n.Messages;
import org.marquee.model.PricePlan;
import org.marquee.model.SeatType;
import org.marquee.model.TicketType;

/** The price plans beside the form that adds or changes one. Only binds to {@link PricePlansViewModel}. */
public final class PricePlansView extends StackPane {

    public PricePlansView(PricePlansViewModel model, Messages messages) {
        ListView<PricePlan> list = AdminStyles.list(
                "prices-list",
                model.plans(),
                PricePlan::name,
                plan -> plan.currency() + " · " + messages.get("tickets.type." + TicketType.ADULT) + " "
                        + (plan.ticketPrices().get(TicketType.ADULT) == null
                                ? "—"
                                : FormNumbers.major(plan.ticketPrices().get(TicketType.ADULT), plan.currency())),
                model::edit);

        FormErrors errors = model.errors();
        GridPane grid = AdminStyles.grid();
        AdminStyles.field(
                grid,
                "price-name",
                messages.get("admin.prices.name"),
                AdminStyles.text(model.nameProperty(), ""),
                errors.at("name"));
        AdminStyles.field(
                grid,
                "price-currency",
                messages.get("admin.prices.currency"),
                AdminStyles.text(model.currencyProperty(), "EUR"),
                errors.at("currency"));
        Label ticketsHeading = heading(messages.get("admin.prices.tickets"));
        grid.add(ticketsHeading, 0, grid.getRowCount(), 2, 1);
        grid.add(AdminStyles.error("price-tickets-error", errors.at("ticketPrices")), 0, grid.getRowCount(), 2, 1);
        for (TicketType type : TicketType.values()) {
            AdminStyles.field(
                    grid,
                    "price-ticket-" + type.name().toLowerCase(java.util.Locale.ROOT),
                    messages.get("tickets.type." + type),
                    AdminStyles.text(model.priceProperty(type), "0.00"),
                    errors.at("ticketPrices." + type));
        }
        grid.add(heading(messages.get("admin.prices.surcharges")), 0, grid.getRowCount(), 2, 1);
        grid.add(AdminStyles.error("price-surcharges-error", errors.at("seatSurcharges")), 0, grid.getRowCount(), 2, 1);
        for (SeatType type : PricePlansViewModel.SURCHARGED) {
            AdminStyles.field(
                    grid,
                    "price-surcharge-" + type.name().toLowerCase(java.util.Locale.ROOT),
                    messages.get("admin.prices.seat." + type),
                    AdminStyles.text(model.surchargeProperty(type), messages.get("admin.prices.none")),
                    errors.at("seatSurcharges." + type));
        }

        Label formTitle = new Label();
        formTitle.getStyleClass().add("card-title");
        formTitle
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.editingProperty().get() == null
                                ? messages.get("admin.prices.new")
                                : messages.get(
                                        "admin.editing",
                                        model.editingProperty().get().name()),
                        model.editingProperty()));
        Button save = AdminStyles.primary("price-save", messages.get("admin.save"), model::save);
        save.setDefaultButton(true);
        save.disableProperty().bind(model.workingProperty());
        Button add = AdminStyles.button("price-new", messages.get("admin.prices.add"), () -> {
            list.getSelectionModel().clearSelection();
            model.newPlan();
        });
        var card = AdminStyles.card(
                "price-form",
                formTitle,
                grid,
                AdminStyles.error("price-form-error", errors.form()),
                AdminStyles.notice("price-notice", model.noticeProperty()),
                AdminStyles.actions(save, add));

        getChildren()
                .add(AdminStyles.page(
                        messages.get("admin.prices.title"),
                        messages.get("admin.prices.hint"),
                        AdminStyles.listAndForm(list, card)));
        model.load();
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("admin-subheading");
        return label;
    }
}
