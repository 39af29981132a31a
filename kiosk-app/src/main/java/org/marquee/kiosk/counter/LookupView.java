package org.marquee.kiosk.counter;

import java.util.List;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.counter.LookupViewModel.Step;
import org.marquee.kiosk.counter.OrderSummary.TicketLine;
import org.marquee.kiosk.i18n.Messages;

/**
 * The counter's order lookup. Keyboard: Alt+B jumps to the booking code, Enter finds; Alt+R reprints, Alt+C cancels,
 * Alt+F refunds; in a confirmation Enter agrees and Escape backs out. Only binds to {@link LookupViewModel}.
 */
public final class LookupView extends BorderPane {

    public LookupView(LookupViewModel model, Messages messages) {
        getStyleClass().addAll("screen", "counter-lookup");
        getStylesheets().add(CounterStyles.STYLESHEET);
        BooleanBinding searching = model.stepProperty().isEqualTo(Step.SEARCH);

        setTop(searchBar(model, messages, searching));
        setCenter(orderDetails(model, messages));

        Label error = new Label();
        error.setId("lookup-error");
        error.getStyleClass().addAll("error", "counter-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        CounterStyles.showWhenText(error);
        Label info = new Label();
        info.setId("lookup-info");
        info.getStyleClass().add("counter-info");
        info.setWrapText(true);
        info.textProperty().bind(model.infoProperty());
        CounterStyles.showWhenText(info);

        VBox bottom = new VBox(
                10,
                info,
                error,
                cancelConfirmation(model, messages),
                managerApproval(model, messages),
                actions(model, messages, searching));
        bottom.getStyleClass().add("lookup-bottom");
        setBottom(bottom);
    }

    private static VBox searchBar(LookupViewModel model, Messages messages, BooleanBinding searching) {
        Label title = new Label(messages.get("lookup.title"));
        title.getStyleClass().add("counter-title");

        TextField code = new TextField();
        code.setId("lookup-code");
        code.getStyleClass().add("lookup-code");
        code.setPromptText(messages.get("lookup.code.prompt"));
        code.setPrefColumnCount(8);
        code.setTextFormatter(new TextFormatter<String>(CounterStyles.bookingCode(6)));
        code.textProperty().bindBidirectional(model.codeProperty());
        code.disableProperty().bind(searching.not());
        Label codeLabel = CounterStyles.fieldLabel(messages.get("lookup.code"), code);

        Button find = new Button(messages.get("lookup.find"));
        find.setId("lookup-find");
        find.getStyleClass().addAll("primary", "counter-primary");
        find.defaultButtonProperty().bind(searching);
        find.disableProperty().bind(model.canFindProperty().not());
        find.setOnAction(event -> model.find());

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.getStyleClass().add("counter-spinner");
        spinner.visibleProperty().bind(model.workingProperty());

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button newSale = new Button(messages.get("lookup.newSale"));
        newSale.setId("lookup-new-sale");
        newSale.disableProperty().bind(searching.not());
        newSale.setOnAction(event -> model.newSale());

        HBox row = new HBox(10, codeLabel, code, find, spinner, spacer, newSale);
        row.setAlignment(Pos.CENTER_LEFT);
        code.sceneProperty().addListener((obs, before, scene) -> {
            if (scene != null) {
                Platform.runLater(code::requestFocus);
            }
        });
        VBox top = new VBox(12, title, row);
        top.getStyleClass().add("lookup-top");
        return top;
    }

    private static VBox orderDetails(LookupViewModel model, Messages messages) {
        Label prompt = new Label();
        prompt.getStyleClass().add("counter-subtitle");
        prompt.textProperty().bind(model.promptProperty());
        CounterStyles.showWhenText(prompt);

        GridPane facts = new GridPane();
        facts.getStyleClass().add("order-facts");
        facts.setHgap(16);
        facts.setVgap(6);
        fact(facts, 0, messages.get("lookup.field.code"), model, OrderSummary::code, "lookup-order-code");
        fact(facts, 1, messages.get("lookup.field.status"), model, OrderSummary::status, "lookup-order-status");
        fact(facts, 2, messages.get("lookup.field.showtime"), model, OrderSummary::showtime, "lookup-order-showtime");
        fact(facts, 3, messages.get("lookup.field.total"), model, OrderSummary::total, "lookup-order-total");
        fact(facts, 4, messages.get("lookup.field.email"), model, OrderSummary::email, "lookup-order-email");

        TableView<TicketLine> tickets = new TableView<>();
        tickets.setId("lookup-tickets");
        tickets.getStyleClass().add("order-tickets");
        tickets.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tickets.getColumns().add(column(messages.get("lookup.column.seat"), TicketLine::seat));
        tickets.getColumns().add(column(messages.get("lookup.column.seatType"), TicketLine::seatType));
        tickets.getColumns().add(column(messages.get("lookup.column.ticketType"), TicketLine::ticketType));
        tickets.getColumns().add(column(messages.get("lookup.column.price"), TicketLine::price));
        // as tall as its rows (up to 10, then it scrolls): an order rarely has more than a few tickets
        tickets.setFixedCellSize(28);
        tickets.prefHeightProperty()
                .bind(Bindings.min(10, Bindings.max(2, Bindings.size(tickets.getItems())))
                        .multiply(28)
                        .add(30));
        tickets.minHeightProperty().bind(tickets.prefHeightProperty());

        Label paymentsTitle = new Label(messages.get("lookup.payments"));
        paymentsTitle.getStyleClass().add("counter-section");
        VBox payments = new VBox(4);
        payments.setId("lookup-payments");
        payments.getStyleClass().add("order-payments");

        model.summaryProperty().addListener((obs, before, summary) -> {
            tickets.getItems().setAll(summary == null ? List.of() : summary.tickets());
            payments.getChildren()
                    .setAll(
                            summary == null
                                    ? List.of()
                                    : summary.payments().stream()
                                            .map(Label::new)
                                            .toList());
        });

        VBox order = new VBox(12, facts, tickets, paymentsTitle, payments);
        order.getStyleClass().addAll("card", "order-card");
        order.visibleProperty().bind(model.summaryProperty().isNotNull());
        order.managedProperty().bind(order.visibleProperty());
        VBox center = new VBox(12, prompt, order);
        center.getStyleClass().add("lookup-center");
        return center;
    }

    private static void fact(
            GridPane grid,
            int row,
            String name,
            LookupViewModel model,
            Function<OrderSummary, String> value,
            String id) {
        Label key = new Label(name);
        key.getStyleClass().add("order-fact-name");
        Label shown = new Label();
        shown.setId(id);
        shown.getStyleClass().add("order-fact-value");
        shown.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.summaryProperty().get() == null
                                ? ""
                                : value.apply(model.summaryProperty().get()),
                        model.summaryProperty()));
        grid.addRow(row, key, shown);
    }

    private static TableColumn<TicketLine, String> column(String title, Function<TicketLine, String> value) {
        TableColumn<TicketLine, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    private static HBox actions(LookupViewModel model, Messages messages, BooleanBinding searching) {
        Button reprint = new Button(messages.get("lookup.reprint"));
        reprint.setId("lookup-reprint");
        reprint.disableProperty().bind(model.canReprintProperty().not());
        reprint.setOnAction(event -> model.reprint());
        Button cancel = new Button(messages.get("lookup.cancel"));
        cancel.setId("lookup-cancel");
        cancel.getStyleClass().add("counter-danger");
        cancel.disableProperty().bind(model.canCancelProperty().not());
        cancel.setOnAction(event -> model.requestCancel());
        Button refund = new Button(messages.get("lookup.refund"));
        refund.setId("lookup-refund");
        refund.getStyleClass().add("counter-danger");
        refund.disableProperty().bind(model.canRefundProperty().not());
        refund.setOnAction(event -> model.requestRefund());
        HBox actions = new HBox(10, reprint, cancel, refund);
        actions.getStyleClass().add("lookup-actions");
        actions.visibleProperty().bind(searching.and(model.summaryProperty().isNotNull()));
        actions.managedProperty().bind(actions.visibleProperty());
        return actions;
    }

    private static VBox cancelConfirmation(LookupViewModel model, Messages messages) {
        BooleanBinding asking = model.stepProperty().isEqualTo(Step.CONFIRM_CANCEL);
        Label question = new Label();
        question.setId("lookup-cancel-question");
        question.setWrapText(true);
        question.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> asking.get() ? model.cancelQuestion() : "", asking, model.orderProperty()));
        Button yes = new Button(messages.get("lookup.confirmCancel.yes"));
        yes.setId("lookup-cancel-yes");
        yes.getStyleClass().add("counter-danger");
        yes.defaultButtonProperty().bind(asking);
        yes.disableProperty().bind(model.workingProperty());
        yes.setOnAction(event -> model.confirmCancel());
        Button no = new Button(messages.get("lookup.confirmCancel.no"));
        no.setId("lookup-cancel-no");
        no.cancelButtonProperty().bind(asking);
        no.setOnAction(event -> model.back());
        VBox panel = new VBox(10, question, new HBox(10, yes, no));
        panel.getStyleClass().add("counter-confirm");
        panel.visibleProperty().bind(asking);
        panel.managedProperty().bind(asking);
        asking.addListener((obs, before, now) -> {
            if (now) {
                Platform.runLater(yes::requestFocus);
            }
        });
        return panel;
    }

    private static VBox managerApproval(LookupViewModel model, Messages messages) {
        BooleanBinding asking = model.stepProperty().isEqualTo(Step.MANAGER_APPROVAL);
        Label title = new Label();
        title.getStyleClass().add("counter-section");
        title.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> asking.get() ? model.refundQuestion() : "", asking, model.orderProperty()));
        Label hint = new Label(messages.get("lookup.manager.hint"));
        hint.setWrapText(true);

        TextField username = new TextField();
        username.setId("lookup-manager-username");
        username.textProperty().bindBidirectional(model.managerUsernameProperty());
        Label usernameLabel = CounterStyles.fieldLabel(messages.get("lookup.manager.username"), username);
        PasswordField pin = new PasswordField();
        pin.setId("lookup-manager-pin");
        pin.setTextFormatter(new TextFormatter<String>(CounterStyles.digitsOnly(8)));
        pin.textProperty().bindBidirectional(model.managerPinProperty());
        Label pinLabel = CounterStyles.fieldLabel(messages.get("lookup.manager.pin"), pin);
        username.setOnAction(event -> {
            if (pin.getText().isEmpty()) {
                pin.requestFocus();
                event.consume();
            } else {
                model.approveRefund();
            }
        });
        pin.setOnAction(event -> model.approveRefund());

        Button approve = new Button(messages.get("lookup.manager.approve"));
        approve.setId("lookup-manager-approve");
        approve.getStyleClass().add("counter-danger");
        approve.defaultButtonProperty().bind(asking);
        approve.disableProperty().bind(model.canApproveProperty().not());
        approve.setOnAction(event -> model.approveRefund());
        Button back = new Button(messages.get("lookup.manager.back"));
        back.setId("lookup-manager-back");
        back.cancelButtonProperty().bind(asking);
        back.disableProperty().bind(model.workingProperty());
        back.setOnAction(event -> model.back());

        GridPane fields = new GridPane();
        fields.setHgap(10);
        fields.setVgap(8);
        fields.addRow(0, usernameLabel, username);
        fields.addRow(1, pinLabel, pin);
        VBox panel = new VBox(10, title, hint, fields, new HBox(10, approve, back));
        panel.getStyleClass().add("counter-confirm");
        panel.visibleProperty().bind(asking);
        panel.managedProperty().bind(asking);
        asking.addListener((obs, before, now) -> {
            if (now) {
                Platform.runLater(username::requestFocus);
            }
        });
        // a refused approval empties the PIN: the manager types it again
        model.errorProperty().addListener((obs, before, now) -> {
            if (asking.get() && !now.isEmpty()) {
                pin.requestFocus();
            }
        });
        return panel;
    }
}
