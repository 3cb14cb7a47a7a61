package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.sentral.app.web.Http;
import io.sentral.core.number.E164Number;
import io.sentral.core.switchboard.CallTarget;
import io.sentral.core.switchboard.Forwarding;
import io.sentral.core.switchboard.Presentation;
import io.sentral.core.switchboard.QueueName;
import io.sentral.core.switchboard.User;
import io.sentral.core.switchboard.UserId;
import io.sentral.core.tenant.TenantId;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * S1, S6, S7, S9 through the API (N5): a user's extra terminal, forwarding, presented number and
 * calendar feed are written with the user or, by the users themselves, through
 * {@code …/users/{user}/services}; routing's snapshot follows at once; users and operators reach
 * their own services only; bad input is refused naming the field and changes nothing.
 */
class UserServicesApiTest {
    private static final TenantId FJORD = TenantId.of("fjord");
    private static final String USERS = "/api/customers/fjord/users";
    private static final String CAROL = "{\"firstName\":\"Carol\",\"lastName\":\"Berg\",\"department\":\"Support\","
            + "\"extension\":\"103\",\"mobile\":\"+4791000103\",\"directNumber\":\"+4723450103\"";

    @TempDir
    Path dataDir;

    private TestNode node;
    private Http contact;

    @BeforeEach
    void start() {
        node = TestNode.start(dataDir, Clock.systemUTC(), TestNode.Setup.defaults());
        contact = Http.to(node.server.httpPort()).as("fjord-admin", "fjord-admin-secret");
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private User routed(String user) {
        return node.server.tenants().users(FJORD).stream().filter(u -> u.id().value().equals(user)).findFirst()
                .orElseThrow();
    }

    @Test
    void servicesWrittenWithTheUserAreReadBackAndRoutedAtOnce_S7() {
        HttpResponse<String> put = contact.put(USERS + "/carol", CAROL + ",\"extraTerminal\":true,"
                + "\"forwarding\":{\"busy\":{\"queue\":\"Sentralbord\"},\"noAnswer\":{\"user\":\"bob\"},"
                + "\"noAnswerAfterSeconds\":25,\"unreachable\":{\"number\":\"+4791000103\"}},"
                + "\"presentation\":{\"queue\":\"Support\"},\"calendarFeed\":\"https://calendar.example.com/carol.ics\"}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        User carol = routed("carol");
        assertThat(carol.forwarding()).isEqualTo(new Forwarding(Optional.empty(),
                Optional.of(new CallTarget.ToQueue(QueueName.of("Sentralbord"))),
                Optional.of(new CallTarget.ToUser(UserId.of("bob"))), Duration.ofSeconds(25),
                Optional.of(new CallTarget.ToNumber(E164Number.of("+4791000103")))));
        assertThat(carol.extraTerminal()).isTrue();
        assertThat(carol.presentation()).isEqualTo(new Presentation.QueueNumber(QueueName.of("Support")));
        assertThat(carol.calendarFeed()).contains(URI.create("https://calendar.example.com/carol.ics"));
        assertThat(contact.get(USERS + "/carol").body()).contains("\"extraTerminal\":true",
                "\"forwarding\":{\"busy\":{\"queue\":\"Sentralbord\"},\"noAnswer\":{\"user\":\"bob\"},"
                        + "\"noAnswerAfterSeconds\":25,\"unreachable\":{\"number\":\"+4791000103\"}}",
                "\"presentation\":{\"queue\":\"Support\"}",
                "\"calendarFeed\":\"https://calendar.example.com/carol.ics\"");

        assertThat(contact.put(USERS + "/carol", CAROL.replace("Support", "Sales") + "}").statusCode())
                .as("replaced without the services").isEqualTo(200);
        assertThat(routed("carol").forwarding()).as("kept").isEqualTo(carol.forwarding());
        assertThat(routed("carol").presentation()).isEqualTo(carol.presentation());
        assertThat(routed("carol").extraTerminal()).isTrue();
        assertThat(routed("carol").calendarFeed()).isEqualTo(carol.calendarFeed());
        assertThat(routed("carol").department()).isEqualTo("Sales");

        assertThat(contact.put(USERS + "/carol", CAROL + ",\"extraTerminal\":false,\"forwarding\":{},"
                + "\"presentation\":\"own\",\"calendarFeed\":\"\"}").statusCode()).isEqualTo(200);
        assertThat(routed("carol").forwarding()).isEqualTo(Forwarding.NONE);
        assertThat(routed("carol").presentation()).isEqualTo(new Presentation.OwnNumber());
        assertThat(routed("carol").extraTerminal()).isFalse();
        assertThat(routed("carol").calendarFeed()).isEmpty();
    }

    @Test
    void forwardingOnBusyToAQueueThroughSelfServiceIsLiveAtOnce_S7() {
        HttpResponse<String> put = contact.put(USERS + "/carol/services",
                "{\"forwarding\":{\"busy\":{\"queue\":\"Sentralbord\"}}}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).isEqualTo("{\"extraTerminal\":false,\"forwarding\":{\"busy\":{\"queue\":"
                + "\"Sentralbord\"},\"noAnswerAfterSeconds\":20},\"presentation\":\"own\"}");
        assertThat(routed("carol").forwarding().onBusy())
                .contains(new CallTarget.ToQueue(QueueName.of("Sentralbord")));
        assertThat(contact.get(USERS + "/carol/services").body()).isEqualTo(put.body());
        assertThat(Http.to(node.server.httpPort()).as("admin", "admin-secret").get("/api/audit").body())
                .contains("\"account\":\"fjord-admin\"", "PUT /api/customers/fjord/users/carol/services");
    }

    @Test
    void usersAndOperatorsChangeTheirOwnServicesButNotAColleagues_S9() {
        assertThat(contact.put("/api/customers/fjord/accounts/carol-web",
                "{\"role\":\"user\",\"password\":\"carol-web-secret\",\"user\":\"carol\"}").statusCode()).isEqualTo(201);
        Http carol = Http.to(node.server.httpPort()).as("carol-web", "carol-web-secret");
        Http alice = Http.to(node.server.httpPort()).as("alice", "alice-secret");

        HttpResponse<String> own = carol.put(USERS + "/carol/services", "{\"presentation\":\"mobile\"}");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(routed("carol").presentation()).isEqualTo(new Presentation.Mobile());
        assertThat(carol.get(USERS + "/carol/services").body()).contains("\"presentation\":\"mobile\"");

        HttpResponse<String> colleague = carol.put(USERS + "/bob/services", "{\"presentation\":\"mobile\"}");
        assertThat(colleague.statusCode()).isEqualTo(403);
        assertThat(colleague.body()).contains("their own services only");
        assertThat(carol.get(USERS + "/bob/services").statusCode()).isEqualTo(403);
        assertThat(routed("bob").presentation()).isEqualTo(Presentation.DEFAULT);

        assertThat(alice.put(USERS + "/alice/services", "{\"extraTerminal\":true,\"presentation\":\"main\"}")
                .statusCode()).isEqualTo(200);
        assertThat(routed("alice").extraTerminal()).isTrue();
        assertThat(routed("alice").presentation()).isEqualTo(new Presentation.MainNumber());
        assertThat(alice.put(USERS + "/carol/services", "{\"presentation\":\"own\"}").statusCode()).isEqualTo(403);
        assertThat(routed("carol").presentation()).isEqualTo(new Presentation.Mobile());

        Http noc = Http.to(node.server.httpPort()).as("noc", "noc-secret");
        assertThat(noc.get(USERS + "/carol/services").statusCode()).isEqualTo(200);
        assertThat(noc.put(USERS + "/carol/services", "{\"presentation\":\"own\"}").statusCode()).isEqualTo(403);
        assertThat(Http.to(node.server.httpPort()).as("admin", "admin-secret")
                .put(USERS + "/carol/services", "{\"presentation\":\"own\"}").statusCode()).isEqualTo(200);
        assertThat(contact.get("/api/customers/acme/users/carol/services").statusCode())
                .as("another customer's").isEqualTo(404);
    }

    @Test
    void badServicesAreRefusedNamingTheFieldAndNothingChanges() {
        String before = contact.get(USERS).body();
        Map<String, String> refused = Map.ofEntries(
                Map.entry("{\"forwarding\":{\"busy\":{\"queue\":\"X\"}}}",
                        "field 'forwarding.busy': unknown queue 'X'"),
                Map.entry("{\"forwarding\":{\"busy\":{\"queue\":\"Support\",\"user\":\"bob\"}}}",
                        "field 'forwarding.busy': give exactly one of queue, user or number"),
                Map.entry("{\"forwarding\":{\"always\":{}}}",
                        "field 'forwarding.always': give exactly one of queue, user or number"),
                Map.entry("{\"forwarding\":{\"noAnswer\":{\"user\":\"carol\"}}}",
                        "field 'forwarding.noAnswer': a user cannot forward to itself"),
                Map.entry("{\"forwarding\":{\"unreachable\":{\"user\":\"zed\"}}}",
                        "field 'forwarding.unreachable': unknown user 'zed'"),
                Map.entry("{\"forwarding\":{\"busy\":{\"number\":\"12345\"}}}",
                        "field 'forwarding.busy.number': "),
                Map.entry("{\"forwarding\":{\"busy\":{\"queue\":\"!\"}}}",
                        "field 'forwarding.busy.queue': invalid queue name"),
                Map.entry("{\"forwarding\":{\"busy\":\"Support\"}}",
                        "field 'forwarding.busy': expected an object"),
                Map.entry("{\"forwarding\":{\"busy\":{\"queue\":\"Support\",\"trunk\":\"x\"}}}",
                        "unknown field 'forwarding.busy.trunk' (expected one of: number, queue, user)"),
                Map.entry("{\"forwarding\":{\"sometimes\":{\"queue\":\"Support\"}}}",
                        "unknown field 'forwarding.sometimes'"),
                Map.entry("{\"forwarding\":{\"noAnswerAfterSeconds\":0}}",
                        "field 'forwarding.noAnswerAfterSeconds': 0 is outside 1-86400"),
                Map.entry("{\"forwarding\":{\"noAnswerAfterSeconds\":\"20\"}}",
                        "field 'forwarding.noAnswerAfterSeconds': expected a whole number"),
                Map.entry("{\"presentation\":\"boss\"}",
                        "field 'presentation': 'boss' (expected own, main, mobile or {\\\"queue\\\": \\\"<name>\\\"})"),
                Map.entry("{\"presentation\":5}", "field 'presentation': '5'"),
                Map.entry("{\"presentation\":{\"queue\":\"X\"}}", "field 'presentation': unknown queue 'X'"),
                Map.entry("{\"presentation\":{\"number\":\"+4723450000\"}}",
                        "field 'presentation': an object names one queue"),
                Map.entry("{\"extraTerminal\":\"yes\"}", "field 'extraTerminal': expected true or false"),
                Map.entry("{\"extraTerminal\":1}", "field 'extraTerminal': expected true or false"),
                Map.entry("{\"calendarFeed\":\"https://x.example/c.ics\"}", "unknown field 'calendarFeed'"),
                Map.entry("{\"presentation\":", "malformed JSON"),
                Map.entry("[]", "expected"));
        refused.forEach((body, problem) -> {
            HttpResponse<String> answer = contact.put(USERS + "/carol/services", body);
            assertThat(answer.statusCode()).as(body + " → " + answer.body()).isEqualTo(400);
            assertThat(answer.body()).as(body).contains(problem);
        });

        HttpResponse<String> badUser = contact.put(USERS + "/carol", CAROL
                + ",\"forwarding\":{\"busy\":{\"queue\":\"X\"}}}");
        assertThat(badUser.statusCode()).isEqualTo(400);
        assertThat(badUser.body()).contains("field 'forwarding.busy': unknown queue 'X'");
        String noMobile = CAROL.replace(",\"mobile\":\"+4791000103\"", "");
        assertThat(contact.put(USERS + "/carol", noMobile + ",\"extraTerminal\":true}").body())
                .contains("field 'extraTerminal': the mobile rings in parallel, but the user has no mobile");
        assertThat(contact.put(USERS + "/carol", noMobile + ",\"presentation\":\"mobile\"}").body())
                .contains("field 'presentation': the user has no mobile to present");
        assertThat(contact.put(USERS + "/carol", CAROL + ",\"calendarFeed\":\"ftp://x.example/c.ics\"}").body())
                .contains("field 'calendarFeed': not an http, https or file URL");
        HttpResponse<String> file = contact.put(USERS + "/carol", CAROL + ",\"calendarFeed\":\"file:///etc/passwd\"}");
        assertThat(file.statusCode()).as("a file on the node is the operator's").isEqualTo(403);
        assertThat(file.body()).contains("field 'calendarFeed'");

        assertThat(contact.get(USERS).body()).as("nothing stored").isEqualTo(before);
        User carol = routed("carol");
        assertThat(carol.forwarding()).isEqualTo(Forwarding.NONE);
        assertThat(carol.presentation()).isEqualTo(Presentation.DEFAULT);
        assertThat(carol.calendarFeed()).isEmpty();
        assertThat(carol.extraTerminal()).isFalse();
    }
}
