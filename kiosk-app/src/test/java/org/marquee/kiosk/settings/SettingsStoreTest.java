package org.marquee.kiosk.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path dataDir;

    @Test
    void aTerminalThatWasNeverSetUpHasNoSettings() {
        assertThat(new SettingsStore(dataDir.resolve("fresh")).load()).isEmpty();
    }

    @Test
    void savedSettingsComeBackAsTheyWere() {
        SettingsStore store = new SettingsStore(dataDir.resolve("nested/kiosk"));
        Settings settings = new Settings("http://box-office:8080", "demo-kiosk-1", Mode.KIOSK, "es", true);

        store.save(settings);

        assertThat(new SettingsStore(dataDir.resolve("nested/kiosk")).load()).contains(settings);
        assertThat(store.file()).isEqualTo(dataDir.resolve("nested/kiosk/settings.properties"));
    }

    @Test
    void settingsWithoutServerYetCanBeSavedAndAreNotComplete() {
        SettingsStore store = new SettingsStore(dataDir);
        store.save(Settings.initial().withLanguage("es"));

        Settings loaded = store.load().orElseThrow();
        assertThat(loaded.complete()).isFalse();
        assertThat(loaded.language()).isEqualTo("es");
        assertThat(loaded.mode()).isEqualTo(Mode.COUNTER);
    }

    @Test
    void onlyTheOwnerMayReadTheFileThatHoldsTheToken() throws Exception {
        SettingsStore store = new SettingsStore(dataDir);
        store.save(new Settings("http://localhost:8080", "secret-token", Mode.COUNTER, "en", false));

        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file())))
                    .isEqualTo("rw-------");
        }
        try (var files = Files.list(dataDir)) {
            assertThat(files).containsExactly(store.file()); // no temporary file left behind
        }
    }

    @Test
    void theTokenNeverShowsInToString() {
        Settings settings = new Settings("http://localhost:8080", "secret-token", Mode.COUNTER, "en", false);

        assertThat(settings.toString()).doesNotContain("secret-token").contains("***");
    }

    @Test
    void oddValuesInTheFileFallBackToDefaults() throws Exception {
        Files.writeString(
                dataDir.resolve("settings.properties"),
                "serverUrl=http://x:1\nterminalToken=  \nmode=projector\nlanguage=fr\nhighContrast=maybe\n");

        Settings loaded = new SettingsStore(dataDir).load().orElseThrow();

        assertThat(loaded).isEqualTo(new Settings("http://x:1", null, Mode.COUNTER, "en", false));
    }

    @Test
    void typedServerAddressesAreMadeRegular() {
        assertThat(Settings.normalizeServerUrl(" box-office:8080/ ")).isEqualTo("http://box-office:8080");
        assertThat(Settings.normalizeServerUrl("https://cinema.example/api/v1/"))
                .isEqualTo("https://cinema.example");
        assertThat(Settings.normalizeServerUrl("  ")).isEmpty();
    }
}
