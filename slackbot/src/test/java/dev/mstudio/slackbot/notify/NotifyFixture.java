package dev.mstudio.slackbot.notify;

import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Jobs;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.service.JobService;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import dev.mstudio.watch.WatchScheduler;
import dev.mstudio.watch.Watchers;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A sandbox, FakeSlack, a bot store and a notifier, all on 127.0.0.1. Sandbox jobs stand still
 * (speed ~0): they only move when a test forces a status. The bot (store, watchers, notifier) can
 * be stopped and started again on the same database.
 */
final class NotifyFixture implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(20);
    /** The channels the bot is a member of: C1..C100 and the named ones the tests use. */
    static final List<String> MEMBER_CHANNELS = Stream.concat(IntStream.rangeClosed(1, 100).mapToObj(i -> "C" + i),
            Stream.of("C-kept", "C-model", "C-all", "C-failures")).toList();

    final Sandbox sandbox;
    final DashScopeClient client;
    Jobs jobs;
    private JobService service;
    final FakeSlack slack;
    private final Slack sdk;
    final MethodsClient methods;
    private final String dbUrl;
    private final Consumer<NotifierBuilder> options;
    private final WatchScheduler watchScheduler;
    BotStore store;
    Watchers watchers;
    Notifier notifier;
    private boolean botRunning;

    private NotifyFixture(String dbUrl, Consumer<NotifierBuilder> options, WatchScheduler watchScheduler) {
        this.dbUrl = dbUrl;
        this.options = options;
        this.watchScheduler = watchScheduler;
        this.sandbox = Sandbox.builder().port(0).speed(0.000_001).random(11).build().start();
        this.client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).build();
        this.slack = FakeSlack.start(0).join(MEMBER_CHANNELS.toArray(String[]::new));
        this.sdk = SlackWebApi.connect(slack.apiUrl());
        this.methods = sdk.methods("xoxb-test-token");
    }

    /** Real threads everywhere; watchers poll every 100 ms. */
    /**
     * A bot on an in-memory SQLite store whose notifier runs on {@code delivery}'s fake clock and
     * calls Slack on the calling thread: nothing is delivered until the test advances the clock.
     */
    static NotifyFixture onFakeTime(dev.mstudio.watch.TestScheduler delivery) {
        return start("jdbc:sqlite::memory:", b -> b.clock(delivery.clock()).scheduler(delivery).executor(Runnable::run));
    }

    static NotifyFixture start(String dbUrl, Consumer<NotifierBuilder> options) {
        return start(dbUrl, options, null);
    }

    /** As {@link #start(String, Consumer)}, with the watchers' polls run by {@code watchScheduler}. */
    static NotifyFixture start(String dbUrl, Consumer<NotifierBuilder> options, WatchScheduler watchScheduler) {
        NotifyFixture fixture = new NotifyFixture(dbUrl, options, watchScheduler);
        fixture.startBot();
        return fixture;
    }

    void startBot() {
        store = BotStore.open(dbUrl);
        service = JobService.builder(client).watchers(builder -> {
            builder.stateStore(store).fixedInterval(Duration.ofMillis(100));
            if (watchScheduler != null) {
                builder.scheduler(watchScheduler).fixedInterval(Duration.ofSeconds(1));
            }
        }).build();
        jobs = service.jobs();
        watchers = service.watchers();
        NotifierBuilder notifierBuilder = Notifier.builder(watchers, jobs, methods, store);
        options.accept(notifierBuilder);
        notifier = notifierBuilder.build().start();
        botRunning = true;
    }

    /** Stops the bot as a process exit would: notifier, then watchers (saving their state), then the store. */
    void stopBot() {
        if (!botRunning) {
            return;
        }
        botRunning = false;
        notifier.close();
        service.close();
        store.close();
    }

    /** Adds {@code n} active import jobs to the sandbox and returns them as listed. */
    List<ImportJob> seedImports(int n) throws IOException {
        Set<String> before = new HashSet<>();
        allImports().forEach(j -> before.add(j.jobId()));
        sandbox.seed(n, 0, 1.0);
        return allImports().stream().filter(j -> !before.contains(j.jobId())).toList();
    }

    List<ImportJob> allImports() throws IOException {
        return client.listImports(new ImportQuery(1, 100, null, null)).items();
    }

    ImportJob importJob(String id) throws IOException {
        return client.getImport(id);
    }

    /** Accepted chat.postMessage calls to the channel, in order. */
    List<SlackCall> posts(String channel) {
        return slack.calls("chat.postMessage").stream().filter(SlackCall::ok)
                .filter(c -> channel.equals(c.channel())).toList();
    }

    long pending() {
        return notifier.health().pending();
    }

    void awaitSynced(JobKind kind) {
        Waits.until(kind + " watcher synced", () -> watchers.of(kind).hasSynced());
    }

    @Override
    public void close() throws Exception {
        try {
            stopBot();
        } finally {
            sdk.close();
            slack.close();
            client.close();
            sandbox.close();
        }
    }
}
