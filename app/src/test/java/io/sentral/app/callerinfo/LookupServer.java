package io.sentral.app.callerinfo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A number lookup service on 127.0.0.1 and an ephemeral port, as S11 expects one:
 * {@code GET /numbers/{number}}. It knows {@link #KNOWN}, {@link #NAME_ONLY} and Alice's direct
 * number (as someone else, to show the directory wins); {@link #SLOW} answers after 2 s (or when
 * the server stops); {@link #BROKEN} answers 500, {@link #MALFORMED} bad JSON, {@link #NOT_AN_OBJECT}
 * a JSON array, {@link #EMPTY} an object with neither field; any other number 404.
 */
final class LookupServer implements AutoCloseable {
    static final String KNOWN = "+4790000001";
    static final String SLOW = "+4790000002";
    static final String BROKEN = "+4790000003";
    static final String MALFORMED = "+4790000004";
    static final String NAME_ONLY = "+4790000005";
    static final String NOT_AN_OBJECT = "+4790000006";
    static final String EMPTY = "+4790000007";
    static final String ALICE_DIRECT = "+4723450101";
    static final String SLOW_NAME = "Slow Svarer";

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<String> rawPaths = new CopyOnWriteArrayList<>();
    private final List<String> accepts = new CopyOnWriteArrayList<>();

    LookupServer() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/numbers/", this::answer);
        server.start();
    }

    /** The URL template for {@code node.callerLookup.url}. */
    String urlTemplate() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/numbers/{number}";
    }

    int requests(String number) {
        AtomicInteger count = requests.get(number);
        return count == null ? 0 : count.get();
    }

    int requests() {
        return requests.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    List<String> rawPaths() {
        return rawPaths;
    }

    List<String> accepts() {
        return accepts;
    }

    private void answer(HttpExchange exchange) throws IOException {
        String number = exchange.getRequestURI().getPath().substring("/numbers/".length());
        requests.computeIfAbsent(number, n -> new AtomicInteger()).incrementAndGet();
        rawPaths.add(exchange.getRequestURI().getRawPath());
        accepts.add(String.valueOf(exchange.getRequestHeaders().getFirst("Accept")));
        switch (number) {
            case KNOWN -> send(exchange, 200, "{\"name\": \"Ola Nordmann\", \"address\": \"Storgata 2, 0155 Oslo\"}");
            case NAME_ONLY -> send(exchange, 200, "{\"name\": \"  Kari Nordmann \", \"address\": \"\"}");
            case ALICE_DIRECT -> send(exchange, 200, "{\"name\": \"Not Alice\"}");
            case SLOW -> {
                awaitQuietly();
                send(exchange, 200, "{\"name\": \"" + SLOW_NAME + "\"}");
            }
            case BROKEN -> send(exchange, 500, "oops");
            case MALFORMED -> send(exchange, 200, "{\"name\": \"Ola");
            case NOT_AN_OBJECT -> send(exchange, 200, "[\"Ola Nordmann\"]");
            case EMPTY -> send(exchange, 200, "{}");
            default -> send(exchange, 404, "");
        }
    }

    /** The deliberate 2 s delay, cut short when the test is over. */
    private void awaitQuietly() {
        try {
            stopping.await(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
