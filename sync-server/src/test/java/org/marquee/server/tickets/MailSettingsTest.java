package org.marquee.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MailSettingsTest {

    @Test
    void neverShowsThePassword() {
        MailSettings settings =
                new MailSettings("smtp.example.com", 587, "tickets", "hunter2-secret", "tickets@example.com", true);

        assertThat(settings.toString())
                .contains("smtp.example.com", "587", "tickets@example.com", "password=***")
                .doesNotContain("hunter2");
        assertThat(new MailSettings("localhost", 25, null, null, "t@example.com", false).toString())
                .contains("password=(none)");
    }

    @Test
    void refusesSettingsThatCannotWork() {
        assertThatThrownBy(() -> new MailSettings(" ", 25, null, null, "t@example.com", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("localhost", 0, null, null, "t@example.com", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailSettings("localhost", 70_000, null, null, "t@example.com", false))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new MailSettings("localhost", 25, " ", null, "t@example.com", false).authenticates())
                .isFalse();
    }
}
