package org.marquee.server.tickets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import org.apache.pdfbox.pdmodel.font.PDFont;

/**
 * Text that a standard-14 font can draw, fitted to a width. Those fonts only know WinAnsi, and PDFBox throws for any
 * other character, so a movie titled "Ωmega 東京" must still print: what a font cannot draw becomes its base letter
 * ("ő" → "o") or '?'.
 */
final class PdfText {

    private static final String ELLIPSIS = "\u2026";

    private PdfText() {}

    /** The text with every character the font cannot draw replaced; whitespace and controls become spaces. */
    static String drawable(PDFont font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (canDraw(font, Character.toString(cp))) {
                out.appendCodePoint(cp);
            } else {
                out.append(baseLetter(font, cp));
            }
        });
        return out.toString();
    }

    /** Whether the font draws every character of the text as it is. */
    static boolean canDraw(PDFont font, String text) {
        try {
            font.encode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static float width(PDFont font, float size, String drawable) {
        try {
            return font.getStringWidth(drawable) / 1000f * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The largest size from {@code max} down to {@code min} at which the text fits the width. */
    static float fittingSize(PDFont font, String drawable, float max, float min, float width) {
        float size = max;
        while (size > min && width(font, size, drawable) > width) {
            size -= 0.5f;
        }
        return Math.max(size, min);
    }

    /** The text, shortened with an ellipsis if it is wider than the width at this size. */
    static String truncated(PDFont font, float size, String drawable, float width) {
        if (width(font, size, drawable) <= width) {
            return drawable;
        }
        int end = drawable.length();
        while (end > 0 && width(font, size, drawable.substring(0, end).stripTrailing() + ELLIPSIS) > width) {
            end--;
        }
        return drawable.substring(0, end).stripTrailing() + ELLIPSIS;
    }

    private static String baseLetter(PDFont font, int cp) {
        String base = Normalizer.normalize(Character.toString(cp), Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "");
        return !base.isBlank() && base.length() <= 3 && canDraw(font, base) ? base : "?";
    }
}
