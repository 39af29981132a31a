package org.marquee.kiosk.core;

import java.awt.print.PrinterException;
import java.awt.print.PrinterJob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.print.PrintService;
import javax.print.PrintServiceLookup;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.printing.PDFPageable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a paid order's tickets (the server's PDF) on paper: on the terminal's default printer through the Java print
 * service, or, when it has none or printing fails, into {@code marquee-<CODE>.pdf} in a folder, so the tickets are
 * never lost for want of a printer. Blocking: call it off the FX thread.
 */
public final class TicketOutput {

    private static final Logger log = LoggerFactory.getLogger(TicketOutput.class);

    /** Where the tickets went. */
    public sealed interface Result {

        /** Sent to the printer of that name. */
        record Printed(String printer) implements Result {}

        /** Saved as this file, since there was no printer to send them to. */
        record Saved(Path file) implements Result {}

        /** Neither printed nor saved (a full disk, a folder without access), and why. */
        record Failed(String reason) implements Result {}
    }

    private final Path folder;
    private final Supplier<PrintService> printers;

    /**
     * @param folder where tickets are saved without a printer
     * @param printers finds the printer to use; null from it means there is none
     */
    public TicketOutput(Path folder, Supplier<PrintService> printers) {
        this.folder = folder;
        this.printers = printers;
    }

    /** The default printer, else the {@code tickets} folder of the terminal's data directory. */
    public static TicketOutput standard(Path dataDir) {
        return new TicketOutput(dataDir.resolve("tickets"), PrintServiceLookup::lookupDefaultPrintService);
    }

    /** Prints {@code pdf}, or saves it when there is no printer or the printer failed. */
    public Result print(String bookingCode, byte[] pdf) {
        PrintService printer = printers.get();
        if (printer != null) {
            try (PDDocument document = Loader.loadPDF(pdf)) {
                PrinterJob job = PrinterJob.getPrinterJob();
                job.setPrintService(printer);
                job.setJobName("Marquee " + bookingCode);
                job.setPageable(new PDFPageable(document));
                job.print();
                log.info("event=tickets_printed code={} printer={}", bookingCode, printer.getName());
                return new Result.Printed(printer.getName());
            } catch (IOException | PrinterException e) {
                // a jammed or vanished printer must not lose the tickets: they go to a file instead
                log.warn(
                        "event=print_failed code={} printer={} reason={}",
                        bookingCode,
                        printer.getName(),
                        e.getMessage());
            }
        }
        return save(bookingCode, pdf);
    }

    private Result save(String bookingCode, byte[] pdf) {
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("marquee-" + bookingCode.replaceAll("[^A-Za-z0-9]", "") + ".pdf");
            Files.write(file, pdf);
            log.info("event=tickets_saved code={} file={}", bookingCode, file);
            return new Result.Saved(file.toAbsolutePath());
        } catch (IOException e) {
            log.error("event=tickets_not_saved code={} folder={} reason={}", bookingCode, folder, e.toString());
            return new Result.Failed(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
