package dev.mstudio.sandbox.http;

import com.sun.net.httpserver.HttpServer;
import dev.mstudio.concurrent.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What serves the sandbox on 127.0.0.1: the {@link Gate} on the public port, in front of the JDK
 * server on a private one.
 */
public final class SandboxServer implements AutoCloseable {

    static final int THREADS = 64;
    private static final int BACKLOG = 256;
    private static final byte[] LOOPBACK = {127, 0, 0, 1};

    private final HttpServer server;
    private final ThreadPoolExecutor executor;
    private final Gate gate;

    private SandboxServer(HttpServer server, ThreadPoolExecutor executor, Gate gate) {
        this.server = server;
        this.executor = executor;
        this.gate = gate;
    }

    /**
     * Binds {@code port} (0: any free one) and starts serving: {@code /api/v1} to {@code api},
     * {@code /_sandbox} to {@code control}, each request under an ID from {@code requestIds}.
     *
     * @throws UncheckedIOException caused by a {@link BindException} when the port is taken
     */
    public static SandboxServer start(int port, Supplier<String> requestIds, RouteHandler api, RouteHandler control) {
        InetAddress loopback;
        ServerSocket listener;
        try {
            loopback = InetAddress.getByAddress(LOOPBACK);
            listener = new ServerSocket(port, BACKLOG, loopback);
        } catch (IOException e) {
            BindException cause = new BindException("Port " + port + " on 127.0.0.1 is already in use");
            throw new UncheckedIOException(e instanceof BindException ? cause : e);
        }
        ThreadPoolExecutor executor = newExecutor();
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), BACKLOG);
            server.setExecutor(executor);
            server.createContext("/", new ExchangeDispatcher(requestIds, api, control));
            server.start();
            Gate gate = new Gate(listener, server.getAddress(), requestIds).start();
            return new SandboxServer(server, executor, gate);
        } catch (IOException e) {
            Gate.closeQuietly(listener);
            executor.shutdownNow();
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadPoolExecutor newExecutor() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), DaemonThreads.named("dashscope-sandbox"));
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    public int port() {
        return gate.port();
    }

    /** Stops serving at once; requests in flight are abandoned. */
    @Override
    public void close() {
        gate.close();
        server.stop(0);
        executor.shutdownNow();
    }
}
