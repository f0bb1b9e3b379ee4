package dev.mstudio.sandbox.http;

import dev.mstudio.concurrent.DaemonThreads;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The sandbox's public port. The JDK server answers a request it cannot parse (a bad
 * percent-escape, an illegal character in the URL, a malformed header) with an HTML page, and
 * one too large (a URL or headers over its limits) by hanging up. DashScope answers every one of
 * them with its JSON error body, so every connection comes here first: each request head is
 * checked ({@link RequestHead}); good requests go on, byte for byte, to the JDK server on a
 * private loopback port, and bad ones get the JSON error here.
 */
final class Gate implements Closeable {

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final Supplier<String> requestIds;
    private final ExecutorService pool = Executors.newCachedThreadPool(DaemonThreads.named("dashscope-sandbox-gate"));
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    Gate(ServerSocket listener, InetSocketAddress backend, Supplier<String> requestIds) {
        this.listener = listener;
        this.backend = backend;
        this.requestIds = requestIds;
    }

    Gate start() {
        pool.execute(this::acceptLoop);
        return this;
    }

    int port() {
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                client.setTcpNoDelay(true);
                track(client);
                pool.execute(new GateConnection(this, client));
            } catch (IOException | RejectedExecutionException e) {
                if (listener.isClosed() || pool.isShutdown()) {
                    return;
                }
            }
        }
    }

    /** A new connection to the JDK server, closed with the gate. */
    Socket connectBackend() throws IOException {
        Socket socket = new Socket();
        track(socket);
        socket.setTcpNoDelay(true);
        socket.connect(backend);
        return socket;
    }

    void execute(Runnable task) {
        pool.execute(task);
    }

    String requestId() {
        return requestIds.get();
    }

    void release(Socket socket) {
        if (socket != null) {
            open.remove(socket);
            closeQuietly(socket);
        }
    }

    private void track(Socket socket) throws IOException {
        open.add(socket);
        if (pool.isShutdown()) {
            release(socket);
            throw new IOException("the sandbox is closed");
        }
    }

    /** Stops accepting and drops every connection at once. */
    @Override
    public void close() {
        closeQuietly(listener);
        pool.shutdownNow();
        open.forEach(this::release);
    }

    static void closeQuietly(Closeable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
