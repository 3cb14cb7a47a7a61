package io.sentral.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** N4: the JSON log layout writes one object per line with the call's MDC (callId, tenant, trunk). */
class JsonLogTest {

    @Test
    void aCallLineIsOneJsonObjectWithTheCallContext() throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/logback-json.xml"));
            context.start();
            context.getMDCAdapter().put("callId", "c-1@127.0.0.2");
            context.getMDCAdapter().put("tenant", "acme");
            context.getMDCAdapter().put("trunk", "acme-pbx");
            context.getLogger("io.sentral.sip.b2bua.B2buaCall").info("call {} answered", "c-1@127.0.0.2");
        } finally {
            context.stop();
            System.setOut(console);
        }
        String line = captured.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).startsWith("{").endsWith("}").doesNotContain("\n")
                .contains("\"level\":\"INFO\"")
                .contains("\"callId\":\"c-1@127.0.0.2\"").contains("\"tenant\":\"acme\"").contains("\"trunk\":\"acme-pbx\"")
                .contains("\"formattedMessage\":\"call c-1@127.0.0.2 answered\"");
    }
}
