package dev.mstudio.bench;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.sandbox.control.Faults;
import dev.mstudio.slackbot.Bot;
import dev.mstudio.slackbot.BotConfig;
import dev.mstudio.slackbot.SignedRequest;
import dev.mstudio.slackbot.command.Admins;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * How fast the Slack bot acknowledges slash commands while DashScope stalls. Starts the sandbox
 * with every API request stalled ({@code stall_ms}, default 10 s), FakeSlack, and the bot in HTTP
 * mode on 127.0.0.1; sends signed slash commands ({@code --requests}, default 500) from
 * {@code --concurrency} (default 20) clients over java.net.http, and prints the acknowledgement
 * latency p50/p90/p99/max and how many took longer than Slack's 3 s. Goal: p99 under 300 ms, none
 * past 3 s: the ack never waits for the API.
 *
 * <p>Arguments (all optional): {@code --requests N} (500), {@code --concurrency N} (20),
 * {@code --stall-ms N} (10000), {@code --warmup N} (50).
 */
public final class AckBench {
    private static final String SECRET = "ack-bench-signing-secret";
    private static final Duration SLACK_LIMIT = Duration.ofSeconds(3);
    private static final List<String> COMMANDS = List.of("imports --status RUNNING", "finetunes", "imports",
            "finetunes --status FAILED", "help");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI events;
    private final FakeSlack slack;

    private AckBench(URI events, FakeSlack slack) {
        this.events = events;
        this.slack = slack;
    }

    public static void main(String[] args) throws Exception {
        int requests = option(args, "--requests", 500);
        int concurrency = option(args, "--concurrency", 20);
        int stallMs = option(args, "--stall-ms", 10_000);
        int warmup = option(args, "--warmup", 50);
        try (Sandbox sandbox = Sandbox.builder().port(0).build().start().seedDemo();
                FakeSlack slack = FakeSlack.start(0).join("C0BENCH");
                DashScopeClient client = DashScopeClient.builder()
                        .config(ClientConfig.of(sandbox.baseUrl(), "sk-bench")).maxAttempts(1).build()) {
            BotConfig config = new BotConfig("xoxb-bench", SECRET, null, slack.apiUrl(), "127.0.0.1", 0, "/mstudio",
                    Admins.parse(""), "jdbc:sqlite::memory:", Duration.ofSeconds(30));
            try (Bot bot = Bot.builder(config, client).build().start()) {
                AckBench bench = new AckBench(bot.eventsUrl(), slack);
                bench.run(warmup, Math.min(concurrency, Math.max(1, warmup)));
                sandbox.faults(new Faults(0, 0.0, 0.0, stallMs));
                System.out.printf("sandbox stalls every API request %d ms; %d signed slash commands, %d at a time%n",
                        stallMs, requests, concurrency);
                long start = System.nanoTime();
                long[] millis = bench.run(requests, concurrency);
                double seconds = (System.nanoTime() - start) / 1e9;
                report(millis, requests, seconds);
                sandbox.faults(Faults.NONE);
            }
        }
    }

    /** Sends {@code count} commands from {@code concurrency} threads; returns each ack's latency in ms (-1: failed). */
    private long[] run(int count, int concurrency) throws Exception {
        AtomicLongArray latencies = new AtomicLongArray(count);
        AtomicInteger next = new AtomicInteger();
        ExecutorService senders = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                running.add(senders.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        latencies.set(n, ack(n));
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            senders.shutdownNow();
        }
        long[] millis = new long[count];
        for (int i = 0; i < count; i++) {
            millis[i] = latencies.get(i);
        }
        return millis;
    }

    /** One signed slash command; its acknowledgement latency in ms, or -1 when it was not a 200. */
    private long ack(int n) {
        String body = SignedRequest.slashCommand("/mstudio", COMMANDS.get(n % COMMANDS.size()), "U0BENCH" + (n % 50),
                "C0BENCH", slack.responseUrl("bench-" + n));
        long start = System.nanoTime();
        try {
            HttpResponse<Void> response = http.send(SignedRequest.sign(SECRET, body, Instant.now())
                    .toHttp(events, Duration.ofSeconds(15)), HttpResponse.BodyHandlers.discarding());
            long millis = (System.nanoTime() - start) / 1_000_000;
            return response.statusCode() == 200 ? millis : -1;
        } catch (Exception e) {
            return -1;
        }
    }

    private static void report(long[] millis, int requests, double seconds) {
        long failed = Arrays.stream(millis).filter(ms -> ms < 0).count();
        long[] ok = Arrays.stream(millis).filter(ms -> ms >= 0).sorted().toArray();
        long late = Arrays.stream(ok).filter(ms -> ms > SLACK_LIMIT.toMillis()).count();
        System.out.printf("acks: %d ok, %d failed, in %.1f s (%.0f/s)%n", ok.length, failed, seconds,
                requests / seconds);
        if (ok.length > 0) {
            System.out.printf("ack latency ms: p50 %d  p90 %d  p99 %d  max %d%n", percentile(ok, 50),
                    percentile(ok, 90), percentile(ok, 99), ok[ok.length - 1]);
        }
        System.out.printf("past Slack's 3 s: %d%n", late + failed);
        boolean met = failed == 0 && late == 0 && ok.length > 0 && percentile(ok, 99) < 300;
        System.out.println("goal (p99 < 300 ms, none past 3 s): " + (met ? "met" : "NOT met"));
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }
}
