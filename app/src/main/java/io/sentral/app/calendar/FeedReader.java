package io.sentral.app.calendar;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a calendar feed's text (UTF-8, RFC 5545 §6): {@code http}/{@code https} with
 * {@link HttpClient}, {@code file} from the local file system. A feed must arrive whole within
 * {@code timeout} and be at most {@link #MAX_BYTES}, so that one slow or huge feed cannot hold up
 * or exhaust the node; anything else than a 2xx answer is a failure.
 */
public final class FeedReader implements AutoCloseable {
    /** 5 MB: years of a busy person's calendar. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;

    private final Duration timeout;
    private final HttpClient http;

    public FeedReader(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    /** The feed's text. */
    public String read(URI feed) throws IOException {
        String scheme = Objects.requireNonNullElse(feed.getScheme(), "").toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "http", "https" -> fetch(feed);
            case "file" -> readFile(path(feed));
            default -> throw new IOException("cannot read a " + scheme + " URL");
        };
    }

    private String fetch(URI feed) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(feed).timeout(timeout).header("Accept", "text/calendar")
                .header("User-Agent", "Sentral calendar sync").GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> new LimitedBody());
        try {
            HttpResponse<byte[]> response = answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() / 100 != 2) {
                throw new IOException("HTTP status " + response.statusCode());
            }
            return new String(response.body(), StandardCharsets.UTF_8);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IOException("no whole answer within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof IOException io ? io : new IOException(String.valueOf(cause.getMessage()), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new IOException("interrupted", e);
        }
    }

    private static Path path(URI feed) throws IOException {
        try {
            return Path.of(feed);
        } catch (IllegalArgumentException e) {
            throw new IOException("not a local file: " + e.getMessage(), e);
        }
    }

    private static String readFile(Path file) throws IOException {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new IOException("larger than " + MAX_BYTES + " bytes");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("no such file", e);
        } catch (AccessDeniedException e) {
            throw new IOException("not allowed to read the file", e);
        }
    }

    /** Abandons feeds being read; reading afterwards fails. */
    @Override
    public void close() {
        http.shutdownNow();
    }

    /** Collects a response body, giving up (and cancelling the download) past {@link #MAX_BYTES}. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + buffer.remaining() > MAX_BYTES) {
                    subscription.cancel();
                    body.completeExceptionally(new IOException("larger than " + MAX_BYTES + " bytes"));
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            body.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
