package org.marquee.kiosk.admin;

import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.marquee.kiosk.core.AdminStyles;
import org.marquee.kiosk.core.Navigator;
import org.marquee.kiosk.core.Screen;
import org.marquee.kiosk.i18n.Messages;

/**
 * The admin terminal's frame: a sidebar with one entry per admin screen (mouse, Tab and Enter, the underlined letter
 * with Alt, or Ctrl+Page Up/Down for the previous and next screen), who is signed in and "Sign out" below them, and
 * the current screen beside it. Which screens there are is the shell's caller's choice ({@code app}); the shell knows
 * none of them. A view that must be closed is closed with the shell.
 */
public final class AdminShell extends BorderPane implements AutoCloseable {

    private final Parent content;

    /**
     * @param sections the admin screens in the order shown; {@code current} is one of them
     * @param who the name of the manager signed in
     */
    public AdminShell(
            List<Screen> sections,
            Screen current,
            Parent content,
            Navigator navigator,
            Messages messages,
            ObservableStringValue who,
            Runnable signOut) {
        this.content = content;
        getStyleClass().add("admin-shell");
        getStylesheets().add(AdminStyles.STYLESHEET);

        Label title = new Label(messages.get("admin.title"));
        title.getStyleClass().add("sidebar-title");
        VBox sidebar = new VBox(title);
        sidebar.setId("admin-sidebar");
        sidebar.getStyleClass().add("admin-sidebar");
        ToggleGroup group = new ToggleGroup();
        for (Screen section : sections) {
            ToggleButton entry = new ToggleButton(messages.get(navKey(section)));
            entry.setId("admin-nav-" + idOf(section));
            entry.setMnemonicParsing(true);
            entry.setToggleGroup(group);
            entry.setMaxWidth(Double.MAX_VALUE);
            entry.setSelected(section == current);
            // a selected entry stays selected: clicking it again does not leave the sidebar without one
            entry.setOnAction(event -> {
                entry.setSelected(true);
                if (section != current) {
                    navigator.go(section);
                }
            });
            sidebar.getChildren().add(entry);
        }
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        Label whoLabel = new Label();
        whoLabel.setId("admin-who");
        whoLabel.getStyleClass().add("sidebar-who");
        whoLabel.setWrapText(true);
        whoLabel.textProperty().bind(who);
        Button out = AdminStyles.button("admin-sign-out", messages.get("admin.signOut"), signOut);
        out.setMaxWidth(Double.MAX_VALUE);
        sidebar.getChildren().addAll(spacer, whoLabel, out);

        setLeft(sidebar);
        setCenter(content);
        addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (!event.isShortcutDown()) {
                return;
            }
            int at = sections.indexOf(current);
            int step = event.getCode() == KeyCode.PAGE_DOWN ? 1 : event.getCode() == KeyCode.PAGE_UP ? -1 : 0;
            if (step != 0 && at >= 0) {
                navigator.go(sections.get(Math.floorMod(at + step, sections.size())));
                event.consume();
            }
        });
    }

    /** {@code admin.nav.theaters} for ADMIN_THEATERS, and so on. */
    static String navKey(Screen section) {
        return "admin.nav." + idOf(section);
    }

    static String idOf(Screen section) {
        return section.name()
                .replaceFirst("^ADMIN_", "")
                .toLowerCase(Locale.ROOT)
                .replace('_', '-');
    }

    /** The screen's content, shown beside the sidebar. */
    public Parent content() {
        return content;
    }

    @Override
    public void close() throws Exception {
        if (content instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
