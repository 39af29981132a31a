package org.marquee.server.tickets;

/** The words of a booking confirmation e-mail, in the sheet's language: a subject and a short plain-text body. */
final class ConfirmationText {

    private ConfirmationText() {}

    static String subject(TicketSheet sheet) {
        return oneLine(TicketLabels.of(sheet.language()).text("mail.subject", sheet.movieTitle(), sheet.bookingCode()));
    }

    static String body(TicketSheet sheet) {
        TicketLabels labels = TicketLabels.of(sheet.language());
        StringBuilder body = new StringBuilder();
        body.append(labels.text("mail.thanks")).append("\n\n");
        String facts = TicketLabels.movieFacts(sheet.rating(), sheet.runtimeMinutes());
        body.append(oneLine(sheet.movieTitle()))
                .append(facts.isEmpty() ? "" : " (" + facts + ")")
                .append('\n');
        body.append(labels.when(sheet.startsAt(), sheet.zone()))
                .append(sheet.format().isEmpty() ? "" : ", " + oneLine(sheet.format()))
                .append(", ")
                .append(oneLine(sheet.auditoriumName()))
                .append('\n');
        body.append(oneLine(sheet.theaterName()));
        if (!sheet.theaterAddress().isBlank()) {
            body.append(", ").append(oneLine(sheet.theaterAddress()));
        }
        body.append("\n\n");
        for (TicketSheet.Line line : sheet.lines()) {
            String seatType = labels.seatType(line.seatType());
            body.append(labels.seat(line.row(), line.number()))
                    .append(seatType.isEmpty() ? "" : " (" + seatType + ")")
                    .append(": ")
                    .append(labels.ticketType(line.type()))
                    .append(", ")
                    .append(labels.price(line.priceMinor(), sheet.currency()))
                    .append('\n');
        }
        body.append(labels.text("mail.total", labels.price(sheet.totalMinor(), sheet.currency())))
                .append("\n\n");
        body.append(labels.text("mail.code", sheet.bookingCode())).append('\n');
        body.append(labels.text("mail.attached", attachmentName(sheet))).append('\n');
        return body.toString();
    }

    static String attachmentName(TicketSheet sheet) {
        return "marquee-" + sheet.bookingCode().replaceAll("[^A-Za-z0-9-]", "") + ".pdf";
    }

    /** Line breaks in a title or address must not break a header or the body's layout. */
    private static String oneLine(String text) {
        return text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
    }
}
