package io.sentral.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.sentral.api.HttpServer;
import io.sentral.api.OperationsRoutes;
import io.sentral.app.calendar.CalendarSync;
import io.sentral.app.switchboard.QueueMetrics;
import io.sentral.app.switchboard.QueueRuntime;
import io.sentral.config.SentralConfig;
import io.sentral.config.SipSettings;
import io.sentral.core.call.CallControl;
import io.sentral.core.call.CallEventListener;
import io.sentral.core.trace.TraceBook;
import io.sentral.sip.security.SourceBlocker;
import io.micrometer.core.instrument.FunctionCounter;
import io.sentral.api.TraceRoutes;
import io.sentral.api.ApiRoute;
import io.sentral.api.DirectoryRoutes;
import io.sentral.api.ApiException;
import io.sentral.api.UserRoutes;
import io.sentral.api.UserServiceRoutes;
import io.sentral.api.OperatorAccountRoutes;
import io.sentral.app.web.OperatorAccountStore;
import io.sentral.api.Provisioning;
import io.sentral.api.QueueLogRoutes;
import io.sentral.api.CdrRoutes;
import io.sentral.api.CustomerRoutes;
import io.sentral.api.EmergencyAddressRoutes;
import io.sentral.api.QueueRoutes;
import io.sentral.api.TrunkRoutes;
import io.sentral.api.AccountRoutes;
import io.sentral.storage.JdbcAccountStore;
import io.sentral.storage.JdbcApiTokens;
import io.sentral.api.CallerInfoRoutes;
import io.sentral.app.callerinfo.CallerInfoService;
import io.sentral.routing.CallCategorizer;
import io.sentral.config.ConfigLoader;
import io.sentral.api.UserLogRoutes;
import io.sentral.storage.JdbcUserCallLog;
import io.sentral.app.switchboard.UserCallRecorder;
import io.sentral.storage.JdbcQueueHistory;
import io.sentral.app.switchboard.QueueHistoryRecorder;
import io.sentral.storage.ProvisioningConflictException;
import io.sentral.app.switchboard.UserActivity;
import io.sentral.core.billing.Tariff;
import java.util.ArrayList;
import io.sentral.app.web.WebApi;
import io.sentral.core.call.CallRecordStore;
import io.sentral.core.emergency.EmergencyAddressStore;
import io.sentral.core.number.Country;
import io.sentral.core.switchboard.AbsenceStore;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.core.tenant.Transport;
import io.sentral.routing.DefaultCallRouter;
import io.sentral.routing.NumberPlan;
import io.sentral.routing.RoutingServices;
import io.sentral.routing.TrunkCapacity;
import io.sentral.sip.SipEdge;
import io.sentral.sip.SipEdgeServices;
import io.sentral.sip.gateway.GatewayStatusBoard;
import io.sentral.sip.registrar.LocationService;
import io.sentral.sip.tls.TlsKeystore;
import io.sentral.storage.Database;
import io.sentral.storage.JdbcAbsenceStore;
import io.sentral.storage.JdbcCallRecordStore;
import io.sentral.storage.JdbcEmergencyAddressStore;
import io.sentral.storage.JdbcRegistrationStore;
import io.sentral.storage.JdbcTenantStore;
import io.sentral.storage.Provisioner;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Sentral node, wired by constructors: database (migrated), provisioning from the config,
 * tenant snapshot, registrar location service, router and SIP edge. {@link #close()} stops them in
 * reverse order, draining queued call records.
 */
public final class SentralServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SentralServer.class);
    /** How often agents' presence, VIP lists and queues are re-read besides on every REGISTER and join. */
    private static final Duration QUEUE_SYNC_INTERVAL = Duration.ofSeconds(1);
    private static final Duration CALENDAR_SYNC_INTERVAL = Duration.ofMinutes(5);

    private final SentralConfig config;
    private final Clock clock;
    private final UnaryOperator<EmergencyAddressStore> addressStore;
    private final AtomicReference<TenantSnapshot> tenants = new AtomicReference<>(TenantSnapshot.empty());
    private final PrometheusMeterRegistry meters = JvmMeters.registry();
    private Database database;
    private JdbcCallRecordStore callRecords;
    private CallEventWriter events;
    private LocationService location;
    private SipEdge sip;
    private ScheduledExecutorService housekeeping;
    private JdbcAbsenceStore absences;
    private ScheduledExecutorService switchboardLane;
    private QueueRuntime queues;
    private ScheduledExecutorService calendarScheduler;
    private CalendarSync calendarSync;
    private CallerInfoService callerInfo;
    private HttpServer http;
    private Tracing tracing;
    private Provisioner provisioner;
    private MonthlySpend spend;
    private Billing billing;
    private JdbcQueueHistory queueHistory;
    private JdbcUserCallLog userCalls;
    private QueueHistoryRecorder queueRecorder;
    private WebApi api;

    public SentralServer(SentralConfig config, Clock clock) {
        this(config, clock, UnaryOperator.identity());
    }

    /**
     * @param addressStore wraps the emergency address store; tests use it to make the store fail
     */
    SentralServer(SentralConfig config, Clock clock, UnaryOperator<EmergencyAddressStore> addressStore) {
        this.config = config;
        this.clock = clock;
        this.addressStore = addressStore;
    }

    public synchronized SentralServer start() {
        // R2: a bad tariff file stops the node before it opens anything, naming the file and YAML path
        Tariff tariff = ConfigLoader.ignoringEnvironment().tariff(config.node());
        database = Database.open(config.node().database(), config.node().dataDir());
        JdbcTenantStore tenantStore = new JdbcTenantStore(database);
        provisioner = new Provisioner(database, clock, new SecureRandom());
        provisioner.addListener(tenantStore);
        JdbcEmergencyAddressStore emergencyAddresses = new JdbcEmergencyAddressStore(database);
        provisioner.addListener(emergencyAddresses);
        absences = new JdbcAbsenceStore(database);
        provisioner.addListener(absences);
        tenantStore.subscribe(tenants::set);
        provisioner.provision(config, "config");
        tenantStore.reload();
        callRecords = new JdbcCallRecordStore(database);
        queueHistory = new JdbcQueueHistory(database);
        userCalls = new JdbcUserCallLog(database);
        // the users' logs come after the call record, on the same writer thread (S12)
        UserCallRecorder userCallRecorder = new UserCallRecorder(userCalls, queueHistory, tenants::get);
        events = new CallEventWriter(List.of(callRecords, userCallRecorder));
        location = new LocationService(new JdbcRegistrationStore(database), clock);
        GatewayStatusBoard gatewayStatus = new GatewayStatusBoard();
        config.gateways().forEach(g -> Gauge.builder("sentral.gateway.up", gatewayStatus, b -> b.isUp(g.name()) ? 1 : 0)
                .description("1 while the gateway answers its OPTIONS pings").tag("gateway", g.name())
                .register(meters));
        TrunkCapacity capacity = new TrunkCapacity(clock);
        // R2/T8: calls rated by the tariff; the monthly cost limit reads their sum from memory
        billing = new Billing(callRecords, new CallCategorizer(new NumberPlan(config.numberPlan())),
                tariff, tenants::get);
        spend = new MonthlySpend(billing, tenants::get, clock);
        spend.refresh();
        DefaultCallRouter router = new DefaultCallRouter(tenants::get, location, config.gateways(),
                config.node().sip().domain(), Country.NO, new RoutingServices(new NumberPlan(config.numberPlan()),
                capacity, spend, gatewayStatus, clock, RoutingServices.sharedRandom()), absences);
        // channels are given back on the call's own lane at once; records are written behind it
        CallMetrics callMetrics = new CallMetrics(meters);
        callMetrics.watchTrunks(tenants.get(), location, config.node().sip().domain());
        callMetrics.watchEmergencyCoverage(tenants.get());
        tenantStore.subscribe(snapshot -> {
            callMetrics.watchTrunks(snapshot, location, config.node().sip().domain());
            callMetrics.watchEmergencyCoverage(snapshot);
        });
        tracing = Tracing.start(config.node().tracing(), meters);
        CallEventListener callEvents = event -> {
            capacity.onEvent(event);
            callMetrics.onEvent(event);
            tracing.book().onEvent(event);
            events.onEvent(event);
        };
        SipSettings sipSettings = config.node().sip();
        switchboardLane = daemonScheduler("switchboard");
        QueueMetrics queueMetrics = new QueueMetrics(meters);
        queueRecorder = new QueueHistoryRecorder(queueHistory);
        queues = new QueueRuntime(tenants::get, sipSettings.domain(), location, absences, () -> sip.queueControl(),
                (tenant, event) -> {
                    queueMetrics.onQueueEvent(tenant, event);
                    queueRecorder.onQueueEvent(tenant, event);
                    userCallRecorder.onQueueEvent(tenant, event);
                }, switchboardLane, clock);
        // an agent is logged in or out the moment a REGISTER changes its devices (S5)
        location.addListener(aor -> queues.syncNow());
        Optional<TlsKeystore> tls = sipSettings.transports().contains(Transport.TLS)
                ? Optional.of(SelfSignedCertificate.ensure(config.node().dataDir().resolve("tls"), sipSettings.domain(),
                sipSettings.listenAddress(), clock))
                : Optional.empty();
        UserActivity activity = new UserActivity(queues);
        sip = new SipEdge(sipSettings, tls,
                new SipEdgeServices(tenants::get, config.gateways(), router, location, callEvents,
                        new PolicyEventRecorder(meters), addressStore.apply(emergencyAddresses), gatewayStatus, clock,
                        router, activity, new SignallingMetrics(meters), tracing.taps()));
        Gauge.builder("sentral.blocked.sources", sip.blocker(), SourceBlocker::blockedSources)
                .description("source addresses blocked now for failing authentication").register(meters);
        FunctionCounter.builder("sentral.blocked.requests", sip.blocker(), SourceBlocker::droppedRequests)
                .description("requests dropped because their source address is blocked").register(meters);
        sip.start();
        queues.start(QUEUE_SYNC_INTERVAL);
        calendarScheduler = daemonScheduler("calendar-sync");
        calendarSync = new CalendarSync(tenants::get, absences, calendarScheduler, clock, CALENDAR_SYNC_INTERVAL)
                .start();
        List<ApiRoute> features = new ArrayList<>(new TraceRoutes(tracing.book(),
                trunk -> tenants.get().trunks().stream().anyMatch(t -> t.id().equals(trunk))).routes());
        features.addAll(new DirectoryRoutes(tenants::get, absences,
                user -> !location.contactsOf(user.id().value() + "@" + sipSettings.domain()).isEmpty(),
                activity::busy, clock).routes());
        features.addAll(new QueueLogRoutes(tenants::get, queueHistory, clock).routes());
        features.addAll(new CdrRoutes(tenants::get, billing::rated, clock).routes());
        callerInfo = CallerInfoService.create(tenants::get, config.node().callerLookup(), meters);
        features.addAll(new CallerInfoRoutes(tenants::get, callerInfo::lookup).routes());
        features.addAll(new UserLogRoutes(tenants::get, userCalls, callerInfo::lookup, clock).routes());
        Provisioning viaApi = (customer, author) -> {
            try {
                provisioner.apply(customer, "api:" + author);
            } catch (ProvisioningConflictException e) {
                throw ApiException.conflict(e.getMessage());
            }
        };
        features.addAll(new UserRoutes(tenants::get, viaApi, sipSettings.domain()).routes());
        features.addAll(new UserServiceRoutes(tenants::get, viaApi).routes());
        features.addAll(new EmergencyAddressRoutes(tenants::get, emergencyAddresses, viaApi).routes());
        features.addAll(new QueueRoutes(tenants::get, viaApi).routes());
        features.addAll(new TrunkRoutes(tenants::get, viaApi, sipSettings.domain()).routes());
        JdbcAccountStore accounts = new JdbcAccountStore(database);
        JdbcApiTokens tokens = new JdbcApiTokens(database, clock, new SecureRandom());
        features.addAll(new AccountRoutes(tenants::get, viaApi, name -> accounts.find(name).isPresent(),
                tokens::revokeAll).routes());
        features.addAll(new CustomerRoutes(tenants::get, viaApi,
                (tenant, author) -> provisioner.remove(tenant, "api:" + author), tokens::revokeAll).routes());
        features.addAll(new OperatorAccountRoutes(new OperatorAccountStore(provisioner, tenantStore, accounts,
                tokens)).routes());
        api = WebApi.create(database, clock, new SecureRandom(), features);
        http = new HttpServer(config.node().http(), new OperationsRoutes(meters::scrape, this::health),
                api.routes()).start();
        housekeeping = daemonScheduler("housekeeping");
        housekeeping.scheduleWithFixedDelay(this::purgeExpiredRegistrations, 60, 60, TimeUnit.SECONDS);
        Retention retention = new Retention(queueHistory, userCalls, tenants::get, clock);
        housekeeping.scheduleWithFixedDelay(retention::run, 5, Duration.ofHours(1).toSeconds(), TimeUnit.SECONDS);
        housekeeping.scheduleWithFixedDelay(spend::refresh, 60, 60, TimeUnit.SECONDS);
        // the queue board gauges show the boards as of at most a second ago (S14)
        housekeeping.scheduleWithFixedDelay(() -> queues.boards().thenAccept(queueMetrics::refresh), 0, 1,
                TimeUnit.SECONDS);
        LOG.info("Sentral started: SIP {}:{}, HTTP {}:{}, {} customer(s), data in {}",
                config.node().sip().listenAddress(), sip.port(), config.node().http().listenAddress(), http.port(),
                tenants.get().customers().size(), config.node().dataDir().toAbsolutePath());
        return this;
    }

    private static ScheduledExecutorService daemonScheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    private void purgeExpiredRegistrations() {
        try {
            int purged = location.purgeExpired();
            if (purged > 0) {
                LOG.info("purged {} expired registration(s)", purged);
            }
        } catch (RuntimeException e) {
            LOG.warn("purging expired registrations failed", e);
        }
    }

    /** {@code /health}: up while the SIP edge listens and the database answers. */
    private OperationsRoutes.Health health() {
        String sipState = "SIP " + config.node().sip().listenAddress() + ":" + sip.port() + ", "
                + sip.activeCalls() + " call(s) in progress, " + location.registeredCount() + " registered";
        try {
            database.ping();
            return new OperationsRoutes.Health(true, sipState + ", database ok");
        } catch (RuntimeException e) {
            return new OperationsRoutes.Health(false, sipState + ", database unreachable: " + e.getMessage());
        }
    }

    /** The HTTP port in use (DEMO.md: 8080; 0 in the config picks a free one). */
    public int httpPort() {
        return http.port();
    }

    /** The SIP port in use. */
    public int sipPort() {
        return sip.port();
    }

    /** The SIP TLS port in use, 0 without TLS. */
    public int sipTlsPort() {
        return sip.tlsPort();
    }

    /** The metrics registry (served as Prometheus text by the HTTP API). */
    public PrometheusMeterRegistry meters() {
        return meters;
    }

    public CallRecordStore callRecords() {
        return callRecords;
    }

    /** What customers with a monthly cost limit spent this month (T8), for tests. */
    MonthlySpend monthlySpend() {
        return spend;
    }

    /** Users' absences (S6): manual markings and calendar imports. */
    public AbsenceStore absences() {
        return absences;
    }

    /** Server-side commands on live calls (S8), for the web switchboard. */
    /** Every API route served (for the authorization matrix and the API document's test). */
    public java.util.List<io.sentral.api.ApiRoute> apiRoutes() {
        return api.routes().routes();
    }

    /** The database product the node runs on (H2 or PostgreSQL). */
    public String databaseProduct() {
        return database.productName();
    }

    /** Where customer data is changed (N5): the YAML at start-up and the API use the same one. */
    public Provisioner provisioner() {
        return provisioner;
    }

    /** SIP trace on demand (N3): switch trunks and numbers on and off, read traced calls. */
    public TraceBook traces() {
        return tracing.book();
    }

    public CallControl callControl() {
        return sip.callControl();
    }

    /** The queues at run time (S2-S5): boards for the NOC and the web switchboard. */
    public QueueRuntime queues() {
        return queues;
    }

    public TenantSnapshot tenants() {
        return tenants.get();
    }

    @Override
    public synchronized void close() {
        if (http != null) {
            http.close();
        }
        if (housekeeping != null) {
            housekeeping.shutdownNow();
        }
        if (calendarSync != null) {
            calendarSync.close();
            calendarScheduler.shutdownNow();
        }
        if (callerInfo != null) {
            callerInfo.close();
        }
        if (queues != null) {
            queues.close();
            switchboardLane.shutdownNow();
        }
        if (queueRecorder != null) {
            queueRecorder.close();
        }
        if (sip != null) {
            sip.close();
        }
        if (tracing != null) {
            tracing.close();
        }
        if (events != null) {
            events.close();
        }
        if (database != null) {
            database.close();
        }
        LOG.info("Sentral stopped");
    }
}
