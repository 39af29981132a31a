package org.marquee.server.tickets;

import com.google.zxing.common.BitMatrix;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.marquee.qr.ReadableQr;

/**
 * Renders a {@link TicketSheet} as a PDF: one ticket-sized page (210 × 99 mm) per seat, with a tear-off stub holding
 * the QR code. Only the standard 14 fonts and vector shapes, so the file is small and needs no font or image files;
 * black on white only, because box-office printers are often thermal.
 */
public final class TicketPdf {

    private static final float MM = 72f / 25.4f;
    static final PDRectangle PAGE = new PDRectangle(210 * MM, 99 * MM);

    private static final float MARGIN = 8 * MM;
    private static final float STUB_WIDTH = 64 * MM;
    private static final float TEAR_X = PAGE.getWidth() - STUB_WIDTH;
    private static final float MAIN_WIDTH = TEAR_X - 2 * MARGIN;
    private static final float QR_SIZE = STUB_WIDTH - 2 * MARGIN + 4 * MM;
    /** The blank border of a printed code, in modules: the four the standard asks for. */
    static final int QR_QUIET_ZONE = 4;

    private static final float FIELD_GAP = 5 * MM;
    private static final float GREY = 0.38f;

    private TicketPdf() {}

    /** The tickets as PDF bytes. Throws {@link IllegalArgumentException} for a token too long for a QR code. */
    public static byte[] render(TicketSheet sheet) {
        try (PDDocument document = new PDDocument()) {
            PDDocumentInformation info = document.getDocumentInformation();
            TicketLabels labels = TicketLabels.of(sheet.language());
            info.setTitle(labels.text("pdf.title", sheet.bookingCode()));
            info.setCreator("Marquee");
            Fonts fonts = new Fonts(
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA),
                    new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD));
            int count = sheet.lines().size();
            for (int i = 0; i < count; i++) {
                PDPage page = new PDPage(PAGE);
                document.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(document, page)) {
                    new Ticket(cs, fonts, labels, sheet, sheet.lines().get(i), i + 1, count).draw();
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render tickets " + sheet.bookingCode(), e);
        }
    }

    private record Fonts(PDFont regular, PDFont bold) {}

    /** One page. Coordinates are PDF points from the bottom left. */
    private record Ticket(
            PDPageContentStream cs,
            Fonts fonts,
            TicketLabels labels,
            TicketSheet sheet,
            TicketSheet.Line line,
            int index,
            int count) {

        void draw() throws IOException {
            drawMain();
            drawTearLine();
            drawStub();
        }

        private void drawMain() throws IOException {
            float x = MARGIN;
            float top = PAGE.getHeight() - MARGIN;

            text(fonts.bold(), 9, x, top - 8, sheet.theaterName().toUpperCase(Locale.ROOT), MAIN_WIDTH, 0);
            text(fonts.regular(), 8, x, top - 19, sheet.theaterAddress(), MAIN_WIDTH, GREY);

            String title = PdfText.drawable(fonts.bold(), sheet.movieTitle());
            float titleSize = PdfText.fittingSize(fonts.bold(), title, 24, 14, MAIN_WIDTH);
            text(fonts.bold(), titleSize, x, top - 50, title, MAIN_WIDTH, 0);
            text(fonts.regular(), 10, x, top - 65, facts(), MAIN_WIDTH, GREY);

            text(fonts.bold(), 16, x, top - 92, labels.when(sheet.startsAt(), sheet.zone()), MAIN_WIDTH, 0);

            rule(x, top - 104, MAIN_WIDTH);

            float column = MAIN_WIDTH / 4;
            field(x, top - 122, column * 2, labels.text("pdf.auditorium"), sheet.auditoriumName(), 17);
            field(x + column * 2, top - 122, column, labels.text("pdf.row"), line.row(), 22);
            field(x + column * 3, top - 122, column, labels.text("pdf.seat"), Integer.toString(line.number()), 22);

            String seatType = labels.seatType(line.seatType());
            String ticket = labels.ticketType(line.type()) + (seatType.isEmpty() ? "" : " \u00b7 " + seatType);
            field(x, top - 170, column * 2, labels.text("pdf.ticket"), ticket, 17);
            field(x + column * 2, top - 170, column * 2, labels.text("pdf.price"), price(line.priceMinor()), 17);

            text(
                    fonts.regular(),
                    7,
                    x,
                    MARGIN,
                    labels.text("pdf.footer", Integer.toString(index), Integer.toString(count), sheet.bookingCode()),
                    MAIN_WIDTH,
                    GREY);
        }

        private void drawStub() throws IOException {
            float left = TEAR_X + MARGIN;
            float width = STUB_WIDTH - 2 * MARGIN;
            float top = PAGE.getHeight() - MARGIN;
            centered(fonts.regular(), 7, left, width, top - 7, labels.text("pdf.booking"), GREY);
            centered(fonts.bold(), 14, left, width, top - 22, sheet.bookingCode(), 0);

            float qrLeft = left + (width - QR_SIZE) / 2;
            float qrBottom = top - 28 - QR_SIZE;
            qr(ReadableQr.modules(line.token(), QR_QUIET_ZONE), qrLeft, qrBottom, QR_SIZE);

            centered(
                    fonts.bold(),
                    11,
                    left,
                    width,
                    qrBottom - 6,
                    labels.text("pdf.stubSeat", line.row(), Integer.toString(line.number())),
                    0);
            centered(fonts.regular(), 8, left, width, qrBottom - 18, labels.ticketType(line.type()), GREY);
            centered(fonts.regular(), 7, left, width, MARGIN, labels.text("pdf.scan"), GREY);
        }

        private void drawTearLine() throws IOException {
            cs.saveGraphicsState();
            cs.setStrokingColor(0.6f);
            cs.setLineWidth(0.6f);
            cs.setLineDashPattern(new float[] {3, 3}, 0);
            cs.moveTo(TEAR_X, 4 * MM);
            cs.lineTo(TEAR_X, PAGE.getHeight() - 4 * MM);
            cs.stroke();
            cs.restoreGraphicsState();
        }

        /** A small grey label over a bold value whose baseline sits a fixed distance below, whatever its size. */
        private void field(float x, float y, float width, String label, String value, float maxSize)
                throws IOException {
            float room = width - FIELD_GAP;
            text(fonts.regular(), 7, x, y, label, room, GREY);
            String drawable = PdfText.drawable(fonts.bold(), value);
            float size = PdfText.fittingSize(fonts.bold(), drawable, maxSize, 10, room);
            text(fonts.bold(), size, x, y - 22, drawable, room, 0);
        }

        private String price(long minor) {
            String withSymbol = labels.price(minor, sheet.currency());
            return PdfText.canDraw(fonts.bold(), withSymbol)
                    ? withSymbol
                    : labels.priceWithCode(minor, sheet.currency());
        }

        /** "IMAX · 15A · 2 h 46 min": the format first, as it is part of what was paid for. */
        private String facts() {
            String facts = TicketLabels.movieFacts(sheet.rating(), sheet.runtimeMinutes());
            if (sheet.format().isEmpty()) {
                return facts;
            }
            return facts.isEmpty() ? sheet.format() : sheet.format() + " \u00b7 " + facts;
        }

        private void rule(float x, float y, float width) throws IOException {
            cs.saveGraphicsState();
            cs.setStrokingColor(0.75f);
            cs.setLineWidth(0.5f);
            cs.moveTo(x, y);
            cs.lineTo(x + width, y);
            cs.stroke();
            cs.restoreGraphicsState();
        }

        private void centered(PDFont font, float size, float left, float width, float y, String value, float grey)
                throws IOException {
            String drawable = PdfText.truncated(font, size, PdfText.drawable(font, value), width);
            float x = left + (width - PdfText.width(font, size, drawable)) / 2;
            text(font, size, x, y, drawable, width, grey);
        }

        private void text(PDFont font, float size, float x, float y, String value, float width, float grey)
                throws IOException {
            String drawable = PdfText.truncated(font, size, PdfText.drawable(font, value), width);
            if (drawable.isBlank()) {
                return;
            }
            cs.beginText();
            cs.setNonStrokingColor(grey);
            cs.setFont(font, size);
            cs.newLineAtOffset(x, y);
            cs.showText(drawable);
            cs.endText();
        }

        /** Dark modules as filled rectangles, one per horizontal run, so the code stays sharp at any zoom. */
        private void qr(BitMatrix modules, float left, float bottom, float size) throws IOException {
            float unit = size / modules.getWidth();
            cs.saveGraphicsState();
            cs.setNonStrokingColor(0f);
            for (int row = 0; row < modules.getHeight(); row++) {
                float y = bottom + size - (row + 1) * unit;
                int col = 0;
                while (col < modules.getWidth()) {
                    if (!modules.get(col, row)) {
                        col++;
                        continue;
                    }
                    int start = col;
                    while (col < modules.getWidth() && modules.get(col, row)) {
                        col++;
                    }
                    // A hair of overlap keeps renderers from drawing white seams between rows.
                    cs.addRect(left + start * unit, y - 0.02f, (col - start) * unit, unit + 0.04f);
                }
            }
            cs.fill();
            cs.restoreGraphicsState();
        }
    }
}
