package dev.mstudio.sandbox;

import dev.mstudio.sandbox.api.ApiGateway;
import dev.mstudio.sandbox.control.ControlApi;
import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.sandbox.control.RecordedRequest;
import dev.mstudio.sandbox.control.Traffic;
import dev.mstudio.sandbox.http.SandboxServer;
import dev.mstudio.sandbox.store.DemoWorkspace;
import dev.mstudio.sandbox.store.Dice;
import dev.mstudio.sandbox.store.FineTuneFactory;
import dev.mstudio.sandbox.store.ImportFactory;
import dev.mstudio.sandbox.store.SandboxState;
import dev.mstudio.sandbox.store.Seeder;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A DashScope-compatible emulator of the import-job, fine-tune-job, file and deployment APIs, served on
 * 127.0.0.1 only. Jobs advance on the injected clock; a control API under {@code /_sandbox/}
 * (mirrored by this class's methods) seeds data, forces statuses, injects faults and reports
 * what clients sent.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().build().start().seedDemo()) {
 *     String base = sandbox.baseUrl(); // http://127.0.0.1:PORT/api/v1
 * }
 * }</pre>
 */
public final class Sandbox implements AutoCloseable {

    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body separately; with Nagle's algorithm on, every
        // answer then waits ~40 ms for the client's delayed ACK. Read once, when the JDK's
        // server configuration loads, so it must be set before the first HttpServer exists.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final SandboxState state;
    private final Seeder seeder;
    private final DemoWorkspace demo;
    private final ApiGateway api;
    private final ControlApi control;
    private final int requestedPort;
    private SandboxServer server;
    private boolean closed;
    private volatile int port = -1;

    private Sandbox(Builder builder) {
        Dice dice = new Dice(builder.random != null ? builder.random : new SplittableRandom());
        this.state = new SandboxState(builder.clock, builder.speed, builder.failureRate,
                builder.maxActiveFineTunes, builder.apiKey, dice, builder.maxFileBytes);
        ImportFactory imports = new ImportFactory(state);
        FineTuneFactory fineTunes = new FineTuneFactory(state);
        this.seeder = new Seeder(state, imports, fineTunes);
        this.demo = new DemoWorkspace(state, imports, fineTunes);
        this.control = new ControlApi(state, seeder);
        Traffic traffic = control.traffic();
        this.api = new ApiGateway(state, imports, fineTunes, control::faults, traffic::record);
        this.requestedPort = builder.port;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Binds 127.0.0.1 and starts serving.
     *
     * @throws UncheckedIOException caused by a {@link BindException} when the port is taken
     * @throws IllegalStateException when already started or closed
     */
    public synchronized Sandbox start() {
        if (server != null || closed) {
            throw new IllegalStateException("the sandbox was already started");
        }
        server = SandboxServer.start(requestedPort, state.dice()::uuid, api, control);
        port = server.port();
        return this;
    }

    /** The bound port. */
    public int port() {
        if (port < 0) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return port;
    }

    /** {@code http://127.0.0.1:PORT/api/v1}, the value for {@code DASHSCOPE_HTTP_BASE_URL}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/api/v1";
    }

    /** {@code http://127.0.0.1:PORT/}; the control API is at {@code root().resolve("_sandbox/stats")}. */
    public URI root() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** Stops serving at once; requests in flight are abandoned. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (server != null) {
            server.close();
        }
    }

    /** Removes every job and clears the request counters and log. */
    public Sandbox reset() {
        control.reset();
        return this;
    }

    /** Adds generated jobs (see {@code POST /_sandbox/seed}); {@code active} is the share PENDING/RUNNING. */
    public Sandbox seed(int imports, int fineTunes, double active) {
        seeder.seed(imports, fineTunes, active, state.defaultWorkspace());
        return this;
    }

    /**
     * Adds the demo workspace to the default workspace: jobs in every status, one finishing every
     * few minutes, the same (IDs and lifecycles, relative to a fixed epoch) in every run at the
     * same speed, so an ID seen in one run can be looked up in the next.
     */
    public Sandbox seedDemo() {
        demo.seed();
        return this;
    }

    /** Replaces the injected faults; {@link Faults#NONE} turns them off. */
    public Sandbox faults(Faults faults) {
        control.faults(faults);
        return this;
    }

    public Faults faults() {
        return control.faults();
    }

    /**
     * Freezes a job in {@code status} (any text, e.g. an unknown "QUEUING"); a terminal status
     * sets its end time. Returns false when no job has that ID.
     */
    public boolean forceStatus(String jobId, String status) {
        Objects.requireNonNull(jobId, "jobId");
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("status must not be blank");
        }
        return state.forceStatus(jobId, status.trim());
    }

    /** Request counters of the {@code /api/v1} endpoints, by method and path template. */
    public Stats stats() {
        Traffic traffic = control.traffic();
        return new Stats(traffic.total(), traffic.counts());
    }

    /** Zeroes the request counters (the request log is kept). */
    public void resetStats() {
        control.traffic().resetStats();
    }

    /** The last {@code limit} (at most 1000) {@code /api/v1} requests, oldest first. */
    public List<RecordedRequest> requests(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1");
        }
        return control.traffic().last(limit);
    }

    /** Settings of a sandbox; every one has a default. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private double speed = 1.0;
        private double failureRate = 0.15;
        private String apiKey;
        private int maxActiveFineTunes;
        private RandomGenerator random;
        private long maxFileBytes = 1L << 30;

        private Builder() {
        }

        /** The largest file an upload may hold (default 1 GB, as the service; tests lower it). */
        public Builder maxFileBytes(long maxFileBytes) {
            if (maxFileBytes < 1) {
                throw new IllegalArgumentException("maxFileBytes must be positive");
            }
            this.maxFileBytes = maxFileBytes;
            return this;
        }

        /** The port to bind on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be between 0 and 65535");
            }
            this.port = port;
            return this;
        }

        /** The clock jobs advance on (default: the system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How much faster than real life jobs run: 1 is realistic, 60 makes a minute last a second. */
        public Builder speed(double speed) {
            if (!(speed > 0) || Double.isInfinite(speed)) {
                throw new IllegalArgumentException("speed must be a positive number");
            }
            this.speed = speed;
            return this;
        }

        /** The share of new jobs that will fail (default 0.15). */
        public Builder failureRate(double failureRate) {
            if (!(failureRate >= 0 && failureRate <= 1)) {
                throw new IllegalArgumentException("failureRate must be between 0 and 1");
            }
            this.failureRate = failureRate;
            return this;
        }

        /** The one bearer key accepted; {@code null} (the default) accepts any key. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
            return this;
        }

        /** How many fine-tunes may be PENDING or RUNNING before creates get 429; 0 = unlimited. */
        public Builder maxActiveFineTunes(int maxActiveFineTunes) {
            if (maxActiveFineTunes < 0) {
                throw new IllegalArgumentException("maxActiveFineTunes must not be negative");
            }
            this.maxActiveFineTunes = maxActiveFineTunes;
            return this;
        }

        /** The source of every random choice (IDs, durations, outcomes, faults). */
        public Builder random(RandomGenerator random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** A seeded source of randomness, so runs repeat. */
        public Builder random(long seed) {
            return random(new SplittableRandom(seed));
        }

        public Sandbox build() {
            return new Sandbox(this);
        }
    }
}
