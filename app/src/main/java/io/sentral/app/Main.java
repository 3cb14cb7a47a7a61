package io.sentral.app;

import io.sentral.config.ConfigException;
import io.sentral.config.ConfigLoader;
import io.sentral.config.NodeSettings;
import io.sentral.config.SentralConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a Sentral node: the demo deployment without arguments, else the YAML of {@code --config}.
 * Exit codes: 0 after a clean shutdown, 2 for a bad command line or configuration, 1 when the node
 * cannot start (e.g. its port is taken).
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int code = run(List.of(args), System.out, System.err);
        if (code != 0) {
            System.exit(code);
        }
    }

    static int run(List<String> args, PrintStream out, PrintStream err) {
        CommandLine command;
        try {
            command = CommandLine.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("sentral: " + e.getMessage());
            err.print(CommandLine.USAGE);
            return 2;
        }
        if (command.help()) {
            out.print(CommandLine.USAGE);
            return 0;
        }
        SentralConfig config;
        try {
            config = withDataDir(load(command), command);
        } catch (ConfigException e) {
            err.println("sentral: configuration error: " + e.getMessage());
            return 2;
        }
        SentralServer server = new SentralServer(config, Clock.systemUTC());
        try {
            server.start();
        } catch (ConfigException e) {
            err.println("sentral: configuration error: " + e.getMessage());
            server.close();
            return 2;
        } catch (RuntimeException e) {
            err.println("sentral: cannot start: " + e.getMessage());
            server.close();
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    static SentralConfig load(CommandLine command) {
        ConfigLoader loader = ConfigLoader.withSystemEnvironment();
        return command.config().isPresent()
                ? loader.load(command.config().get())
                : loader.loadResource(ConfigLoader.DEMO_RESOURCE);
    }

    private static SentralConfig withDataDir(SentralConfig config, CommandLine command) {
        if (command.dataDir().isEmpty()) {
            return config;
        }
        NodeSettings node = config.node();
        return config.withNode(new NodeSettings(command.dataDir().get(), node.sip(), node.http(), node.database(),
                node.tracing(), node.callerLookup(), node.tariffFile()));
    }
}
