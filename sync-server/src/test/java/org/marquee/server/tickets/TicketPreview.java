package org.marquee.server.tickets;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Writes page 1 of the sample tickets as a PNG, for the docs: {@code TicketPreview docs/screenshots/ticket.png} run
 * with the sync-server's test class path.
 */
final class TicketPreview {

    private TicketPreview() {}

    public static void main(String[] args) throws IOException {
        write(SampleTickets.sheet(), Path.of(args.length > 0 ? args[0] : "docs/screenshots/ticket.png"));
    }

    static void write(TicketSheet sheet, Path png) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(TicketPdf.render(sheet))) {
            BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 150);
            Path parent = png.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            ImageIO.write(image, "png", png.toFile());
        }
    }
}
