package io.sentral.app.calendar;

import static io.sentral.app.calendar.CalendarParserTest.calendar;
import static io.sentral.app.calendar.CalendarParserTest.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.sun.net.httpserver.HttpServer;
import io.sentral.core.number.Country;
import io.sentral.core.number.E164Number;
import io.sentral.core.number.NumberRange;
import io.sentral.core.provisioning.CustomerProvisioning;
import io.sentral.core.switchboard.Absence;
import io.sentral.core.switchboard.AbsenceReason;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.Customer;
import io.sentral.core.tenant.DigestCredentials;
import io.sentral.core.tenant.RangeAssignment;
import io.sentral.core.tenant.TenantId;
import io.sentral.core.tenant.TenantSnapshot;
import io.sentral.testkit.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@link CalendarSync} against real feeds: a local HTTP server (port 0) and a file, the users of a
 * tenant snapshot, an in-memory absence store. Time is a {@link MutableClock}; the scheduled test
 * waits by polling, never by sleeping.
 */
class CalendarSyncTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final UserId ALICE = UserId.of("alice");
    private static final UserId BOB = UserId.of("bob");
    private static final UserId CAROL = UserId.of("carol");

    /** What the server answers per path: status and body. */
    private final Map<String, Map.Entry<Integer, String>> answers = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);
    private final MemoryAbsences absences = new MemoryAbsences();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final AtomicReference<TenantSnapshot> tenants = new AtomicReference<>();
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final ExecutorService serverThreads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @TempDir
    Path dir;
    private HttpServer server;
    private Path bobsFile;
    private URI alicesFeed;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            if (exchange.getRequestURI().getPath().equals("/hang.ics")) {
                awaitRelease();
            }
            Map.Entry<Integer, String> answer = answers.getOrDefault(exchange.getRequestURI().getPath(),
                    Map.entry(404, "not found"));
            byte[] body = answer.getValue().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(answer.getKey(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.setExecutor(serverThreads);
        server.start();
        alicesFeed = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/alice.ics?token=s3cret");
        bobsFile = dir.resolve("bob.ics");
        setFeeds(Optional.of(alicesFeed), Optional.of(bobsFile.toUri()));
        Logger logger = (Logger) LoggerFactory.getLogger(CalendarSync.class);
        log.start();
        logger.addAppender(log);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger(CalendarSync.class)).detachAppender(log);
        release.countDown();
        scheduler.shutdownNow();
        server.stop(0);
        serverThreads.shutdownNow();
    }

    private void awaitRelease() {
        try {
            release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static User user(UserId id, String extension, Optional<URI> feed) {
        return new User(FJORD, id, id.value(), "", "", extension,
                DigestCredentials.fromPassword(id.value(), "sentral.test", "secret"), Optional.empty(),
                Optional.empty(), false, Forwarding.NONE, Presentation.DEFAULT, feed);
    }

    private void setFeeds(Optional<URI> alice, Optional<URI> bob) {
        Customer fjord = new Customer(FJORD, "Fjord AS", Country.NO);
        tenants.set(TenantSnapshot.of(List.of(new CustomerProvisioning(fjord, List.of(),
                List.of(new RangeAssignment(FJORD, NumberRange.of("+4723450000", "+4723450199"), Optional.empty())),
                List.of(), Optional.empty(), List.of(), List.of(user(ALICE, "101", alice), user(BOB, "102", bob),
                user(CAROL, "103", Optional.empty())), List.of(), List.of(), Set.of(), List.of()))));
    }

    private CalendarSync sync(Duration interval, Duration timeout) {
        return new CalendarSync(tenants::get, absences, scheduler, clock, interval, timeout);
    }

    private void serve(String path, int status, String body) {
        answers.put(path, Map.entry(status, body));
    }

    private static Absence busy(UserId user, AbsenceReason reason, String start, String end) {
        return new Absence(user, reason, Instant.parse(start), Optional.of(Instant.parse(end)), Optional.empty(),
                Absence.Source.CALENDAR);
    }

    private static final String ALICES_CALENDAR = calendar(
            event("DTSTART;TZID=Europe/Oslo:20260302T090000", "DTEND;TZID=Europe/Oslo:20260302T100000",
                    "SUMMARY:Salgsmøte"),
            event("DTSTART:20260420T090000Z", "DTEND:20260420T100000Z", "SUMMARY:Far ahead"));
    private static final Absence ALICES_MEETING = busy(ALICE, AbsenceReason.MEETING, "2026-03-02T08:00:00Z",
            "2026-03-02T09:00:00Z");
    private static final Absence ALICES_FAR_MEETING = busy(ALICE, AbsenceReason.MEETING, "2026-04-20T09:00:00Z",
            "2026-04-20T10:00:00Z");
    private static final Absence BOBS_VACATION = busy(BOB, AbsenceReason.VACATION, "2026-03-08T23:00:00Z",
            "2026-03-13T23:00:00Z");

    private List<String> warnings() {
        return log.list.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage)
                .toList();
    }

    @Test
    void httpAndFileFeedsBecomeCalendarAbsencesNextToManualOnes() throws IOException {
        serve("/alice.ics", 200, ALICES_CALENDAR);
        Files.writeString(bobsFile, calendar(event("DTSTART;VALUE=DATE:20260309", "DTEND;VALUE=DATE:20260314",
                "SUMMARY:Vinterferie")));
        Absence lunch = new Absence(ALICE, AbsenceReason.LUNCH, Instant.parse("2026-03-01T11:00:00Z"),
                Optional.of(Instant.parse("2026-03-01T11:30:00Z")), Optional.of(E164Number.of("+4791000101")),
                Absence.Source.MANUAL);
        absences.add(lunch);

        try (CalendarSync sync = sync(Duration.ofMinutes(5), Duration.ofSeconds(5))) {
            sync.syncAll();
            assertThat(absences.absencesOf(ALICE)).as("30 days ahead at most").containsExactly(lunch, ALICES_MEETING);
            assertThat(absences.absencesOf(BOB)).containsExactly(BOBS_VACATION);
            assertThat(absences.absencesOf(CAROL)).isEmpty();
            assertThat(warnings()).isEmpty();

            clock.advance(Duration.ofDays(21));
            sync.syncAll();
            assertThat(absences.absencesOf(ALICE)).as("a day back, 30 days ahead of the clock")
                    .containsExactly(lunch, ALICES_FAR_MEETING);
            assertThat(absences.absencesOf(BOB)).isEmpty();
        }
    }

    @Test
    void aFailingOrMalformedFeedIsLoggedAndKeepsThePreviousAbsences() throws IOException {
        serve("/alice.ics", 200, ALICES_CALENDAR);
        Files.writeString(bobsFile, calendar(event("DTSTART;VALUE=DATE:20260309", "DTEND;VALUE=DATE:20260314",
                "SUMMARY:Ferie")));
        try (CalendarSync sync = sync(Duration.ofMinutes(5), Duration.ofSeconds(5))) {
            sync.syncAll();

            serve("/alice.ics", 500, "Internal Server Error");
            Files.writeString(bobsFile, "<html><body>Sign in</body></html>");
            sync.syncAll();
            assertThat(absences.absencesOf(ALICE)).containsExactly(ALICES_MEETING);
            assertThat(absences.absencesOf(BOB)).containsExactly(BOBS_VACATION);
            String shownAlice = "http://127.0.0.1:" + server.getAddress().getPort() + "/alice.ics";
            assertThat(warnings()).containsExactly(
                    "calendar feed of user alice at " + shownAlice + " not synced, previous absences kept:"
                            + " HTTP status 500",
                    "calendar feed of user bob at file://" + bobsFile.toUri().getRawPath() + " not synced, previous"
                            + " absences kept: not an iCalendar feed: line 1: not a content line:"
                            + " '<html><body>Sign in</body></html>'");
            assertThat(warnings()).noneMatch(w -> w.contains("s3cret"));

            serve("/alice.ics", 200, ALICES_CALENDAR.substring(0, ALICES_CALENDAR.indexOf("END:VCALENDAR")));
            Files.delete(bobsFile);
            sync.syncAll();
            assertThat(absences.absencesOf(ALICE)).containsExactly(ALICES_MEETING);
            assertThat(absences.absencesOf(BOB)).containsExactly(BOBS_VACATION);
            assertThat(warnings()).hasSize(4);
            assertThat(warnings().get(2)).endsWith("not an iCalendar feed: line 15: the feed ends inside VCALENDAR");
            assertThat(warnings().get(3)).isEqualTo("calendar feed of user bob at file://" + bobsFile.toUri().getRawPath()
                    + " not synced, previous absences kept: no such file");

            serve("/alice.ics", 200, calendar());
            sync.syncAll();
            assertThat(absences.absencesOf(ALICE)).as("an empty calendar clears").isEmpty();
            assertThat(log.list).anyMatch(e -> e.getLevel() == Level.INFO
                    && e.getFormattedMessage().equals("calendar feed of user alice at " + shownAlice + " is read again"));
        }
    }

    @Test
    void aFeedThatDoesNotAnswerInTimeFailsWithoutHoldingUpTheOthers() throws IOException {
        setFeeds(Optional.of(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/hang.ics")),
                Optional.of(bobsFile.toUri()));
        Files.writeString(bobsFile, calendar(event("DTSTART;VALUE=DATE:20260309", "DTEND;VALUE=DATE:20260314",
                "SUMMARY:Ferie")));
        try (CalendarSync sync = sync(Duration.ofMinutes(5), Duration.ofMillis(300))) {
            long started = System.nanoTime();
            sync.syncAll();
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(absences.absencesOf(BOB)).containsExactly(BOBS_VACATION);
        assertThat(absences.absencesOf(ALICE)).isEmpty();
        assertThat(warnings()).singleElement().asString().startsWith("calendar feed of user alice at http://127.0.0.1:")
                .contains("/hang.ics not synced");
    }

    @Test
    void anOversizedFeedIsRefused() throws IOException {
        String huge = calendar(event("DTSTART:20260302T090000Z", "DURATION:PT1H",
                "DESCRIPTION:" + "x".repeat(FeedReader.MAX_BYTES))).replace("\r\n ", "");
        serve("/alice.ics", 200, huge);
        Files.writeString(bobsFile, huge);
        try (CalendarSync sync = sync(Duration.ofMinutes(5), Duration.ofSeconds(10))) {
            sync.syncAll();
        }
        assertThat(absences.absencesOf(ALICE)).isEmpty();
        assertThat(absences.absencesOf(BOB)).isEmpty();
        assertThat(warnings()).hasSize(2).allSatisfy(w -> assertThat(w).endsWith("larger than 5242880 bytes"));
    }

    @Test
    void aRemovedFeedTakesTheCalendarAbsencesWithIt() {
        serve("/alice.ics", 200, ALICES_CALENDAR);
        try (CalendarSync sync = sync(Duration.ofMinutes(5), Duration.ofSeconds(5))) {
            sync.syncAll();
            assertThat(absences.absencesOf(ALICE)).containsExactly(ALICES_MEETING);
            setFeeds(Optional.empty(), Optional.empty());
            int replaced = absences.replacements.get();
            sync.syncAll();
            assertThat(absences.absencesOf(ALICE)).isEmpty();
            assertThat(absences.replacements.get()).as("only alice had calendar absences").isEqualTo(replaced + 1);
        }
    }

    @Test
    void startSyncsAtOnceAndThenEveryInterval() {
        serve("/alice.ics", 200, ALICES_CALENDAR);
        try (CalendarSync sync = sync(Duration.ofMillis(50), Duration.ofSeconds(5)).start()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> absences.absencesOf(ALICE).contains(ALICES_MEETING));
            await().atMost(Duration.ofSeconds(10)).until(() -> requests.get() >= 3);
        }
    }
}
