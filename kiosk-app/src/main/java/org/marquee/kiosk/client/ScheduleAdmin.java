package org.marquee.kiosk.client;

import java.time.LocalDate;
import java.util.List;
import org.marquee.model.AdminShowtime;
import org.marquee.model.MovieInfo;
import org.marquee.model.PricePlan;
import org.marquee.model.ShowtimeCancellation;
import org.marquee.model.ShowtimeRequest;
import org.marquee.model.ShowtimeSeries;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.model.TheaterSettings;

/**
 * A manager's schedule (DESIGN §7.1, {@code /admin/showtimes} and what a schedule needs to read: theaters with their
 * time zone and cleaning minutes, movies, price plans). A showtime or series that would overlap others is an
 * {@link ApiProblem} {@code SCHEDULE_CLASH} (409) whose {@code details.showtimeIds} names the existing ones.
 */
public interface ScheduleAdmin {

    List<TheaterSettings> adminTheaters();

    List<MovieInfo> movies();

    List<PricePlan> pricePlans();

    /** Showtimes of the theater starting on {@code from} to {@code to} (inclusive, business days in its zone). */
    List<AdminShowtime> adminShowtimes(long theaterId, LocalDate from, LocalDate to);

    AdminShowtime createShowtime(ShowtimeRequest request);

    ShowtimeSeries createSeries(ShowtimeSeriesRequest request);

    ShowtimeCancellation cancelShowtime(long showtimeId, String reason);
}
