package org.marquee.server.tickets;

import java.util.Objects;

/**
 * Where confirmation e-mails go out: an SMTP server, optional login, and the sender address (which may carry a name,
 * as in {@code Marquee Cinemas <tickets@example.com>}). A null username means the server takes mail without login.
 */
public record MailSettings(String host, int port, String username, String password, String from, boolean startTls) {

    public MailSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(from, "from");
        if (host.isBlank()) {
            throw new IllegalArgumentException("an SMTP host is needed");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("an SMTP port is between 1 and 65535, not " + port);
        }
        if (username != null && username.isBlank()) {
            username = null;
        }
    }

    boolean authenticates() {
        return username != null;
    }

    /** Never shows the password: settings get logged at start, and logs travel. */
    @Override
    public String toString() {
        return "MailSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null || password.isEmpty() ? "(none)" : "***") + ", from=" + from + ", startTls="
                + startTls + "]";
    }
}
