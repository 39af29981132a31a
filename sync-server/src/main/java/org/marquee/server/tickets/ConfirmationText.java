package org.marquee.server.tickets;

/** The words of a booking confirmation e-mail: a subject and a short plain-text body. */
final class ConfirmationText {

    private ConfirmationText() {}

    static String subject(TicketSheet sheet) {
        return oneLine("Your tickets for " + sheet.movieTitle() + " \u2014 booking " + sheet.bookingCode());
    }

    static String body(TicketSheet sheet) {
        StringBuilder body = new StringBuilder();
        body.append("Thank you for your booking.\n\n");
        String facts = TicketLabels.movieFacts(sheet.rating(), sheet.runtimeMinutes());
        body.append(oneLine(sheet.movieTitle()))
                .append(facts.isEmpty() ? "" : " (" + facts + ")")
                .append('\n');
        body.append(TicketLabels.when(sheet.startsAt(), sheet.zone()))
                .append(", ")
                .append(oneLine(sheet.auditoriumName()))
                .append('\n');
        body.append(oneLine(sheet.theaterName()));
        if (!sheet.theaterAddress().isBlank()) {
            body.append(", ").append(oneLine(sheet.theaterAddress()));
        }
        body.append("\n\n");
        for (TicketSheet.Line line : sheet.lines()) {
            String seatType = TicketLabels.seatType(line.seatType());
            body.append(TicketLabels.seat(line.row(), line.number()))
                    .append(seatType.isEmpty() ? "" : " (" + seatType + ")")
                    .append(": ")
                    .append(TicketLabels.ticketType(line.type()))
                    .append(", ")
                    .append(TicketLabels.price(line.priceMinor(), sheet.currency()))
                    .append('\n');
        }
        body.append("Total: ")
                .append(TicketLabels.price(sheet.totalMinor(), sheet.currency()))
                .append("\n\n");
        body.append("Booking code: ").append(sheet.bookingCode()).append('\n');
        body.append("Your tickets are attached (")
                .append(attachmentName(sheet))
                .append("). Show each ticket's QR code at the door, printed or on your phone.\n");
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
