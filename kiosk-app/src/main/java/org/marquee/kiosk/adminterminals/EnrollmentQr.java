package org.marquee.kiosk.adminterminals;

import com.google.zxing.common.BitMatrix;
import javafx.scene.image.Image;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import org.marquee.qr.ReadableQr;

/**
 * The enrollment text as a QR code image, black on white with its quiet zone, for a terminal's camera or scanner: a
 * code a common decoder reads ({@link ReadableQr}), drawn a whole number of pixels per module so that every module
 * has the same size.
 */
final class EnrollmentQr {

    /** Modules of blank border around the code. */
    static final int QUIET_ZONE = 2;

    private EnrollmentQr() {}

    /** The code's modules, one bit per module; a text too long for a QR code is an IllegalArgumentException. */
    static BitMatrix modules(String text) {
        return ReadableQr.modules(text, QUIET_ZONE);
    }

    /** {@code modules} drawn as a square image of about {@code size} pixels, a whole number of pixels per module. */
    static Image image(BitMatrix modules, int size) {
        int scale = Math.max(1, size / modules.getWidth());
        int side = modules.getWidth() * scale;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                pixels.setColor(x, y, modules.get(x / scale, y / scale) ? Color.BLACK : Color.WHITE);
            }
        }
        return image;
    }
}
