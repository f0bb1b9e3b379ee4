package dev.mstudio.bench;

import dev.mstudio.client.ImportJob;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Notifications under chaos, against the strict FakeSlack: N watched import jobs across C channels
 * finish in one burst while 10% of Slack calls are rate-limited, Slack is down for 30 s and then 10 s
 * slow for 30 s, one channel is 10 s slow throughout, and the notifying process (a child JVM under
 * -Xmx128m on a SQLite store) is killed -9 twice. Prints whether every completion was delivered
 * exactly once, payloads Slack refused, whether every watch message ends in its job's final state,
 * restart times, and how long the healthy channels took compared with the slow one.
 *
 * <p>Arguments (optional): {@code --jobs N} (1000), {@code --channels N} (100).
 */
public final class NotifyChaosBench {
    private static final Duration PATIENCE = Duration.ofMinutes(8);
    private static final String SLOW_CHANNEL = channel(0, 1);

    private final Sandbox sandbox;
    private final FakeSlack slack;
    private final List<String> workerCommand;
    private final List<Double> restarts = new ArrayList<>();
    private Process worker;

    private NotifyChaosBench(Sandbox sandbox, FakeSlack slack, List<String> workerCommand) {
        this.sandbox = sandbox;
        this.slack = slack;
        this.workerCommand = workerCommand;
    }

    public static void main(String[] args) throws Exception {
        NotifyBench.Options options = NotifyBench.Options.parse(args);
        System.setProperty("sun.net.httpserver.nodelay", "true");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        Path dir = Files.createTempDirectory("notify-chaos");
        try (Sandbox sandbox = Sandbox.builder().port(0).speed(0.000_001).random(7).build().start();
                FakeSlack slack = FakeSlack.start(0)) {
            for (int i = 0; i < options.channels(); i++) {
                slack.join(channel(i, options.channels()));
            }
            sandbox.seed(options.jobs(), 0, 1.0);
            List<String> ids = activeImports(sandbox, options.jobs());
            Files.write(dir.resolve("ids.txt"), ids);
            List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    NotifyWorker.class.getName(), sandbox.baseUrl(), slack.apiUrl(), dir.resolve("bot.db").toString(),
                    dir.resolve("ids.txt").toString(), String.valueOf(options.channels()));
            new NotifyChaosBench(sandbox, slack, command).run(ids, options.channels());
        } finally {
            try (var files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private void run(List<String> ids, int channels) throws Exception {
        System.out.printf("NotifyChaosBench: %d watched import jobs across %d channels%n", ids.size(), channels);
        start(true);
        await("watch messages posted", () -> watchPosts(ids).size() == ids.size());
        System.out.printf("  %d watch messages posted%n", ids.size());
        slack.throttleRate(0.10, 1);
        slack.latency(SLOW_CHANNEL, Duration.ofSeconds(10));
        Instant burst = Instant.now();
        for (int i = 0; i < ids.size(); i++) {
            sandbox.forceStatus(ids.get(i), i % 2 == 0 ? "FAILED" : "SUCCESSED");
        }
        chaos(burst);
        await("every completion delivered", () -> reported(ids).values().stream().allMatch(n -> n >= 1));
        pause(Duration.ofSeconds(5));
        worker.destroyForcibly().waitFor();
        report(ids, burst);
    }

    /** Kill -9 at 3 s; Slack down 8-38 s; 10 s slow 38-68 s with a kill -9 at 50 s. */
    private void chaos(Instant burst) throws Exception {
        at(burst, 3);
        kill();
        at(burst, 8);
        slack.down(true);
        at(burst, 38);
        slack.down(false);
        slack.latency(Duration.ofSeconds(10));
        at(burst, 50);
        kill();
        at(burst, 68);
        slack.latency(Duration.ZERO);
    }

    private void kill() throws Exception {
        worker.destroyForcibly().waitFor();
        long restart = System.nanoTime();
        start(false);
        restarts.add((System.nanoTime() - restart) / 1e9);
    }

    private void start(boolean watch) throws Exception {
        List<String> command = new ArrayList<>(workerCommand);
        if (watch) {
            command.add("--watch");
        }
        worker = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.equals("ready")) {
            System.out.println("  worker: " + line);
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> System.out.println("  worker: " + l)));
        drain.setDaemon(true);
        drain.start();
    }

    private void report(List<String> ids, Instant burst) {
        Map<String, Long> reported = reported(ids);
        long once = reported.values().stream().filter(n -> n == 1).count();
        long more = reported.values().stream().filter(n -> n > 1).count();
        long missing = reported.values().stream().filter(n -> n == 0).count();
        Map<String, SlackCall> posts = watchPosts(ids);
        long duplicatePosts = slack.calls("chat.postMessage").stream().filter(SlackCall::ok)
                .filter(c -> c.threadTs() == null && ids.stream().anyMatch(id -> String.valueOf(c.text()).contains(id)))
                .count() - posts.size();
        long refusedForm = slack.calls().stream().filter(c -> "invalid_blocks".equals(c.error())
                || "msg_too_long".equals(c.error())).count();
        System.out.printf("  completions delivered exactly once: %d of %d (%d more than once, %d missing)%n",
                once, ids.size(), more, missing);
        System.out.printf("  watch messages posted more than once: %d; payloads Slack refused: %d%n",
                Math.max(0, duplicatePosts), refusedForm);
        System.out.printf("  watch messages in their job's final state: %d of %d%n", finalStates(ids, posts),
                ids.size());
        System.out.printf("  Slack calls: %d throttled (429), %d refused while down, %d answers looked up "
                + "(conversations.history/replies)%n", count("ratelimited"), count("service_unavailable"),
                slack.calls("conversations.history").size() + slack.calls("conversations.replies").size());
        System.out.printf("  kill -9 twice; worker back up in %s s%n", restarts.stream()
                .map(s -> String.format("%.1f", s)).toList());
        lastCalls(burst);
    }

    /** When each channel got its last successful call after the burst: the slow one against the others. */
    private void lastCalls(Instant burst) {
        Map<String, Instant> last = new HashMap<>();
        for (SlackCall call : slack.calls()) {
            if (call.ok() && call.channel() != null && call.at().isAfter(burst)) {
                last.merge(call.channel(), call.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        List<Double> others = last.entrySet().stream().filter(e -> !e.getKey().equals(SLOW_CHANNEL))
                .map(e -> Duration.between(burst, e.getValue()).toMillis() / 1000.0).sorted().toList();
        double slow = last.containsKey(SLOW_CHANNEL) ? Duration.between(burst, last.get(SLOW_CHANNEL)).toMillis() / 1000.0
                : Double.NaN;
        System.out.printf("  channels done after the burst: others p50 %.1f s, p95 %.1f s, max %.1f s; "
                + "the 10 s-slow channel %.1f s%n", pct(others, 50), pct(others, 95), pct(others, 100), slow);
    }

    private long finalStates(List<String> ids, Map<String, SlackCall> posts) {
        long right = 0;
        for (int i = 0; i < ids.size(); i++) {
            SlackCall post = posts.get(ids.get(i));
            String expected = i % 2 == 0 ? "FAILED" : "SUCCESSED";
            SlackCall latest = post;
            for (SlackCall update : slack.calls("chat.update")) {
                if (update.ok() && post != null && post.ts().equals(update.ts())) {
                    latest = update;
                }
            }
            if (latest != null && String.valueOf(latest.text()).contains(expected)) {
                right++;
            }
        }
        return right;
    }

    /** The watch message of each job: its successful top-level post. */
    private Map<String, SlackCall> watchPosts(List<String> ids) {
        return watchPosts(slack, ids);
    }

    /** The watch message of each job in {@code ids}: its first successful top-level post. */
    static Map<String, SlackCall> watchPosts(FakeSlack slack, List<String> ids) {
        Map<String, SlackCall> posts = new HashMap<>();
        for (SlackCall call : slack.calls("chat.postMessage")) {
            if (call.ok() && call.threadTs() == null && call.text() != null && call.text().startsWith("Import job ")) {
                String id = call.text().substring("Import job ".length()).split(" ")[0];
                posts.putIfAbsent(id, call);
            }
        }
        posts.keySet().retainAll(ids);
        return posts;
    }

    /** How often each job's completion was told: thread replies and digest lines. */
    private Map<String, Long> reported(List<String> ids) {
        return reported(slack, ids);
    }

    /** How often FakeSlack was told each job's completion: thread replies and digest lines. */
    static Map<String, Long> reported(FakeSlack slack, List<String> ids) {
        Map<String, Long> counts = new HashMap<>();
        ids.forEach(id -> counts.put(id, 0L));
        for (SlackCall call : slack.calls("chat.postMessage")) {
            boolean completion = call.ok() && (call.threadTs() != null
                    || String.valueOf(call.text()).matches("(?s)\\d+ jobs finished:.*"));
            if (completion) {
                for (String word : String.valueOf(call.text()).split("[^A-Za-z0-9_-]+")) {
                    counts.computeIfPresent(word, (id, n) -> n + 1);
                }
            }
        }
        return counts;
    }

    private long count(String error) {
        return slack.calls().stream().filter(c -> error.equals(c.error())).count();
    }

    static String channel(int index, int channels) {
        return String.format("C%05d", index % channels);
    }

    static List<String> activeImports(Sandbox sandbox, int limit) throws Exception {
        List<String> ids = new ArrayList<>();
        try (DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-bench"))
                .build()) {
            for (String status : List.of("PENDING", "RUNNING")) {
                for (int page = 1; ids.size() < limit; page++) {
                    List<ImportJob> items = client.listImports(new ImportQuery(page, 100, status, null)).items();
                    items.stream().map(ImportJob::jobId).limit(limit - ids.size()).forEach(ids::add);
                    if (items.size() < 100) {
                        break;
                    }
                }
            }
        }
        return ids;
    }

    private static double pct(List<Double> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void at(Instant start, int seconds) throws InterruptedException {
        Duration wait = Duration.between(Instant.now(), start.plusSeconds(seconds));
        if (!wait.isNegative()) {
            pause(wait);
        }
    }

    private static void pause(Duration duration) throws InterruptedException {
        Thread.sleep(duration.toMillis());
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
