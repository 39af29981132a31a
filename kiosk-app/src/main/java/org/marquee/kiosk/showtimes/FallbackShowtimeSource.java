package org.marquee.kiosk.showtimes;

import java.time.LocalDate;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;

/**
 * The server while it answers (fresh seat counts), the catalog cache when it cannot be reached: the terminal keeps
 * browsing offline. A refusal by the server (not a lost connection) is passed on as it is.
 */
public final class FallbackShowtimeSource implements ShowtimeSource {

    private final ShowtimeSource server;
    private final ShowtimeSource cache;
    private final BooleanSupplier online;
    private final Consumer<ApiProblem> wentOffline;

    /**
     * @param online whether to try the server at all (while offline it is skipped, so nobody waits for a timeout)
     * @param wentOffline told when the server could not be reached, so the terminal shows it is offline
     */
    public FallbackShowtimeSource(
            ShowtimeSource server, ShowtimeSource cache, BooleanSupplier online, Consumer<ApiProblem> wentOffline) {
        this.server = server;
        this.cache = cache;
        this.online = online;
        this.wentOffline = wentOffline;
    }

    @Override
    public List<NearbyTheater> theatersNear(Long homeTheaterId) {
        return read(source -> source.theatersNear(homeTheaterId));
    }

    @Override
    public List<ShowtimeListing> showtimes(long theaterId, LocalDate date) {
        return read(source -> source.showtimes(theaterId, date));
    }

    private <T> T read(Function<ShowtimeSource, T> query) {
        if (online.getAsBoolean()) {
            try {
                return query.apply(server);
            } catch (ApiProblem problem) {
                if (!problem.offline()) {
                    throw problem;
                }
                wentOffline.accept(problem);
            }
        }
        return query.apply(cache);
    }
}
