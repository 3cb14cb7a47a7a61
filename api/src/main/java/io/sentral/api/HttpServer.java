package io.sentral.api;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpMessage;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.sentral.config.HttpSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener (DEMO.md: 127.0.0.1:8080): a small Netty pipeline — HTTP codec, aggregation of
 * requests up to 64 KiB (a larger one is refused 413 with a problem document), then the routes:
 * {@link OperationsRoutes} answer from memory on the I/O thread; {@link ApiRoutes} ({@code /api/})
 * run on a small worker pool, since they check password hashes and read the database.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    private static final int MAX_REQUEST_BYTES = 64 * 1024;

    private static final int API_WORKERS = 4;

    private final HttpSettings settings;
    private final OperationsRoutes routes;
    private final Optional<ApiRoutes> api;
    private EventLoopGroup group;
    private ExecutorService workers;
    private Channel channel;

    /** Operational endpoints only (no API). */
    public HttpServer(HttpSettings settings, OperationsRoutes routes) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.api = Optional.empty();
    }

    public HttpServer(HttpSettings settings, OperationsRoutes routes, ApiRoutes api) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.routes = Objects.requireNonNull(routes, "routes");
        this.api = Optional.of(api);
    }

    /** Binds the listener; port 0 picks a free port. */
    public synchronized HttpServer start() {
        group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        AtomicInteger workerCount = new AtomicInteger();
        workers = Executors.newFixedThreadPool(API_WORKERS, r -> {
            Thread t = new Thread(r, "http-api-" + workerCount.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpServerCodec(), new BoundedAggregator(),
                                    new RouteHandler());
                        }
                    })
                    .bind(settings.listenAddress(), settings.port()).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            group.shutdownGracefully();
            throw new IllegalStateException("interrupted while binding HTTP", e);
        } catch (RuntimeException e) {
            group.shutdownGracefully();
            throw new IllegalStateException("cannot listen for HTTP on " + settings.listenAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        LOG.info("HTTP listening on {}:{}", settings.listenAddress(), port());
        return this;
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            channel.close().syncUninterruptibly();
        }
        if (group != null) {
            group.shutdownGracefully().syncUninterruptibly();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    /** Last in the pipeline: one aggregated request in, one response out. */
    private final class RouteHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
            boolean head = request.method().equals(HttpMethod.HEAD);
            if (!request.decoderResult().isSuccess()) {
                reply(ctx, HttpAnswer.problem(400, "Bad Request", "malformed HTTP request: "
                        + request.decoderResult().cause()), head, keepAlive);
                return;
            }
            String method = request.method().name();
            String uri = request.uri();
            if (!uri.startsWith("/api/") || api.isEmpty()) {
                reply(ctx, guarded(method, uri, () -> routes.answer(method, uri)), head, keepAlive);
                return;
            }
            HttpCall call = new HttpCall(method, uri,
                    Optional.ofNullable(request.headers().get(HttpHeaderNames.AUTHORIZATION)),
                    Optional.ofNullable(request.headers().get(HttpHeaderNames.COOKIE)),
                    request.content().toString(StandardCharsets.UTF_8), sourceOf(ctx));
            try {
                workers.execute(() -> {
                    HttpAnswer answer = guarded(method, uri, () -> api.get().answer(call));
                    ctx.executor().execute(() -> reply(ctx, answer, head, keepAlive));
                });
            } catch (RejectedExecutionException e) {
                reply(ctx, HttpAnswer.problem(503, "Service Unavailable", "shutting down"), head, false);
            }
        }

        private static String sourceOf(ChannelHandlerContext ctx) {
            return ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                    ? a.getAddress().getHostAddress() : "unknown";
        }

        private HttpAnswer guarded(String method, String uri, Supplier<HttpAnswer> route) {
            try {
                return route.get();
            } catch (RuntimeException e) {
                LOG.warn("{} {} failed", method, uri, e);
                return HttpAnswer.problem(500, "Internal Server Error", String.valueOf(e.getMessage()));
            }
        }

        private static void reply(ChannelHandlerContext ctx, HttpAnswer answer, boolean head, boolean keepAlive) {
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(answer.status()),
                    head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(answer.body()));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, answer.contentType());
            response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, answer.body().length);
            answer.headers().forEach((name, value) -> response.headers().set(name, value));
            if (answer.status() == 405 && !answer.headers().containsKey("Allow")) {
                response.headers().set(HttpHeaderNames.ALLOW, "GET, HEAD");
            }
            HttpUtil.setKeepAlive(response, keepAlive);
            var written = ctx.writeAndFlush(response);
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
            ctx.close();
        }
    }

    /**
     * Aggregates requests; an oversized one is answered with a problem document naming the limit.
     * As Netty's own handling: a keep-alive connection stays open while the rest of the body is
     * read and dropped, any other is closed.
     */
    private static final class BoundedAggregator extends HttpObjectAggregator {
        BoundedAggregator() {
            super(MAX_REQUEST_BYTES);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            LOG.info("refused a request body over {} bytes from {}", MAX_REQUEST_BYTES, ctx.channel().remoteAddress());
            boolean keepAlive = !(oversized instanceof FullHttpMessage) && HttpUtil.isKeepAlive(oversized);
            RouteHandler.reply(ctx, HttpAnswer.problem(413, "Content Too Large", "the request body is larger than "
                    + MAX_REQUEST_BYTES / 1024 + " KiB"), false, keepAlive);
        }
    }
}
