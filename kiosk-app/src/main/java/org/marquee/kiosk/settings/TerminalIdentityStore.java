package org.marquee.kiosk.settings;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Keeps the terminal's identity in {@code <dataDir>/terminal.properties}, so that a terminal started while the server
 * is down still knows which theater it is in.
 */
public final class TerminalIdentityStore {

    private final Path file;

    public TerminalIdentityStore(Path dataDir) {
        this.file = dataDir.resolve("terminal.properties");
    }

    public Optional<TerminalIdentity> load() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
            String name = properties.getProperty("name");
            String theater = properties.getProperty("theaterId");
            if (name == null || theater == null) {
                return Optional.empty();
            }
            return Optional.of(
                    new TerminalIdentity(name, Long.parseLong(theater), properties.getProperty("cardTerminal")));
        } catch (IOException | NumberFormatException e) {
            // a damaged file only costs the theater order until the server answers again
            return Optional.empty();
        }
    }

    public void save(TerminalIdentity identity) {
        Properties properties = new Properties();
        properties.setProperty("name", identity.name());
        properties.setProperty("theaterId", Long.toString(identity.theaterId()));
        if (identity.cardTerminal() != null) {
            properties.setProperty("cardTerminal", identity.cardTerminal());
        }
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                properties.store(out, "Marquee terminal, as the server last described it");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save " + file, e);
        }
    }
}
