package org.marquee.kiosk.adminterminals;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.image.Image;
import javafx.scene.image.PixelReader;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.marquee.qr.ReadableQr;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The enrollment QR code on the admin screen reads, as a new terminal's camera would see it. */
@ExtendWith(ApplicationExtension.class)
class EnrollmentQrTest {

    /** An enrollment text whose code, with the mask pattern the standard's penalty alone picks, ZXing does not find. */
    private static final String UNLUCKY = "marquee://enroll?server=https%3A%2F%2Fboxoffice.cine-lumiere.fr"
            + "&token=Vz86UTYTXNsIoyLFmssfFecCfW_CefYVcdistMvCzB8";

    @Start
    void start(Stage stage) {
        // the toolkit only: images need it
    }

    @Test
    void anUnluckyEnrollmentTextStillGivesACodeThatReads() {
        assertThat(ReadableQr.reads(ReadableQr.standard(UNLUCKY, EnrollmentQr.QUIET_ZONE), UNLUCKY))
                .as("the standard's own choice, as the admin screen drew it before")
                .isFalse();

        Image shown = EnrollmentQr.image(EnrollmentQr.modules(UNLUCKY), 220);

        assertThat(decode(shown)).isEqualTo(UNLUCKY);
        assertThat(shown.getWidth()).isEqualTo(shown.getHeight()).isBetween(110.0, 220.0);
        int modules = EnrollmentQr.modules(UNLUCKY).getWidth();
        assertThat(shown.getWidth() % modules)
                .as("every module the same whole number of pixels")
                .isZero();
    }

    /** What a decoder reads from the image, pixel for pixel, or null. */
    static String decode(Image image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        PixelReader reader = image.getPixelReader();
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = reader.getArgb(x, y);
            }
        }
        return ReadableQr.decode(width, height, pixels);
    }
}
