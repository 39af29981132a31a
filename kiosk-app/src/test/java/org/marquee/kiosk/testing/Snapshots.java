package org.marquee.kiosk.testing;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Saves what a scene shows as a PNG under {@code docs/screenshots/}, for the documentation. JavaFX's snapshot is
 * copied pixel by pixel into an AWT image, so no javafx-swing is needed.
 */
public final class Snapshots {

    /** docs/screenshots of the repository, seen from the kiosk-app module where the tests run. */
    public static final Path FOLDER = Path.of("..", "docs", "screenshots");

    private Snapshots() {}

    /** Saves {@code scene} as {@code docs/screenshots/<name>.png}; from any thread. */
    public static Path save(Scene scene, String name) {
        WritableImage image = onFxThread(() -> scene.snapshot(null));
        Path file = FOLDER.resolve(name + ".png");
        write(image, file);
        return file;
    }

    /** Writes a JavaFX image as a PNG file. */
    public static void write(WritableImage image, Path file) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage copy = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                copy.setRGB(x, y, pixels.getArgb(x, y));
            }
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            if (!ImageIO.write(copy, "png", file.toFile())) {
                throw new IOException("No PNG writer");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T onFxThread(Supplier<T> work) {
        if (Platform.isFxApplicationThread()) {
            return work.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not take a snapshot", e);
        }
    }
}
