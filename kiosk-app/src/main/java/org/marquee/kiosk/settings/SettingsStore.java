package org.marquee.kiosk.settings;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * Reads and writes {@code <dataDir>/settings.properties}. The file holds the terminal token, so on POSIX systems only
 * its owner may read it, and it is replaced in one move so a crash never leaves half a file.
 */
public final class SettingsStore {

    static final String FILE_NAME = "settings.properties";

    private final Path dataDir;

    public SettingsStore(Path dataDir) {
        this.dataDir = dataDir.toAbsolutePath().normalize();
    }

    /** {@code ~/.marquee/kiosk}: where a terminal keeps its settings and catalog cache unless told otherwise. */
    public static Path defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".marquee", "kiosk");
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path file() {
        return dataDir.resolve(FILE_NAME);
    }

    /** The saved settings, or empty when this terminal has never saved any. */
    public Optional<Settings> load() {
        Path file = file();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the terminal settings in " + file, e);
        }
        return Optional.of(new Settings(
                properties.getProperty("serverUrl"),
                properties.getProperty("terminalToken"),
                mode(properties.getProperty("mode")),
                properties.getProperty("language"),
                Boolean.parseBoolean(properties.getProperty("highContrast")),
                flag(properties.getProperty("autoPrint"))));
    }

    public void save(Settings settings) {
        Properties properties = new Properties();
        put(properties, "serverUrl", settings.serverUrl());
        put(properties, "terminalToken", settings.terminalToken());
        put(properties, "mode", settings.mode().name().toLowerCase(Locale.ROOT));
        put(properties, "language", settings.language());
        put(properties, "highContrast", Boolean.toString(settings.highContrast()));
        put(
                properties,
                "autoPrint",
                settings.autoPrint() == null ? null : settings.autoPrint().toString());
        try {
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, FILE_NAME, ".tmp");
            try {
                ownerOnly(temp);
                try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                    properties.store(writer, "Marquee terminal settings (holds the terminal token: keep it private)");
                }
                move(temp, file());
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not save the terminal settings in " + file(), e);
        }
    }

    private static void put(Properties properties, String key, String value) {
        if (value != null) {
            properties.setProperty(key, value);
        }
    }

    /** "true" or "false"; anything else (or nothing) is the mode's default. */
    private static Boolean flag(String value) {
        if (value == null) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static Mode mode(String value) {
        if (value == null) {
            return Mode.COUNTER;
        }
        try {
            return Mode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mode.COUNTER;
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
