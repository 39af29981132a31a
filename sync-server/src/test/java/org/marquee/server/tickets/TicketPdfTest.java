package org.marquee.server.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.Result;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.marquee.model.SeatType;
import org.marquee.model.TicketToken;
import org.marquee.model.TicketType;

class TicketPdfTest {

    @Test
    void printsOneTicketPerSeatWithEverythingThePersonAtTheDoorReads() throws IOException {
        TicketSheet sheet = SampleTickets.sheet();

        try (PDDocument pdf = Loader.loadPDF(TicketPdf.render(sheet))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(3);
            assertThat(pdf.getPage(0).getMediaBox().getWidth()).isCloseTo(595.3f, offset(1f));

            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Dune: Part Three", "MARQUEE RIVOLI", "12 Rue de Rivoli", "15A", "2 h 46 min")
                    .contains("Sun 22 Nov 2026, 19:00")
                    .contains("Screen 2", "ABC234")
                    .contains("€9.50", "€6.50", "€7.00")
                    .contains("Adult", "Child", "Senior · Wheelchair space")
                    .contains("Row F · Seat 7", "Row F · Seat 8", "Row A · Seat 12")
                    .contains("Ticket 3 of 3");
            assertThat(text).doesNotContain("Standard");

            PDFTextStripper firstPage = new PDFTextStripper();
            firstPage.setStartPage(1);
            firstPage.setEndPage(1);
            assertThat(firstPage.getText(pdf)).contains("Seat 7").doesNotContain("Seat 8");
        }
    }

    @Test
    void aSpanishOrderPrintsInSpanishWithTheDateAndPricesTheSpanishWayAndItsFormat() throws IOException {
        TicketSheet english = SampleTickets.sheet();
        TicketSheet sheet = new TicketSheet(
                english.theaterName(),
                english.theaterAddress(),
                english.movieTitle(),
                english.rating(),
                english.runtimeMinutes(),
                english.auditoriumName(),
                english.startsAt(),
                english.zone(),
                english.bookingCode(),
                english.currency(),
                english.lines(),
                "IMAX",
                java.util.Locale.of("es"));

        try (PDDocument pdf = Loader.loadPDF(TicketPdf.render(sheet))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("SALA", "FILA", "BUTACA", "ENTRADA", "PRECIO", "RESERVA")
                    .contains("dom 22 nov 2026, 19:00")
                    .contains("9,50 €", "6,50 €")
                    .contains("Adulto", "Niño", "Sénior · Silla de ruedas")
                    .contains("Fila F · Butaca 7", "Entrada 3 de 3", "Escanear en la entrada")
                    .contains("IMAX · 15A · 2 h 46 min")
                    .doesNotContain("AUDITORIUM", "Scan at the door", "€9.50");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Entradas ABC234");
        }
        String mail = ConfirmationText.body(sheet);
        assertThat(ConfirmationText.subject(sheet)).isEqualTo("Sus entradas para Dune: Part Three — reserva ABC234");
        assertThat(mail)
                .startsWith("Gracias por su reserva.")
                .contains("dom 22 nov 2026, 19:00, IMAX, Screen 2")
                .contains("Fila F, butaca 7: Adulto, 9,50 €")
                .contains("Total: 23,00 €", "Código de reserva: ABC234");
    }

    @Test
    void theQrCodeOnEachPageScansToThatSeatsToken() throws Exception {
        TicketSheet sheet = SampleTickets.sheet();

        try (PDDocument pdf = Loader.loadPDF(TicketPdf.render(sheet))) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int page = 0; page < sheet.lines().size(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 300);
                String token = decodeQr(image);

                assertThat(token).isEqualTo(sheet.lines().get(page).token());
                assertThat(TicketToken.verify(token, SampleTickets.KEY))
                        .get()
                        .extracting(TicketToken.Claims::seatId)
                        .isEqualTo(sheet.lines().get(page).seatId());
            }
        }
    }

    @Test
    void theQrCodeStillScansFromALowResolutionPrint() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(TicketPdf.render(SampleTickets.sheet()))) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 100);

            assertThat(decodeQr(image))
                    .isEqualTo(SampleTickets.sheet().lines().get(0).token());
        }
    }

    @Test
    void charactersTheStandardFontsCannotDrawBecomeLookAlikesOrQuestionMarks() throws IOException {
        TicketSheet sheet = new TicketSheet(
                "Kinó Ősz\tTheater",
                "Straße 1\n10115 Berlin",
                "Ωmega 東京 — ﬁnal cut 😀",
                null,
                0,
                "Saal №1",
                SampleTickets.STARTS_AT,
                SampleTickets.ZONE,
                "XYZ789",
                "INR",
                List.of(SampleTickets.line("B2", "B", 2, SeatType.PREMIUM, TicketType.ADULT, 50_000)));

        try (PDDocument pdf = Loader.loadPDF(TicketPdf.render(sheet))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("?mega ?? — final cut ?")
                    .contains("KINÓ OSZ THEATER", "Straße 1 10115 Berlin")
                    .contains("Saal No1")
                    .contains("INR 500.00")
                    .contains("Adult · Premium seat");
        }
    }

    @Test
    void aVeryLongTitleIsShrunkAndShortenedRatherThanRunningIntoTheStub() throws IOException {
        String title = "The Extraordinarily Long and Winding Director's Cut of a Film Whose Title Never Ends";
        try (PDDocument pdf = Loader.loadPDF(TicketPdf.render(SampleTickets.sheet(title)))) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("The Extraordinarily Long").contains("…").doesNotContain("Never Ends");
        }
    }

    @Test
    void writesAPreviewOfPageOneForPeopleToLookAt() throws IOException {
        Path preview = Path.of("target", "ticket-preview.png");
        TicketPreview.write(SampleTickets.sheet(), preview);

        assertThat(Files.size(preview)).isGreaterThan(10_000);
    }

    private static String decodeQr(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        Result result = new MultiFormatReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
        return result.getText();
    }
}
