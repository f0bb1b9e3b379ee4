package dev.mstudio.repl;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.JobKind;
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
    private final LazyClient client;
    /** Guards {@link #service} and {@link #closed}; not {@code this}, which starting the sandbox holds. */
    private final Object serviceLock = new Object();
    private JobService service;
    private boolean closed;
    private Sandbox sandbox;

    private Backend(Map<String, String> env, Path home, boolean sandboxMode, boolean sandboxForced) {
        this.env = env;
        this.home = home;
        this.sandboxMode = sandboxMode;
        this.sandboxForced = sandboxForced;
        this.client = new LazyClient(this::connect);
    }

    /** Chooses the sandbox when forced or when no API key is configured in {@code env} or under {@code home}. */
    static Backend choose(boolean forceSandbox, Map<String, String> env, Path home) {
        boolean sandbox = forceSandbox || !ClientConfig.apiKeyConfigured(env, home);
        return new Backend(env, home, sandbox, forceSandbox);
    }

    Session session(Host host, Clock clock) {
        Session.Builder builder = Session.builder(this::jobs, this::watchers).host(host).clock(clock);
        // an explicit DASHSCOPE_HTTP_BASE_URL is the user's choice: /set region must not replace it
        String baseUrl = env.get(ClientConfig.ENV_BASE_URL);
        if (!sandboxMode && (baseUrl == null || baseUrl.isBlank())) {
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
     * Where commands go, for the banner: "sandbox at URL (no API key found)" or "DashScope at URL".
     * Starts the sandbox; throws {@link dev.mstudio.client.ConfigurationException} for a bad configuration.
     */
    String describe() {
        if (sandboxMode) {
            return "sandbox at " + sandboxUrl() + (sandboxForced ? " (--sandbox)" : " (no API key found)");
        }
        ClientConfig config = ClientConfig.fromEnvironment(env, home);
        String workspace = config.workspace() == null ? "" : ", workspace " + config.workspace();
        return "DashScope at " + config.baseUrl() + workspace;
    }

    /** True once the completion index holds every job of both kinds. */
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
                service = JobService.builder(client).build();
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
