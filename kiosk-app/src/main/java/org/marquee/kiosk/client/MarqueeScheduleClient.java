package org.marquee.kiosk.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.LocalDate;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.marquee.model.AdminShowtime;
import org.marquee.model.AuditoriumInfo;
import org.marquee.model.AuditoriumRequest;
import org.marquee.model.CancelShowtimeRequest;
import org.marquee.model.MovieInfo;
import org.marquee.model.PricePlan;
import org.marquee.model.ShowtimeCancellation;
import org.marquee.model.ShowtimeRequest;
import org.marquee.model.ShowtimeSeries;
import org.marquee.model.ShowtimeSeriesRequest;
import org.marquee.model.TheaterSettings;

/**
 * The layouts and the week schedule of the admin API (DESIGN §7.1) over a {@link MarqueeClient}'s connection, token
 * and retries, on which a manager is signed in: the layout editor's and the schedule's ports, in a class of their own
 * beside {@link MarqueeAdminClient} and {@link MarqueeDayClient} so that no client grows past one job.
 */
public final class MarqueeScheduleClient implements AuditoriumAdmin, ScheduleAdmin {

    private final MarqueeClient http;

    public MarqueeScheduleClient(MarqueeClient http) {
        this.http = http;
    }

    @Override
    public List<AuditoriumInfo> auditoriums(long theaterId) {
        HttpUrl url = http.url("admin/auditoriums")
                .newBuilder()
                .addQueryParameter("theaterId", Long.toString(theaterId))
                .build();
        return http.send(new Request.Builder().url(url).get(), new TypeReference<List<AuditoriumInfo>>() {}, null);
    }

    @Override
    public AuditoriumInfo createAuditorium(AuditoriumRequest request) {
        return http.post("admin/auditoriums", request, AuditoriumInfo.class);
    }

    @Override
    public AuditoriumInfo updateAuditorium(long auditoriumId, AuditoriumRequest request) {
        return http.mutate("PUT", "admin/auditoriums/" + auditoriumId, request, AuditoriumInfo.class);
    }

    @Override
    public List<TheaterSettings> adminTheaters() {
        return http.send(
                new Request.Builder().url(http.url("admin/theaters")).get(),
                new TypeReference<List<TheaterSettings>>() {},
                null);
    }

    @Override
    public List<MovieInfo> movies() {
        return http.send(
                new Request.Builder().url(http.url("admin/movies")).get(),
                new TypeReference<List<MovieInfo>>() {},
                null);
    }

    @Override
    public List<PricePlan> pricePlans() {
        return http.send(
                new Request.Builder().url(http.url("admin/price-plans")).get(),
                new TypeReference<List<PricePlan>>() {},
                null);
    }

    @Override
    public List<AdminShowtime> adminShowtimes(long theaterId, LocalDate from, LocalDate to) {
        HttpUrl url = http.url("admin/showtimes")
                .newBuilder()
                .addQueryParameter("theaterId", Long.toString(theaterId))
                .addQueryParameter("from", from.toString())
                .addQueryParameter("to", to.toString())
                .build();
        return http.send(new Request.Builder().url(url).get(), new TypeReference<List<AdminShowtime>>() {}, null);
    }

    @Override
    public AdminShowtime createShowtime(ShowtimeRequest request) {
        return http.post("admin/showtimes", request, AdminShowtime.class);
    }

    @Override
    public ShowtimeSeries createSeries(ShowtimeSeriesRequest request) {
        return http.post("admin/showtimes/series", request, ShowtimeSeries.class);
    }

    @Override
    public ShowtimeCancellation cancelShowtime(long showtimeId, String reason) {
        return http.post(
                "admin/showtimes/" + showtimeId + "/cancel",
                new CancelShowtimeRequest(reason),
                ShowtimeCancellation.class);
    }
}
