package org.marquee.kiosk.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.marquee.model.LiveHold;
import org.marquee.model.OccupancyRow;
import org.marquee.model.SalesReport;

/**
 * The day's oversight of the admin API (DESIGN §7.3 live holds, §7.4 reports) over a {@link MarqueeClient}'s
 * connection, token and retries, on which a manager is signed in. A class of its own beside
 * {@link MarqueeAdminClient} so that neither grows past one job.
 */
public final class MarqueeDayClient implements LiveHoldAdmin, Reports {

    private final MarqueeClient http;

    public MarqueeDayClient(MarqueeClient http) {
        this.http = http;
    }

    @Override
    public List<LiveHold> liveHolds(Long theaterId) {
        HttpUrl.Builder url = http.url("admin/holds").newBuilder();
        if (theaterId != null) {
            url.addQueryParameter("theaterId", theaterId.toString());
        }
        return http.send(new Request.Builder().url(url.build()).get(), new TypeReference<List<LiveHold>>() {}, null);
    }

    @Override
    public void forceRelease(UUID holdId, String reason) {
        HttpUrl url = http.url("admin/holds/" + holdId)
                .newBuilder()
                .addQueryParameter("reason", reason == null ? "" : reason.strip())
                .build();
        http.send(
                new Request.Builder().url(url).delete(),
                new TypeReference<Void>() {},
                UUID.randomUUID().toString());
    }

    @Override
    public SalesReport sales(SalesQuery query) {
        return http.send(new Request.Builder().url(salesUrl(query)).get(), new TypeReference<SalesReport>() {}, null);
    }

    @Override
    public String salesCsv(SalesQuery query) {
        Request.Builder request = new Request.Builder()
                .url(salesUrl(query))
                .header("Accept", "text/csv")
                .get();
        try (Response response = http.call(request)) {
            if (!response.isSuccessful()) {
                throw ErrorBodies.problem(response);
            }
            return new String(response.body().bytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw MarqueeClient.unreachable(e);
        }
    }

    @Override
    public List<OccupancyRow> occupancy(long theaterId, LocalDate date) {
        HttpUrl url = http.url("admin/reports/occupancy")
                .newBuilder()
                .addQueryParameter("theaterId", Long.toString(theaterId))
                .addQueryParameter("date", date.toString())
                .build();
        return http.send(new Request.Builder().url(url).get(), new TypeReference<List<OccupancyRow>>() {}, null);
    }

    private HttpUrl salesUrl(SalesQuery query) {
        HttpUrl.Builder url = http.url("admin/reports/sales").newBuilder();
        if (query.from() != null) {
            url.addQueryParameter("from", query.from().toString());
        }
        if (query.to() != null) {
            url.addQueryParameter("to", query.to().toString());
        }
        if (query.theaterId() != null) {
            url.addQueryParameter("theaterId", query.theaterId().toString());
        }
        if (query.groupBy() != null) {
            url.addQueryParameter("groupBy", query.groupBy());
        }
        return url.build();
    }
}
