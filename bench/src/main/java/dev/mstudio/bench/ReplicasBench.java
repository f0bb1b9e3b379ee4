package dev.mstudio.bench;

import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

/**
 * Bot replicas on PostgreSQL under leader kills: three notifying replicas (child JVMs, -Xmx128m,
 * {@link ReplicaWorker}) on one PostgreSQL that the bench starts, N watched import jobs across C
 * channels finishing in one burst while the leader is killed -9 every 10 s (and a fresh replica
 * started in its place). Prints whether every completion was delivered exactly once (from what
 * FakeSlack received), the takeover time of each kill (to the next leader, and to its first Slack
 * call), DashScope requests per poll cycle with one replica and with three, and the peak heap.
 *
 * <p>Arguments (optional): {@code --jobs N} (1000), {@code --channels N} (100).
 */
public final class ReplicasBench {
    private static final int REPLICAS = 3;
    private static final int KILLS = 6;
    private static final int KILL_EVERY_S = 10;
    private static final Duration PATIENCE = Duration.ofMinutes(8);

    private final Sandbox sandbox;
    private final FakeSlack slack;
    private final List<String> workerCommand;
    private final List<ReplicaProcess> replicas = new CopyOnWriteArrayList<>();
    private final List<ReplicaProcess> all = new CopyOnWriteArrayList<>();
    private final List<Leader> leaders = new CopyOnWriteArrayList<>();
    private final List<Kill> kills = new ArrayList<>();

    /** A replica became the leader at {@code millis}. */
    private record Leader(String id, long millis) {
    }

    /** The leader {@code victim} killed at {@code millis}. */
    private record Kill(String victim, long millis) {
    }

    private ReplicasBench(Sandbox sandbox, FakeSlack slack, List<String> workerCommand) {
        this.sandbox = sandbox;
        this.slack = slack;
        this.workerCommand = workerCommand;
    }

    public static void main(String[] args) throws Exception {
        NotifyBench.Options options = NotifyBench.Options.parse(args);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path dir = Files.createTempDirectory("replicas-bench");
        try (BenchPostgres postgres = BenchPostgres.start();
                Sandbox sandbox = Sandbox.builder().port(0).speed(0.000_001).random(7).build().start();
                FakeSlack slack = FakeSlack.start(0)) {
            for (int i = 0; i < options.channels(); i++) {
                slack.join(NotifyChaosBench.channel(i, options.channels()));
            }
            sandbox.seed(options.jobs(), 0, 1.0);
            List<String> ids = NotifyChaosBench.activeImports(sandbox, options.jobs());
            Files.write(dir.resolve("ids.txt"), ids);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    ReplicaWorker.class.getName(), sandbox.baseUrl(), slack.apiUrl(),
                    postgres.newDatabase("bench_replicas"), dir.resolve("ids.txt").toString(),
                    String.valueOf(options.channels()));
            new ReplicasBench(sandbox, slack, command).run(ids, options.channels());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(List<String> ids, int channels) throws Exception {
        System.out.printf("ReplicasBench: %d replicas on PostgreSQL, %d watched import jobs across %d channels%n",
                REPLICAS, ids.size(), channels);
        try {
            start(true);
            await("watch messages posted", () -> NotifyChaosBench.watchPosts(slack, ids).size() == ids.size());
            String one = pollCost();
            for (int i = 1; i < REPLICAS; i++) {
                start(false);
            }
            String three = pollCost();
            System.out.printf("  DashScope requests per 1 s poll cycle: %s with one replica; %s with %d%n", one,
                    three, REPLICAS);
            Map<String, Long> before = sandbox.stats().requests();
            Instant burst = Instant.now();
            for (int i = 0; i < ids.size(); i++) {
                sandbox.forceStatus(ids.get(i), i % 2 == 0 ? "FAILED" : "SUCCESSED");
            }
            killLeaders(burst);
            await("every completion delivered", () -> NotifyChaosBench.reported(slack, ids).values().stream()
                    .allMatch(n -> n >= 1));
            System.out.printf("  every completion delivered %.1f s after the burst%n",
                    Duration.between(burst, Instant.now()).toMillis() / 1000.0);
            pause(Duration.ofSeconds(5));
            requestsSince(before);
        } finally {
            for (ReplicaProcess replica : replicas) {
                replica.kill();
            }
        }
        report(ids);
    }

    /** Every 10 s from 3 s after the burst, kill -9 the replica leading now (if one leads) and start another. */
    private void killLeaders(Instant burst) throws Exception {
        for (int k = 0; k < KILLS; k++) {
            pause(Duration.between(Instant.now(), burst.plusSeconds(3 + (long) k * KILL_EVERY_S)));
            ReplicaProcess leader = leading();
            if (leader == null) {
                System.out.printf("  kill %d: no replica leads yet; none killed%n", k + 1);
                continue;
            }
            long at = System.currentTimeMillis();
            leader.kill();
            replicas.remove(leader);
            kills.add(new Kill(leader.id, at));
            start(false);
        }
    }

    /** The live replica that became leader last, unless a replica killed since leads (its lease not yet expired). */
    private ReplicaProcess leading() {
        if (leaders.isEmpty()) {
            return null;
        }
        Leader last = leaders.get(leaders.size() - 1);
        return replicas.stream().filter(r -> r.id.equals(last.id()) && r.alive()).findFirst().orElse(null);
    }

    private void start(boolean watch) throws Exception {
        ReplicaProcess replica = ReplicaProcess.start(workerCommand, "replica-" + (all.size() + 1), watch,
                (id, millis) -> leaders.add(new Leader(id, millis)));
        replicas.add(replica);
        all.add(replica);
    }

    /**
     * DashScope requests per second after 5 s to settle, over 10 s: with 1 s polls, the requests of
     * one poll cycle. Also the poll cycles the replicas' watchers counted in that time.
     */
    private String pollCost() throws InterruptedException {
        pause(Duration.ofSeconds(5));
        long requests = sandbox.stats().total();
        long cycles = replicas.stream().mapToLong(r -> r.cycles.get()).sum();
        pause(Duration.ofSeconds(10));
        long ran = replicas.stream().mapToLong(r -> r.cycles.get()).sum() - cycles;
        long made = sandbox.stats().total() - requests;
        return String.format("%.1f (%d requests in 10 s; %d watcher cycles)", made / 10.0, made, ran);
    }

    /** DashScope requests by kind since the burst: list pages against one GET per job. */
    private void requestsSince(Map<String, Long> before) {
        Map<String, Long> after = sandbox.stats().requests();
        System.out.print("  DashScope requests after the burst:");
        after.forEach((kind, n) -> {
            long made = n - before.getOrDefault(kind, 0L);
            if (made > 0 && kind.startsWith("GET /api")) {
                System.out.printf(" %s %d;", kind, made);
            }
        });
        System.out.println();
    }

    private void report(List<String> ids) {
        Map<String, Long> reported = NotifyChaosBench.reported(slack, ids);
        long once = reported.values().stream().filter(n -> n == 1).count();
        long more = reported.values().stream().filter(n -> n > 1).count();
        long missing = reported.values().stream().filter(n -> n == 0).count();
        long posts = slack.calls("chat.postMessage").stream().filter(SlackCall::ok)
                .filter(c -> c.threadTs() == null && c.text() != null && c.text().startsWith("Import job ")).count();
        System.out.printf("  completions delivered exactly once: %d of %d (%d more than once, %d missing)%n",
                once, ids.size(), more, missing);
        System.out.printf("  watch messages posted: %d for %d jobs; answers looked up after a kill "
                + "(conversations.history/replies): %d%n", posts, ids.size(),
                slack.calls("conversations.history").size() + slack.calls("conversations.replies").size());
        for (Kill kill : kills) {
            System.out.printf("  kill -9 %s: next leader %s after %s s, its first Slack call after %s s%n",
                    kill.victim(), nextLeader(kill).map(Leader::id).orElse("none"),
                    nextLeader(kill).map(l -> seconds(l.millis() - kill.millis())).orElse("-"),
                    firstCallAfter(kill).map(ms -> seconds(ms - kill.millis())).orElse("-"));
        }
        long peak = all.stream().mapToLong(r -> r.peakHeap.get()).max().orElse(0);
        System.out.printf("  peak heap used by any replica: %.1f MB (of 128 MB)%n", peak / 1048576.0);
    }

    private java.util.Optional<Leader> nextLeader(Kill kill) {
        return leaders.stream().filter(l -> l.millis() >= kill.millis()).findFirst();
    }

    /** The first successful Slack call after {@code kill} by whoever led next. */
    private java.util.Optional<Long> firstCallAfter(Kill kill) {
        long from = nextLeader(kill).map(Leader::millis).orElse(Long.MAX_VALUE);
        return slack.calls().stream().filter(SlackCall::ok).map(c -> c.at().toEpochMilli()).filter(ms -> ms >= from)
                .min(Long::compare);
    }

    private static String seconds(long millis) {
        return String.format("%.1f", millis / 1000.0);
    }

    private static void pause(Duration duration) throws InterruptedException {
        if (!duration.isNegative()) {
            Thread.sleep(duration.toMillis());
        }
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for: " + what);
            }
            Thread.sleep(1000);
        }
    }
}
