package dev.mstudio.repl;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.JobKind;
import dev.mstudio.client.Prewarm;
import dev.mstudio.command.Host;
import dev.mstudio.command.Session;
import dev.mstudio.paging.Jobs;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.service.JobService;
import dev.mstudio.watch.Watchers;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The service behind a session: the DashScope API when a key is configured, otherwise (or with
 * {@code --sandbox}) the embedded sandbox with a demo workspace. Nothing connects, and no sandbox
 * starts, until a command first needs the service; the jobs and watchers over it (caches, a
 * scheduler) are made then too, so that a session running only {@code /help} never pays for them.
 */
final class Backend implements AutoCloseable {
    /** Sandbox jobs run this much faster than real ones, so demo jobs end within a minute or two. */
    static final double SANDBOX_SPEED = 5;
    private static final String SANDBOX_KEY = "sk-sandbox";

    private final Map<String, String> env;
    private final Path home;
    private final boolean sandboxMode;
    private final boolean sandboxForced;
    private final boolean oneShot;
    private final LazyClient client;
    /** Guards {@link #service} and {@link #closed}; not {@code this}, which starting the sandbox holds. */
    private final Object serviceLock = new Object();
    private JobService service;
    private boolean closed;
    private Sandbox sandbox;

    private Backend(Map<String, String> env, Path home, boolean sandboxMode, boolean sandboxForced, boolean oneShot) {
        this.env = env;
        this.home = home;
        this.sandboxMode = sandboxMode;
        this.sandboxForced = sandboxForced;
        this.oneShot = oneShot;
        this.client = new LazyClient(this::connect);
    }

    /**
     * Chooses the sandbox when forced, or when nothing at all is configured: no API key in
     * {@code env} or under {@code home}, and no base URL, region, workspace or key file named.
     * Anything configured means the real service, so a missing key is an error (see
     * {@link #requireConfiguration}), never a silent switch to demo data.
     */
    static Backend choose(boolean forceSandbox, Map<String, String> env, Path home) {
        return choose(forceSandbox, false, env, home);
    }

    /**
     * As {@link #choose(boolean, Map, Path)}; {@code oneShot} for a run without a terminal
     * ({@code -c} or a script), which ends as soon as its commands have run: listings then load
     * no next page in the background (a {@code /next} loads it when asked).
     */
    static Backend choose(boolean forceSandbox, boolean oneShot, Map<String, String> env, Path home) {
        // asked even when --sandbox decides: the launcher records its class-data archive with --sandbox,
        // and the key look-up's classes belong in it (every run with a key makes them)
        boolean configured = ClientConfig.apiKeyConfigured(env, home) || ClientConfig.serviceConfigured(env);
        return new Backend(env, home, forceSandbox || !configured, forceSandbox, oneShot);
    }

    /**
     * Checks, without connecting, that the service can be called.
     *
     * @throws dev.mstudio.client.ConfigurationException one line saying what is missing and how to set it
     */
    void requireConfiguration() {
        if (!sandboxMode) {
            ClientConfig.fromEnvironment(env, home);
        }
    }

    /** An explicit DASHSCOPE_HTTP_BASE_URL overrides the region, so /set region must not switch away from it. */
    private boolean baseUrlFixed() {
        String explicit = env.get(ClientConfig.ENV_BASE_URL);
        return explicit != null && !explicit.isBlank();
    }

    /** True when the sandbox stands in because nothing is configured (not because --sandbox asked for it). */
    boolean sandboxByDefault() {
        return sandboxMode && !sandboxForced;
    }

    Session session(Host host, Clock clock) {
        Session.Builder builder = Session.builder(this::jobs, this::watchers).host(host).clock(clock);
        if (!sandboxMode && !baseUrlFixed()) {
            builder.regionSwitch(this::regionClient);
        }
        return builder.build();
    }

    /** Fills the completion index in the background (connecting, or starting the sandbox, off this thread). */
    void warmIndex() {
        for (JobKind kind : JobKind.values()) {
            jobs().index().warm(kind);
        }
    }

    /**
     * Where commands go, for the banner: "sandbox at URL (nothing configured: demo data, not your
     * jobs)" or "DashScope at URL".
     * Starts the sandbox; throws {@link dev.mstudio.client.ConfigurationException} for a bad configuration.
     */
    String describe() {
        if (sandboxMode) {
            return "sandbox at " + sandboxUrl() + (sandboxForced ? " (--sandbox)" : " (nothing configured: demo data, not your jobs)");
        }
        ClientConfig config = ClientConfig.fromEnvironment(env, home);
        String workspace = config.workspace() == null ? "" : ", workspace " + config.workspace();
        return "DashScope at " + config.redactedBaseUrl() + workspace;
    }

    /** True once the completion index holds every job of every kind (deployments included). */
    boolean indexWarm() {
        for (JobKind kind : JobKind.values()) {
            if (!jobs().index().warmed(kind)) {
                return false;
            }
        }
        return true;
    }

    boolean sandboxMode() {
        return sandboxMode;
    }

    @Override
    public void close() {
        JobService made;
        synchronized (serviceLock) {
            closed = true;
            made = service;
        }
        if (made != null) {
            made.close();
        }
        client.close();
        synchronized (this) {
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    private Jobs jobs() {
        return service().jobs();
    }

    private Watchers watchers() {
        return service().watchers();
    }

    private JobService service() {
        synchronized (serviceLock) {
            if (closed) {
                throw new IllegalStateException("mstudio is shutting down");
            }
            if (service == null) {
                Prewarm.inBackground(client::delegate); // connects (or starts the sandbox) beside the caches
                service = JobService.builder(client).jobs(jobs -> jobs.prefetchNextPage(!oneShot)).build();
            }
            return service;
        }
    }

    private DashScopeClient connect() {
        ClientConfig config = sandboxMode
                ? ClientConfig.of(sandboxUrl(), SANDBOX_KEY)
                : ClientConfig.fromEnvironment(env, home);
        return DashScopeClient.builder().config(config).build();
    }

    private synchronized String sandboxUrl() {
        if (sandbox == null) {
            sandbox = Sandbox.builder().port(0).speed(SANDBOX_SPEED).build().start().seedDemo();
        }
        return sandbox.baseUrl();
    }

    private DashScopeClient regionClient(String region) {
        ClientConfig config = ClientConfig.fromEnvironment(env, home).withRegion(region);
        return DashScopeClient.builder().config(config).build();
    }
}
