package org.marquee.kiosk.client;

import java.util.List;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.AuditoriumRequest;

/**
 * A manager's auditoriums and their seat layouts (DESIGN §7.1, {@code /admin/auditoriums}). A layout the parser
 * refuses is an {@link ApiProblem} {@code INVALID_LAYOUT} (422); one that drops seats held or sold for a coming
 * showtime is {@code LAYOUT_IN_USE} (409) naming them in {@link ApiProblem#seatIds()}.
 */
public interface AuditoriumAdmin {

    List<AuditoriumInfo> auditoriums(long theaterId);

    AuditoriumInfo createAuditorium(AuditoriumRequest request);

    AuditoriumInfo updateAuditorium(long auditoriumId, AuditoriumRequest request);
}
