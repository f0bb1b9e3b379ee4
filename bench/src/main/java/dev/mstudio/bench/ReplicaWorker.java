package dev.mstudio.bench;

import com.slack.api.Slack;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.JobKind;
import dev.mstudio.service.JobService;
import dev.mstudio.slackbot.notify.BotStore;
import dev.mstudio.slackbot.notify.LeaderLease;
import dev.mstudio.slackbot.notify.Notifier;
import dev.mstudio.slackbot.notify.SlackWebApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One bot replica's notifying half, as {@link ReplicasBench} runs three of them and kills the
 * leader with -9: the shared watchers (1 s polls) and the notifier over a PostgreSQL store, led by
 * the leader lease exactly as {@code Bot} wires them. With {@code --watch}, first watches every job
 * in the IDs file, round robin over the channels. Prints "ready" once started, "leader MILLIS" when
 * it becomes the leader, and every second "stats CYCLES HEAP_BYTES" (import poll cycles run, heap
 * used). Runs until killed.
 *
 * <p>Arguments: SANDBOX_URL SLACK_API_URL DB_URL IDS_FILE CHANNELS REPLICA_ID [--watch]
 */
public final class ReplicaWorker {
    private ReplicaWorker() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "error");
        DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(args[0], "sk-bench")).build();
        Slack slack = SlackWebApi.connect(args[1]);
        BotStore store = BotStore.open(args[2]);
        AtomicBoolean leads = new AtomicBoolean();
        store.saveOnlyWhile(leads::get);
        JobService service = JobService.builder(client)
                .watchers(settings -> settings.stateStore(store).fixedInterval(Duration.ofSeconds(1))).build();
        Notifier notifier = Notifier.builder(service.watchers(), service.jobs(), slack.methods("xoxb-bench"), store)
                .leadership(leads::get).build().start();
        LeaderLease.start(store, args[5], Clock.systemUTC(), leading -> {
            if (leading && !leads.getAndSet(true)) {
                System.out.println("leader " + System.currentTimeMillis());
            } else if (!leading) {
                leads.set(false);
            }
            notifier.leading(leading);
        });
        if (args.length > 6 && args[6].equals("--watch")) {
            watchAll(notifier, Files.readAllLines(Path.of(args[3])), Integer.parseInt(args[4]));
        }
        report(service);
        System.out.println("ready");
        Thread.currentThread().join();
    }

    private static void watchAll(Notifier notifier, List<String> ids, int channels) throws Exception {
        for (int i = 0; i < ids.size(); i++) {
            notifier.watch(NotifyChaosBench.channel(i, channels), JobKind.IMPORT, ids.get(i), "U0BENCH");
        }
    }

    private static void report(JobService service) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "bench-stats");
            thread.setDaemon(true);
            return thread;
        });
        Runtime runtime = Runtime.getRuntime();
        timer.scheduleAtFixedRate(() -> System.out.println("stats "
                + service.watchers().of(JobKind.IMPORT).health().cycles() + " "
                + (runtime.totalMemory() - runtime.freeMemory())), 1, 1, TimeUnit.SECONDS);
    }
}
