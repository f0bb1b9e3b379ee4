package dev.mstudio.command;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.JobQuery;
import dev.mstudio.paging.Jobs;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.service.JobService;
import dev.mstudio.testkit.ManualClock;
import dev.mstudio.watch.Watchers;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

/**
 * The whole stack on loopback: a sandbox whose clock is frozen (jobs change status only when a test
 * forces them or moves the clock), the real HTTP client, Jobs, fast Watchers, and a session with a recording host.
 */
final class Fixture implements AutoCloseable {
    static final Instant NOW = Instant.parse("2024-10-29T16:53:53Z");
    /**
     * Runs the page caches' loads and prefetches for every fixture. Shared and never shut down (its
     * threads are daemons), so that closing a fixture never races a prefetch still being scheduled.
     */
    private static final ExecutorService PAGING = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "command-test-paging");
        thread.setDaemon(true);
        return thread;
    });

    static {
        // the JDK HttpServer otherwise leaves Nagle on: ~40 ms per small response on loopback
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** Frozen unless a test moves it (e.g. to let a running job's log grow). */
    final ManualClock clock = new ManualClock(NOW);
    final Sandbox sandbox;
    final DashScopeClient client;
    final Jobs jobs;
    final Watchers watchers;
    private final JobService service;
    final RecordingHost host = new RecordingHost();
    final Session session;
    final CommandLanguage language = CommandLanguage.standard();

    Fixture(int imports, int fineTunes) {
        sandbox = Sandbox.builder().port(0).clock(clock).random(42).failureRate(0).build().start();
        if (imports + fineTunes > 0) {
            sandbox.seed(imports, fineTunes, 0.5);
        }
        client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).maxAttempts(1).build();
        service = JobService.builder(client).jobs(settings -> settings.executor(PAGING))
                .watchers(settings -> settings.fixedInterval(Duration.ofMillis(20))).build();
        jobs = service.jobs();
        watchers = service.watchers();
        session = Session.builder(jobs, watchers).host(host).clock(Clock.systemUTC())
                .followInterval(Duration.ofMillis(20)).build();
    }

    Result run(String line) {
        return language.run(session, line);
    }

    /** Runs {@code line} on its own thread, interrupts it (Ctrl-C) after its first notice, and returns its answer. */
    Result interruptedAfterFirstNotice(String line) throws Exception {
        FutureTask<Result> task = new FutureTask<>(() -> run(line));
        Thread runner = new Thread(task, "command-test-interrupted");
        runner.start();
        host.nextNotice();
        runner.interrupt();
        return task.get(30, TimeUnit.SECONDS);
    }

    /** Every job of a kind in a status, straight from the service (and so into the index). */
    List<Job> jobs(JobKind kind, String status) {
        return jobs.stream(JobQuery.of(kind).withStatus(status)).toList();
    }

    String first(JobKind kind, String status) {
        return jobs(kind, status).get(0).id();
    }

    @Override
    public void close() {
        session.close();
        service.close();
        client.close();
        sandbox.close();
    }
}
