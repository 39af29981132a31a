package org.marquee.kiosk.schedule;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import org.marquee.kiosk.i18n.Messages;

/**
 * Seven day columns under their dates, hours down the left, and a block per showtime placed at its start and as tall
 * as its film plus cleaning. The hours shown stretch to the earliest start and the latest end of the week (at least
 * 10:00 to midnight); a block that runs past midnight stays in the column of the day it starts.
 */
final class WeekGrid extends Region {

    private static final PseudoClass CLASH = PseudoClass.getPseudoClass("clash");
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final double HEADER = 44;
    private static final double HOURS = 52;

    private final Messages messages;
    private final List<Label> dayHeaders = new ArrayList<>();
    private final List<Label> hourLabels = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<StackPane> blockNodes = new ArrayList<>();
    private List<WeekBlock> blocks = List.of();
    private LocalDate monday;
    private WeekBlock selected;
    private Consumer<WeekBlock> onBlock = block -> {};
    private int firstHour = 10;
    private int lastHour = 24;

    WeekGrid(Messages messages) {
        this.messages = messages;
        setId("schedule-week-grid");
        getStyleClass().add("week-grid");
        setMinSize(300, 300);
    }

    void setOnBlock(Consumer<WeekBlock> handler) {
        onBlock = handler;
    }

    void show(LocalDate weekStart, List<WeekBlock> next, WeekBlock chosen) {
        monday = weekStart;
        blocks = next;
        selected = chosen;
        firstHour = 10;
        lastHour = 24;
        for (WeekBlock block : blocks) {
            firstHour = Math.min(firstHour, block.startMinute() / 60);
            lastHour = Math.max(lastHour, (block.startMinute() + block.minutes() + 59) / 60);
        }
        lastHour = Math.min(lastHour, 30);
        rebuild();
    }

    private void rebuild() {
        // a block chosen with the keyboard keeps the focus when the blocks are made again
        Object focused = getScene() == null || getScene().getFocusOwner() == null
                ? null
                : getScene().getFocusOwner().getUserData();
        Long focusedId = focused instanceof WeekBlock block
                        && getChildren().contains(getScene().getFocusOwner())
                ? block.showtimeId()
                : null;
        getChildren().clear();
        dayHeaders.clear();
        hourLabels.clear();
        lines.clear();
        blockNodes.clear();
        if (monday == null) {
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMM", messages.locale());
        for (int d = 0; d < 7; d++) {
            LocalDate day = monday.plusDays(d);
            Label header = new Label(
                    day.getDayOfWeek().getDisplayName(TextStyle.SHORT, messages.locale()) + "\n" + day.format(date));
            header.getStyleClass().add("day-header");
            header.setId("day-" + d);
            dayHeaders.add(header);
        }
        for (int h = firstHour; h <= lastHour; h++) {
            Label hour = new Label(String.format("%02d:00", h % 24));
            hour.getStyleClass().add("hour-label");
            hourLabels.add(hour);
            Line line = new Line();
            line.setStroke(Color.web("#e3e0da"));
            lines.add(line);
        }
        getChildren().addAll(lines);
        getChildren().addAll(dayHeaders);
        getChildren().addAll(hourLabels);
        for (WeekBlock block : blocks) {
            StackPane node = blockNode(block);
            blockNodes.add(node);
            getChildren().add(node);
            if (focusedId != null && focusedId.equals(block.showtimeId())) {
                node.requestFocus();
            }
        }
        requestLayout();
    }

    private StackPane blockNode(WeekBlock block) {
        String end = block.start().plusMinutes(block.runtimeMinutes()).toString();
        Label text = new Label(block.title() + "\n" + block.start() + "–" + end + " · " + block.format()
                + (block.proposed()
                        ? ""
                        : "\n" + messages.get("schedule.block.seats", block.seatsSold(), block.seatsHeld())));
        text.setWrapText(true);
        StackPane node = new StackPane(text);
        node.setAlignment(javafx.geometry.Pos.TOP_LEFT);
        node.getStyleClass().add("block");
        if (block.proposed()) {
            node.getStyleClass().add("proposed");
        } else {
            node.setId("block-" + block.showtimeId());
        }
        if (block.cancelled()) {
            node.getStyleClass().add("cancelled");
        }
        node.pseudoClassStateChanged(CLASH, block.clash());
        node.pseudoClassStateChanged(
                SELECTED,
                selected != null && !block.proposed() && block.showtimeId().equals(selected.showtimeId()));
        node.setUserData(block);
        node.setOnMouseClicked(event -> onBlock.accept(block));
        if (!block.proposed()) {
            // keyboard: Tab reaches each showtime, Enter or space chooses it
            node.setFocusTraversable(true);
            node.setOnKeyPressed(event -> {
                if (event.getCode() == javafx.scene.input.KeyCode.ENTER
                        || event.getCode() == javafx.scene.input.KeyCode.SPACE) {
                    onBlock.accept(block);
                    event.consume();
                }
            });
        }
        return node;
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth();
        double height = getHeight();
        double column = (width - HOURS) / 7;
        double perMinute = (height - HEADER) / Math.max(60, (lastHour - firstHour) * 60.0);
        for (int d = 0; d < dayHeaders.size(); d++) {
            dayHeaders.get(d).resizeRelocate(HOURS + d * column, 0, column, HEADER);
        }
        for (int i = 0; i < hourLabels.size(); i++) {
            double y = HEADER + i * 60 * perMinute;
            hourLabels.get(i).resizeRelocate(4, y - 8, HOURS - 6, 16);
            Line line = lines.get(i);
            line.setStartX(HOURS);
            line.setEndX(width);
            line.setStartY(y);
            line.setEndY(y);
        }
        for (StackPane node : blockNodes) {
            WeekBlock block = (WeekBlock) node.getUserData();
            int day = (int) java.time.temporal.ChronoUnit.DAYS.between(monday, block.day());
            double y = HEADER + (block.startMinute() - firstHour * 60) * perMinute;
            double h = Math.max(18, block.minutes() * perMinute);
            double inset = block.proposed() ? column * 0.18 : 2;
            node.resizeRelocate(HOURS + day * column + inset, y, column - inset - 2, h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return 900;
    }

    @Override
    protected double computePrefHeight(double width) {
        return 640;
    }

    /** The block nodes now shown, for tests. */
    List<StackPane> blockNodes() {
        return List.copyOf(blockNodes);
    }
}
