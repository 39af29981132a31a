package org.marquee.kiosk.client;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Request;
import org.marquee.model.AdminTerminal;
import org.marquee.model.AuditEntry;
import org.marquee.model.MovieInfo;
import org.marquee.model.MovieRequest;
import org.marquee.model.PricePlan;
import org.marquee.model.StaffMember;
import org.marquee.model.StaffRequest;
import org.marquee.model.TerminalRequest;
import org.marquee.model.TheaterRequest;
import org.marquee.model.TheaterSettings;

/**
 * The admin API (DESIGN §7.1, §7.2, §7.5) over a {@link MarqueeClient}'s connection, token and retries: a manager's
 * session must be signed in on it. Kept apart from {@code MarqueeClient} so that neither grows past one job; every
 * mutation carries its own Idempotency-Key as there.
 */
public final class MarqueeAdminClient
        implements TheaterAdmin, MovieAdmin, PricePlanAdmin, TerminalAdmin, StaffAdmin, AuditLog {

    private final MarqueeClient http;

    MarqueeAdminClient(MarqueeClient http) {
        this.http = http;
    }

    @Override
    public List<TheaterSettings> theaters() {
        return list("admin/theaters", new TypeReference<>() {});
    }

    @Override
    public TheaterSettings createTheater(TheaterRequest request) {
        return http.post("admin/theaters", request, TheaterSettings.class);
    }

    @Override
    public TheaterSettings updateTheater(long id, TheaterRequest request) {
        return http.mutate("PUT", "admin/theaters/" + id, request, TheaterSettings.class);
    }

    @Override
    public List<MovieInfo> movies() {
        return list("admin/movies", new TypeReference<>() {});
    }

    @Override
    public MovieInfo createMovie(MovieRequest request) {
        return http.post("admin/movies", request, MovieInfo.class);
    }

    @Override
    public MovieInfo updateMovie(long id, MovieRequest request) {
        return http.mutate("PUT", "admin/movies/" + id, request, MovieInfo.class);
    }

    @Override
    public List<PricePlan> pricePlans() {
        return list("admin/price-plans", new TypeReference<>() {});
    }

    @Override
    public PricePlan createPricePlan(PricePlan plan) {
        return http.post("admin/price-plans", plan, PricePlan.class);
    }

    @Override
    public PricePlan updatePricePlan(long id, PricePlan plan) {
        return http.mutate("PUT", "admin/price-plans/" + id, plan, PricePlan.class);
    }

    @Override
    public List<AdminTerminal> terminals() {
        return list("admin/terminals", new TypeReference<>() {});
    }

    @Override
    public AdminTerminal createTerminal(TerminalRequest request) {
        return http.post("admin/terminals", request, AdminTerminal.class);
    }

    @Override
    public AdminTerminal revokeTerminal(long id) {
        return http.post("admin/terminals/" + id + "/revoke", null, AdminTerminal.class);
    }

    @Override
    public AdminTerminal rotateToken(long id) {
        return http.post("admin/terminals/" + id + "/rotate-token", null, AdminTerminal.class);
    }

    @Override
    public List<StaffMember> staff() {
        return list("admin/staff", new TypeReference<>() {});
    }

    @Override
    public StaffMember createStaff(StaffRequest request) {
        return http.post("admin/staff", request, StaffMember.class);
    }

    @Override
    public StaffMember updateStaff(long id, StaffRequest change) {
        return http.mutate("PUT", "admin/staff/" + id, change, StaffMember.class);
    }

    @Override
    public List<AuditEntry> audit(Query query) {
        HttpUrl.Builder url = http.url("admin/audit").newBuilder();
        addIfSet(url, "from", query.from());
        addIfSet(url, "to", query.to());
        addIfSet(url, "action", query.action());
        addIfSet(url, "actor", query.actor());
        addIfSet(url, "limit", query.limit() > 0 ? query.limit() : null);
        addIfSet(url, "before", query.before());
        return http.send(new Request.Builder().url(url.build()).get(), new TypeReference<List<AuditEntry>>() {}, null);
    }

    private <T> List<T> list(String path, TypeReference<List<T>> type) {
        return http.send(new Request.Builder().url(http.url(path)).get(), type, null);
    }

    private static void addIfSet(HttpUrl.Builder url, String name, Object value) {
        if (value != null && !value.toString().isBlank()) {
            url.addQueryParameter(name, value.toString().strip());
        }
    }
}
