package org.marquee.kiosk.showtimes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.marquee.kiosk.client.ApiProblem;
import org.marquee.kiosk.client.MarqueeClient;
import org.marquee.model.ErrorCode;
import org.marquee.model.NearbyTheater;
import org.marquee.model.ShowtimeListing;

/** Theaters and showtimes straight from the sync server: {@code GET /theaters?near=} and {@code /showtimes?date=}. */
public final class ServerShowtimeSource implements ShowtimeSource {

    private final MarqueeClient client;

    public ServerShowtimeSource(MarqueeClient client) {
        this.client = client;
    }

    @Override
    public List<NearbyTheater> theatersNear(Long homeTheaterId) {
        List<NearbyTheater> all = client.theaters(null, null);
        if (homeTheaterId == null) {
            return all.stream()
                    .sorted(Comparator.comparing(NearbyTheater::name))
                    .toList();
        }
        NearbyTheater home = all.stream()
                .filter(theater -> theater.id() == homeTheaterId)
                .findFirst()
                .orElseThrow(() -> new ApiProblem(
                        404,
                        ErrorCode.NOT_FOUND,
                        "This terminal's theater (" + homeTheaterId + ") is not in the catalog.",
                        null));
        List<NearbyTheater> near = new ArrayList<>(client.theaters(home.lat(), home.lon()));
        // the server sorts by distance; another theater at the very same spot must still not come before ours
        near.removeIf(theater -> theater.id() == home.id());
        near.sort(Comparator.comparing(theater -> theater.distanceKm() == null ? 0.0 : theater.distanceKm()));
        near.addFirst(new NearbyTheater(
                home.id(), home.name(), home.address(), home.lat(), home.lon(), home.timeZone(), 0.0));
        return List.copyOf(near);
    }

    @Override
    public List<ShowtimeListing> showtimes(long theaterId, LocalDate date) {
        return client.showtimes(theaterId, date);
    }
}
