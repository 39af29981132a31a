package org.marquee.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.EncodeHintType;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.EnumMap;
import java.util.Map;

/**
 * A text's QR code, chosen so that a common decoder reads it: tickets' tokens (sync server) and terminals' enrollment
 * texts (kiosk) alike.
 *
 * <p>The encoder picks one of the eight mask patterns by the standard's penalty score. For about one text in fifty
 * that pattern gives a code ZXing's detector cannot find at most sizes, even drawn perfectly (measured on random ticket
 * tokens: the default pattern failed at 3 to 10 pixels per module, every other pattern read at 2 to 10). So the code
 * is decoded here at a few sizes before it is shown, and if it does not read, the next mask pattern is tried. The
 * content, the version and the error correction stay the same; only the pattern laid over the data changes, which
 * every reader undoes.
 */
public final class ReadableQr {

    /** Pixels per module at which a code must read: a phone screen's few up to a print's many. */
    private static final int[] CHECKED_SCALES = {3, 4, 7};

    private static final int MASK_PATTERNS = 8;

    private ReadableQr() {}

    /**
     * The QR code's modules, one bit per module, with a quiet zone of {@code margin} modules; level M survives a crease
     * or a smudge of about 15%. A text too long for any QR code is an {@link IllegalArgumentException}.
     */
    public static BitMatrix modules(String text, int margin) {
        BitMatrix chosen = standard(text, margin);
        if (reads(chosen, text)) {
            return chosen;
        }
        for (int mask = 0; mask < MASK_PATTERNS; mask++) {
            BitMatrix other = encode(text, margin, mask);
            if (reads(other, text)) {
                return other;
            }
        }
        // No pattern reads with this decoder: the standard's own choice is still a valid code for other readers.
        return chosen;
    }

    /** The code as the standard's penalty score alone would draw it, with no decoder asked: for comparisons. */
    public static BitMatrix standard(String text, int margin) {
        return encode(text, margin, -1);
    }

    /** True when the code, drawn at each checked size, decodes to {@code text}. */
    public static boolean reads(BitMatrix modules, String text) {
        for (int scale : CHECKED_SCALES) {
            if (!text.equals(decode(modules, scale))) {
                return false;
            }
        }
        return true;
    }

    private static BitMatrix encode(String text, int margin, int maskPattern) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
        hints.put(EncodeHintType.MARGIN, margin);
        if (maskPattern >= 0) {
            hints.put(EncodeHintType.QR_MASK_PATTERN, maskPattern);
        }
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException(
                    "The text is too long for a QR code (" + text.length() + " characters)", e);
        }
    }

    /** What the decoder reads from the code drawn black on white at {@code scale} pixels per module, or null. */
    private static String decode(BitMatrix modules, int scale) {
        int width = modules.getWidth() * scale;
        int height = modules.getHeight() * scale;
        int[] pixels = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = modules.get(x / scale, y / scale) ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return decode(width, height, pixels);
    }

    /** What a common decoder reads from an image ({@code width} by {@code height} ARGB pixels, row by row), or null. */
    public static String decode(int width, int height, int[] argb) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width, height, argb)));
        try {
            return new QRCodeReader()
                    .decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE))
                    .getText();
        } catch (ReaderException e) {
            return null;
        }
    }
}
