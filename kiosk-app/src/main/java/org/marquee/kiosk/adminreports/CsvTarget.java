package org.marquee.kiosk.adminreports;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an exported report goes: the manager picks a file (a FileChooser in the app; a folder of the test's in tests).
 * Called on the UI thread; empty when the manager changed their mind.
 */
@FunctionalInterface
public interface CsvTarget {

    Optional<Path> choose(String suggestedName);
}
