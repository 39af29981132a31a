package org.marquee.server;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import org.marquee.server.admissions.AdmissionService;
import org.marquee.server.admissions.http.AdmissionHandlers;
import org.marquee.server.admissions.persistence.AdmissionStore;
import org.marquee.server.api.ApiRoutes;
import org.marquee.server.api.ApiServer;
import org.marquee.server.api.HealthHandler;
import org.marquee.server.api.MetricsHandler;
import org.marquee.server.api.OpenApiHandler;
import org.marquee.server.audit.http.AuditHandlers;
import org.marquee.server.audit.persistence.AuditStore;
import org.marquee.server.auth.SessionService;
import org.marquee.server.auth.TerminalAuthenticator;
import org.marquee.server.auth.TokenChangeSync;
import org.marquee.server.auth.http.SessionHandlers;
import org.marquee.server.auth.http.TerminalHandlers;
import org.marquee.server.auth.persistence.StaffDao;
import org.marquee.server.auth.persistence.StaffSessionDao;
import org.marquee.server.auth.persistence.TerminalDao;
import org.marquee.server.catalog.CatalogService;
import org.marquee.server.catalog.http.CatalogHandlers;
import org.marquee.server.catalog.persistence.CatalogStore;
import org.marquee.server.cinema.AuditoriumAdmin;
import org.marquee.server.cinema.CinemaAdmin;
import org.marquee.server.cinema.ShowtimeChanges;
import org.marquee.server.cinema.http.CinemaHandlers;
import org.marquee.server.cinema.persistence.AuditoriumStore;
import org.marquee.server.cinema.persistence.CinemaStore;
import org.marquee.server.db.Database;
import org.marquee.server.db.Reads;
import org.marquee.server.db.UnitOfWork;
import org.marquee.server.demo.persistence.DemoLoader;
import org.marquee.server.holds.HoldService;
import org.marquee.server.holds.HoldSweeper;
import org.marquee.server.holds.ManagerReleases;
import org.marquee.server.holds.http.HoldHandlers;
import org.marquee.server.holds.http.LiveHoldHandlers;
import org.marquee.server.holds.persistence.HoldStore;
import org.marquee.server.holds.persistence.LiveHoldStore;
import org.marquee.server.houseseats.HouseSeatService;
import org.marquee.server.houseseats.http.HouseSeatHandlers;
import org.marquee.server.houseseats.persistence.HouseSeatStore;
import org.marquee.server.idempotency.AnswerPurge;
import org.marquee.server.idempotency.IdempotencyKeys;
import org.marquee.server.idempotency.persistence.IdempotencyStore;
import org.marquee.server.live.LiveSeats;
import org.marquee.server.live.http.SeatEventsHandler;
import org.marquee.server.live.persistence.NotificationChannel;
import org.marquee.server.metrics.Metrics;
import org.marquee.server.orders.CodeGuessLimit;
import org.marquee.server.orders.FailedRefunds;
import org.marquee.server.orders.OrderRecord;
import org.marquee.server.orders.OrderService;
import org.marquee.server.orders.OrderViews;
import org.marquee.server.orders.PaymentGateways;
import org.marquee.server.orders.PaymentReconciler;
import org.marquee.server.orders.PaymentService;
import org.marquee.server.orders.PaymentSettlement;
import org.marquee.server.orders.RefundRetryPolicy;
import org.marquee.server.orders.http.OrderHandlers;
import org.marquee.server.orders.http.RefundHandlers;
import org.marquee.server.orders.http.WebhookHandler;
import org.marquee.server.orders.persistence.FailedRefundStore;
import org.marquee.server.orders.persistence.OrderStore;
import org.marquee.server.orders.persistence.PaymentStore;
import org.marquee.server.payments.CashGateway;
import org.marquee.server.payments.PaymentGateway;
import org.marquee.server.payments.SimulatedCardTerminal;
import org.marquee.server.payments.WebhookSignature;
import org.marquee.server.people.StaffAdmin;
import org.marquee.server.people.TerminalAdmin;
import org.marquee.server.people.TokenChanges;
import org.marquee.server.people.http.StaffAdminHandlers;
import org.marquee.server.people.http.TerminalAdminHandlers;
import org.marquee.server.people.persistence.AdminStaffDao;
import org.marquee.server.people.persistence.AdminTerminalDao;
import org.marquee.server.reports.http.ReportHandlers;
import org.marquee.server.reports.persistence.ReportStore;
import org.marquee.server.schedule.ScheduleService;
import org.marquee.server.schedule.ShowtimeCancellations;
import org.marquee.server.schedule.http.ScheduleHandlers;
import org.marquee.server.schedule.persistence.ScheduleStore;
import org.marquee.server.seatmap.SeatMapChanges;
import org.marquee.server.seatmap.SeatMapService;
import org.marquee.server.seatmap.SeatsInMemory;
import org.marquee.server.seatmap.SnapshotTrust;
import org.marquee.server.seatmap.http.SeatMapHandler;
import org.marquee.server.seatmap.persistence.SeatClaimReader;
import org.marquee.server.seatrules.SeatRules;
import org.marquee.server.seatrules.persistence.TheaterRuleStore;
import org.marquee.server.secrets.persistence.SecretStore;
import org.marquee.server.shifts.http.ShiftHandlers;
import org.marquee.server.shifts.persistence.ShiftStore;
import org.marquee.server.ticketkeys.KeySecret;
import org.marquee.server.ticketkeys.TicketKeys;
import org.marquee.server.ticketkeys.http.TicketKeyHandlers;
import org.marquee.server.ticketkeys.persistence.TicketKeyStore;
import org.marquee.server.tickets.ConfirmationMailer;
import org.marquee.server.web.IdempotentRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sync server: database, background sweeper and HTTP API wired together. {@link #close()} stops them in the
 * order that loses nothing: first the live-event streams and the HTTP server (no new requests; running ones finish),
 * then the live-event listener and coalescer, the sweeper and the answer purge, then the pool, then the embedded database.
 */
public final class MarqueeServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MarqueeServer.class);

    private final Database database;
    private final HoldSweeper sweeper;
    private final AnswerPurge answerPurge;
    private final PaymentService payments;
    private final ConfirmationMailer mailer;
    private final ApiServer api;
    private final Metrics metrics;
    private final LiveSeats live;
    private final SeatEventsHandler seatEvents;
    private final NotificationChannel tokenChannel;
    /** The simulated card terminal, when this server uses it (tests make it accept refunds again). */
    private SimulatedCardTerminal cardTerminal;

    private MarqueeServer(
            Database database,
            LiveSeats live,
            NotificationChannel tokenChannel,
            SeatEventsHandler seatEvents,
            HoldSweeper sweeper,
            AnswerPurge answerPurge,
            PaymentService payments,
            ConfirmationMailer mailer,
            ApiServer api,
            Metrics metrics) {
        this.metrics = metrics;
        this.database = database;
        this.live = live;
        this.tokenChannel = tokenChannel;
        this.seatEvents = seatEvents;
        this.sweeper = sweeper;
        this.answerPurge = answerPurge;
        this.payments = payments;
        this.mailer = mailer;
        this.api = api;
    }

    public static MarqueeServer start(ServerConfig config) {
        Metrics metrics = new Metrics();
        Database database;
        try {
            database = Database.open(config.database(), metrics.registry());
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        try {
            if (config.demoData()) {
                new DemoLoader(database.jdbi()).load(config.demoKiosks());
            }
            var catalog = new CatalogService(new CatalogStore(database.jdbi()));
            var holdStore = new HoldStore(database.jdbi(), database::connectionsWaitedFor);
            // seat maps answer from memory while the seat listener is healthy and nothing changed (decision 0029)
            // -Dmarquee.seatmaps.fromMemory=false: every read asks PostgreSQL, as before 0029 (a switch for operators,
            // and the benchmark's "before")
            var snapshotTrust = Boolean.parseBoolean(System.getProperty("marquee.seatmaps.fromMemory", "true"))
                    ? new SnapshotTrust()
                    : SnapshotTrust.never();
            var live = new LiveSeats(
                    new NotificationChannel(database.jdbi(), () -> database.openDedicated("marquee-seat-listener")),
                    snapshotTrust);
            var unit = new UnitOfWork(database.jdbi());
            // inside a unit of work (an idempotent request), seat maps are told once its transaction has committed
            SeatMapChanges committed = showtimeId -> UnitOfWork.afterCommit(() -> live.changed(showtimeId));
            var audit = new AuditStore(database.jdbi());
            var seatRules = new SeatRules(new TheaterRuleStore(database.jdbi()));
            var seatMaps = new SeatMapService(
                    catalog, new SeatClaimReader(database.jdbi()), Clock.systemUTC(), live, seatRules, snapshotTrust);
            // holds refuse seats the trusted snapshot shows taken by others without asking PostgreSQL (decision 0030);
            // -Dmarquee.holds.refuseFromMemory=false: every refusal asks PostgreSQL (the benchmark's "before")
            var holds = new HoldService(
                    catalog,
                    holdStore,
                    config.holdPolicy(),
                    metrics,
                    committed,
                    seatRules,
                    audit,
                    Boolean.parseBoolean(System.getProperty("marquee.holds.refuseFromMemory", "true"))
                            ? seatMaps
                            : SeatsInMemory.NONE);
            metrics.seatMapReads(seatMaps::readsFromMemory, seatMaps::readsFromDatabase);
            var seatEvents = new SeatEventsHandler(seatMaps, live.start(seatMaps::current), config.sseHeartbeat());
            var orderStore = new OrderStore(database.jdbi());
            var idempotencyStore = new IdempotencyStore(database.jdbi());
            var authenticator = new TerminalAuthenticator(
                    database.jdbi().onDemand(TerminalDao.class),
                    database.jdbi().onDemand(StaffSessionDao.class),
                    new Reads(database.jdbi()));
            var sessions = new SessionService(
                    database.jdbi().onDemand(StaffDao.class),
                    database.jdbi().onDemand(StaffSessionDao.class),
                    authenticator);
            // revoked and replaced tokens stop working at once on every instance (DESIGN §7.2): each listens here, and
            // after any loss of this connection drops its whole cache (DESIGN §10)
            var adminTerminalDao = database.jdbi().onDemand(AdminTerminalDao.class);
            var tokenSync = new TokenChangeSync(
                    authenticator,
                    adminTerminalDao::notifyTokens,
                    () -> adminTerminalDao.listeners(TokenChangeSync.LISTENER_NAME));
            var tokenChannel = new NotificationChannel(
                    "marquee_tokens", database.jdbi(), () -> database.openDedicated(TokenChangeSync.LISTENER_NAME));
            tokenChannel.listenText(
                    tokenSync::received,
                    authenticator::channelListening,
                    authenticator::forgetAll,
                    authenticator::channelLost);
            var tokenChanges = new TokenChanges(authenticator, tokenSync, adminTerminalDao::notifyTokens);
            var secrets = new SecretStore(database.jdbi());
            List<PaymentGateway> providers = gateways(config);
            var gateways = new PaymentGateways(providers);
            // refused card refunds: REFUND_FAILED, retried by the sweeper with backoff (DESIGN §7.3)
            var failedRefunds = new FailedRefunds(
                    unit,
                    new FailedRefundStore(database.jdbi()),
                    gateways,
                    audit,
                    RefundRetryPolicy.of(config.refundRetryBase()));
            var orders = new OrderService(
                    catalog,
                    holds,
                    orderStore,
                    gateways,
                    committed,
                    audit,
                    failedRefunds,
                    config.codeGuesses() == null ? CodeGuessLimit.STANDARD : config.codeGuesses());
            // Ed25519 keys with ids sign new tickets (MQT2); the old HMAC key only checks MQT1 tickets sold before
            var ticketKeys = new TicketKeys(
                            new TicketKeyStore(database.jdbi()),
                            KeySecret.load(System.getenv(), config.database().dataDir()),
                            Clock.systemUTC())
                    .start();
            var views = new OrderViews(catalog, orders, ticketKeys);
            var mailer = config.mailEnabled() ? new ConfirmationMailer(config.mail()) : null;
            Consumer<OrderRecord> mail = order -> {
                if (mailer != null && order.email() != null) {
                    mailer.send(order.email(), views.sheet(order));
                }
            };
            // told after the payment's transaction committed, for the seats now SOLD
            Consumer<OrderRecord> sold = order -> live.changed(order.showtimeId());
            var paymentStore = new PaymentStore(database.jdbi());
            var settlement = new PaymentSettlement(
                    unit, orderStore, paymentStore, gateways, sold.andThen(mail), metrics, failedRefunds);
            var payments =
                    new PaymentService(orders, orderStore, paymentStore, gateways, settlement, config.paymentTimeout());
            var reconciler = new PaymentReconciler(unit, paymentStore, gateways, settlement, failedRefunds);
            var sweeper = new HoldSweeper(
                    holdStore,
                    config.sweepInterval(),
                    () -> {
                        // before lapsed orders are cancelled: a charge taken while the hold was live still sells
                        int settled = reconciler.reconcile();
                        return orderStore.cancelLapsed() + settled;
                    },
                    live);
            var answerPurge = new AnswerPurge(idempotencyStore, config.sweepInterval());
            var drawer = new ShiftStore(database.jdbi());
            var managerReleases = new ManagerReleases(holds, new LiveHoldStore(database.jdbi()), audit);
            var admissions = new AdmissionService(
                    new AdmissionStore(database.jdbi()), ticketKeys, secrets.key("ticket-signing"), Clock.systemUTC());
            var idempotent = new IdempotentRequests(unit, new IdempotencyKeys(idempotencyStore));
            // an admin change to a showtime: cached facts forgotten and live seat maps told, once it has committed
            ShowtimeChanges showtimeChanges = showtimeId -> UnitOfWork.afterCommit(() -> {
                catalog.forget(showtimeId);
                live.changed(showtimeId);
            });
            var cinemaStore = new CinemaStore(database.jdbi());
            var auditoriumStore = new AuditoriumStore(database.jdbi());
            var scheduleStore = new ScheduleStore(database.jdbi());
            ShowtimeCancellations.Notices notices = mailer == null
                    ? ShowtimeCancellations.Notices.NONE
                    : notice ->
                            mailer.sendNotice(notice.email(), notice.bookingCode(), notice.subject(), notice.body());
            var cinema = new CinemaHandlers(
                    new CinemaAdmin(cinemaStore, audit),
                    new AuditoriumAdmin(auditoriumStore, cinemaStore, audit, showtimeChanges));
            var schedule = new ScheduleHandlers(
                    new ScheduleService(scheduleStore, auditoriumStore, cinemaStore, audit, showtimeChanges),
                    new ShowtimeCancellations(
                            scheduleStore,
                            orders,
                            catalog,
                            audit,
                            showtimeChanges,
                            notices,
                            unit,
                            drawer,
                            failedRefunds),
                    idempotent);
            var routes = new ApiRoutes(
                    new HealthHandler(database::ping, version()),
                    new CatalogHandlers(catalog),
                    new SeatMapHandler(seatMaps),
                    seatEvents,
                    new HoldHandlers(holds, managerReleases),
                    new SessionHandlers(sessions),
                    new TerminalHandlers(config.cardTerminal().name()),
                    new OrderHandlers(orders, payments, views, mail, idempotent, drawer),
                    new RefundHandlers(failedRefunds, orders, views, drawer),
                    new WebhookHandler(settlement, new WebhookSignature(secrets.key("payment-webhook"))),
                    new MetricsHandler(metrics),
                    OpenApiHandler.fromSharedModel(),
                    new AuditHandlers(audit),
                    new ReportHandlers(new ReportStore(database.jdbi()), drawer),
                    new ShiftHandlers(drawer),
                    new LiveHoldHandlers(managerReleases),
                    new HouseSeatHandlers(
                            new HouseSeatService(catalog, new HouseSeatStore(database.jdbi()), audit, committed)),
                    cinema,
                    schedule,
                    new TerminalAdminHandlers(
                            new TerminalAdmin(adminTerminalDao, audit, tokenChanges), config.publicUrl()),
                    new StaffAdminHandlers(
                            new StaffAdmin(database.jdbi().onDemand(AdminStaffDao.class), audit, tokenChanges)),
                    idempotent,
                    new TicketKeyHandlers(ticketKeys, audit),
                    new AdmissionHandlers(admissions));
            ApiServer api;
            try {
                api = ApiServer.start(config.host(), config.port(), routes, authenticator, metrics);
            } catch (RuntimeException e) {
                seatEvents.close();
                live.close();
                tokenChannel.close();
                sweeper.close();
                answerPurge.close();
                payments.close();
                if (mailer != null) {
                    mailer.close();
                }
                throw e;
            }
            // payments a crash left unfinished are settled at start, not only at the first sweep
            Thread.ofVirtual().name("payment-reconciler-start").start(() -> {
                try {
                    reconciler.reconcile();
                } catch (RuntimeException e) {
                    log.warn(
                            "event=reconcile_at_start_failed reason={}",
                            e.getClass().getSimpleName());
                }
            });
            log.info(
                    "event=server_started port={} holdTtl={} holdMaxTotal={} demoData={} cardTerminal={}",
                    api.port(),
                    config.holdPolicy().ttl(),
                    config.holdPolicy().maxTotal(),
                    config.demoData(),
                    config.cardTerminal());
            var server = new MarqueeServer(
                    database, live, tokenChannel, seatEvents, sweeper, answerPurge, payments, mailer, api, metrics);
            server.cardTerminal = providers.stream()
                    .filter(SimulatedCardTerminal.class::isInstance)
                    .map(SimulatedCardTerminal.class::cast)
                    .findFirst()
                    .orElse(null);
            return server;
        } catch (RuntimeException e) {
            database.close();
            metrics.close();
            throw e;
        }
    }

    /** Cash always; cards only through a configured card terminal (DESIGN §10: nothing approved by default). */
    private static List<PaymentGateway> gateways(ServerConfig config) {
        return switch (config.cardTerminal()) {
            case SIMULATED ->
                List.of(
                        new CashGateway(),
                        new SimulatedCardTerminal(config.paymentTimeout().multipliedBy(2), config.cardLedger()));
            case NONE -> List.of(new CashGateway());
        };
    }

    /** The simulated card terminal of a server run with {@code --card-terminal simulated}. */
    public java.util.Optional<SimulatedCardTerminal> simulatedCardTerminal() {
        return java.util.Optional.ofNullable(cardTerminal);
    }

    public int port() {
        return api.port();
    }

    /** Every endpoint the API registered, with who may call it. */
    public List<ApiServer.Route> routes() {
        return api.routes();
    }

    /** A run-time setting of the server's database, such as {@code fsync}. */
    public String setting(String name) {
        return database.setting(name);
    }

    static String version() {
        String version = MarqueeServer.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    @Override
    public void close() {
        log.info("event=server_stopping");
        try {
            // open streams first: the HTTP server would otherwise wait for them; their clients reconnect elsewhere
            seatEvents.close();
            api.close();
        } finally {
            try {
                live.close();
                tokenChannel.close();
                sweeper.close();
                answerPurge.close();
                payments.close();
                if (mailer != null) {
                    // queued confirmations go out before the database goes away
                    mailer.close();
                }
            } finally {
                database.close();
                metrics.close();
            }
        }
        log.info("event=server_stopped");
    }
}
