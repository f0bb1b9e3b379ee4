package dev.mstudio.watch;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.sandbox.Sandbox;
import java.util.function.UnaryOperator;

/**
 * A sandbox whose jobs move on a {@link TestScheduler}'s fake clock, the real client to it over
 * loopback, and Watchers polling it on that scheduler with a direct executor.
 */
final class SandboxWatchers implements AutoCloseable {
    final TestScheduler scheduler = new TestScheduler();
    final Sandbox sandbox;
    final DashScopeClient client;
    final Watchers watchers;

    static {
        // the JDK HttpServer otherwise leaves Nagle on: ~40 ms per small response on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** {@code settings} adds to a sandbox on 127.0.0.1 (any free port) on the scheduler's clock. */
    SandboxWatchers(UnaryOperator<Sandbox.Builder> settings) {
        sandbox = settings.apply(Sandbox.builder().port(0).clock(scheduler.clock())).build().start();
        client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).maxAttempts(1).build();
        watchers = Watchers.builder(client).scheduler(scheduler).clock(scheduler.clock()).executor(Runnable::run)
                .build();
    }

    @Override
    public void close() {
        watchers.close();
        client.close();
        sandbox.close();
    }
}
