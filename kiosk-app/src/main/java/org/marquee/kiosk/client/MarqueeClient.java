package org.marquee.kiosk.client;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.marquee.model.CatalogChanges;
import org.marquee.model.ChangeSeatsRequest;
import org.marquee.model.CreateHoldRequest;
import org.marquee.model.CreateOrderRequest;
import org.marquee.model.CreateSessionRequest;
import org.marquee.model.ErrorCode;
import org.marquee.model.HealthView;
import org.marquee.model.HoldView;
import org.marquee.model.NearbyTheater;
import org.marquee.model.OrderView;
import org.marquee.model.PaymentRequest;
import org.marquee.model.PaymentResult;
import org.marquee.model.SeatMap;
import org.marquee.model.SendTicketsRequest;
import org.marquee.model.SessionView;
import org.marquee.model.ShowtimeListing;
import org.marquee.model.TerminalView;
import org.marquee.model.TicketRequest;

/**
 * The sync server's API as the kiosk uses it: one blocking method per endpoint, called off the FX thread. Every
 * mutating call carries a fresh Idempotency-Key and is retried once with the same key if the connection drops, so a
 * flaky network never buys twice. Failures are {@link ApiProblem}s with a message for a person.
 */
public final class MarqueeClient
        implements SeatHolds, Orders, Payments, TicketDelivery, OrderDesk, StaffSessions, RefundDesk, DoorDesk {

    private static final MediaType JSON = MediaType.get("application/json");

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final HttpUrl base;
    private final OkHttpClient http;
    private final String terminalToken;
    private volatile String token;
    private volatile String language;

    public MarqueeClient(String serverUrl, String terminalToken) {
        this(serverUrl, terminalToken, Duration.ofSeconds(10));
    }

    public MarqueeClient(String serverUrl, String terminalToken, Duration timeout) {
        HttpUrl parsed = HttpUrl.parse(serverUrl.endsWith("/") ? serverUrl : serverUrl + "/");
        if (parsed == null) {
            throw new IllegalArgumentException("'" + serverUrl + "' is not a server address like http://host:8080");
        }
        this.base = parsed.newBuilder().addPathSegments("api/v1/").build();
        this.terminalToken = terminalToken;
        this.token = terminalToken;
        this.http = new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout.plusSeconds(35)) // a card payment may wait for the card terminal
                .callTimeout(timeout.plusSeconds(40))
                .build();
    }

    /** Acts as a signed-in staff member from now on, or as the terminal again with null. */
    public void useToken(String bearer) {
        this.token = bearer;
    }

    public String token() {
        return token;
    }

    /**
     * Asks the server to write what it writes for people (the tickets' PDF, the confirmation e-mail) in
     * {@code language} ("en", "es") from now on: sent as {@code Accept-Language} with every request, so the order
     * remembers the language it was made in.
     */
    public void speak(String language) {
        this.language = language == null || language.isBlank() ? null : language.strip();
    }

    public HttpUrl baseUrl() {
        return base;
    }

    @Override
    public List<org.marquee.model.TicketKeyView> ticketKeys() {
        return send(new Request.Builder().url(url("ticket-keys")).get(), new TypeReference<>() {}, null);
    }

    @Override
    public org.marquee.model.RevokedTickets revokedSince(String cursor) {
        HttpUrl url = base.newBuilder()
                .addPathSegments("admissions/revoked")
                .addQueryParameter("since", cursor)
                .build();
        return send(new Request.Builder().url(url).get(), org.marquee.model.RevokedTickets.class, null);
    }

    /** Not under an Idempotency-Key: each scan's scanId makes a re-send answer the same. */
    @Override
    public List<org.marquee.model.AdmissionResult> admit(List<org.marquee.model.AdmissionScan> scans) {
        Request.Builder request =
                new Request.Builder().url(url("admissions")).post(json(new org.marquee.model.AdmissionBatch(scans)));
        return send(request, org.marquee.model.AdmissionResults.class, null).results();
    }

    public HealthView health() {
        return get("health", HealthView.class);
    }

    /** The terminal behind the current token and its theater. */
    public TerminalView me() {
        return get("terminals/me", TerminalView.class);
    }

    public SessionView signIn(String username, String pin) {
        return post("sessions", new CreateSessionRequest(username, pin), SessionView.class);
    }

    public void signOut() {
        send(new Request.Builder().url(url("sessions/current")).delete(), Void.class, null);
    }

    @Override
    public SessionView startSession(String username, String pin) {
        useToken(terminalToken);
        SessionView session = signIn(username, pin);
        useToken(session.token());
        return session;
    }

    @Override
    public void endSession() {
        try {
            if (token != null && !token.equals(terminalToken)) {
                signOut();
            }
        } finally {
            useToken(terminalToken);
        }
    }

    @Override
    public void actAsTerminal() {
        useToken(terminalToken);
    }

    /** The admin API (DESIGN §7) over this connection, as whoever is signed in on it. */
    public MarqueeAdminClient admin() {
        return new MarqueeAdminClient(this);
    }

    /** A kiosk's pick-up of tickets by booking code and e-mail, over this connection. */
    public TicketPickup pickup() {
        return new MarqueePickupClient(this);
    }

    public List<NearbyTheater> theaters(Double lat, Double lon) {
        HttpUrl.Builder url = url("theaters").newBuilder();
        if (lat != null && lon != null) {
            url.addQueryParameter("near", lat + "," + lon).addQueryParameter("radiusKm", "100");
        }
        return send(new Request.Builder().url(url.build()).get(), new TypeReference<List<NearbyTheater>>() {}, null);
    }

    public List<ShowtimeListing> showtimes(long theaterId, LocalDate date) {
        HttpUrl url = url("theaters/" + theaterId + "/showtimes")
                .newBuilder()
                .addQueryParameter("date", date.toString())
                .build();
        return send(new Request.Builder().url(url).get(), new TypeReference<List<ShowtimeListing>>() {}, null);
    }

    public CatalogChanges catalogChanges(String cursor) {
        HttpUrl url = url("catalog/changes")
                .newBuilder()
                .addQueryParameter("since", cursor == null ? "0" : cursor)
                .build();
        return send(new Request.Builder().url(url).get(), CatalogChanges.class, null);
    }

    @Override
    public SeatMap seatMap(long showtimeId) {
        return get("showtimes/" + showtimeId + "/seats", SeatMap.class);
    }

    @Override
    public org.marquee.model.ShowtimePrices prices(long showtimeId) {
        return get("showtimes/" + showtimeId + "/prices", org.marquee.model.ShowtimePrices.class);
    }

    @Override
    public HoldView hold(long showtimeId, List<String> seatIds, boolean accessible) {
        return post(
                "holds",
                new CreateHoldRequest(showtimeId, seatIds, null, accessible ? Boolean.TRUE : null, null),
                HoldView.class);
    }

    @Override
    public HoldView holdBest(long showtimeId, int count, boolean accessible) {
        return post(
                "holds",
                new CreateHoldRequest(showtimeId, null, count, accessible ? Boolean.TRUE : null, null),
                HoldView.class);
    }

    @Override
    public HoldView changeSeats(UUID holdId, List<String> seatIds) {
        return mutate("PUT", "holds/" + holdId + "/seats", new ChangeSeatsRequest(seatIds), HoldView.class);
    }

    @Override
    public HoldView extend(UUID holdId) {
        return mutate("POST", "holds/" + holdId + "/extend", null, HoldView.class);
    }

    @Override
    public void release(UUID holdId) {
        mutate("DELETE", "holds/" + holdId, null, Void.class);
    }

    @Override
    public OrderView order(UUID holdId, List<TicketRequest> tickets, String email) {
        return post("orders", new CreateOrderRequest(holdId, tickets, email), OrderView.class);
    }

    @Override
    public OrderView findOrder(String idOrCode, String email) {
        HttpUrl.Builder url = url("orders/" + idOrCode).newBuilder();
        if (email != null && !email.isBlank()) {
            url.addQueryParameter("email", email.strip());
        }
        return send(new Request.Builder().url(url.build()).get(), OrderView.class, null);
    }

    @Override
    public PaymentResult pay(UUID orderId, PaymentRequest payment) {
        return post("orders/" + orderId + "/payments", payment, PaymentResult.class);
    }

    @Override
    public OrderView cancel(UUID orderId) {
        return post("orders/" + orderId + "/cancel", null, OrderView.class);
    }

    @Override
    public OrderView refund(UUID orderId) {
        return post("orders/" + orderId + "/refund", null, OrderView.class);
    }

    @Override
    public OrderView emailTickets(UUID orderId, String email) {
        return post("orders/" + orderId + "/email", new SendTicketsRequest(email), OrderView.class);
    }

    @Override
    public byte[] ticketsPdf(UUID orderId) {
        return bytes(new Request.Builder()
                .url(url("orders/" + orderId + "/tickets.pdf"))
                .get());
    }

    /** A binary answer (a PDF), or the server's refusal. */
    byte[] bytes(Request.Builder request) {
        try (Response response = call(request)) {
            if (!response.isSuccessful()) {
                throw ErrorBodies.problem(response);
            }
            return response.body().bytes();
        } catch (IOException e) {
            throw unreachable(e);
        }
    }

    <T> T get(String path, Class<T> type) {
        return send(new Request.Builder().url(url(path)).get(), type, null);
    }

    <T> T post(String path, Object body, Class<T> type) {
        return mutate("POST", path, body, type);
    }

    <T> T mutate(String method, String path, Object body, Class<T> type) {
        RequestBody payload = body == null && method.equals("DELETE") ? null : json(body);
        Request.Builder request = new Request.Builder().url(url(path)).method(method, payload);
        return send(request, type, UUID.randomUUID().toString());
    }

    private <T> T send(Request.Builder request, Class<T> type, String idempotencyKey) {
        return send(request, MAPPER.getTypeFactory().constructType(type), idempotencyKey);
    }

    <T> T send(Request.Builder request, TypeReference<T> type, String idempotencyKey) {
        return send(request, MAPPER.getTypeFactory().constructType(type), idempotencyKey);
    }

    private <T> T send(Request.Builder request, com.fasterxml.jackson.databind.JavaType type, String idempotencyKey) {
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        IOException last = null;
        for (int attempt = 0; attempt < (idempotencyKey == null ? 1 : 2); attempt++) {
            try (Response response = call(request)) {
                if (!response.isSuccessful()) {
                    throw ErrorBodies.problem(response);
                }
                if (type.getRawClass() == Void.class || response.code() == 204) {
                    return null;
                }
                return read(response, type);
            } catch (IOException e) {
                // the same key again: if the first attempt did reach the server, its answer is replayed
                last = e;
            }
        }
        throw unreachable(last);
    }

    /** Reads an answer; one this terminal cannot understand is a problem of its own, not "offline". */
    private static <T> T read(Response response, com.fasterxml.jackson.databind.JavaType type) throws IOException {
        byte[] body = response.body().bytes();
        try {
            return MAPPER.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ApiProblem(
                    response.code(),
                    ErrorCode.SERVICE_UNAVAILABLE,
                    "The server sent an answer this terminal cannot read. It may need an update.",
                    null);
        }
    }

    Response call(Request.Builder request) throws IOException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        String spoken = language;
        if (spoken != null) {
            request.header("Accept-Language", spoken);
        }
        return http.newCall(request.build()).execute();
    }

    HttpUrl url(String path) {
        return base.resolve(path);
    }

    private static RequestBody json(Object body) {
        try {
            return RequestBody.create(body == null ? new byte[0] : MAPPER.writeValueAsBytes(body), JSON);
        } catch (IOException e) {
            throw new IllegalStateException("Could not write " + body.getClass().getSimpleName(), e);
        }
    }

    static ApiProblem unreachable(IOException cause) {
        return ApiProblem.unreachable("The box-office server cannot be reached. Check the network and try again.");
    }
}
