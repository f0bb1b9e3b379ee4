package dev.mstudio.slackbot.fakeslack;

import com.sun.net.httpserver.HttpServer;
import dev.mstudio.concurrent.DaemonThreads;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API on 127.0.0.1, in the manner of MockWebServer: point the
 * Slack SDK at {@link #apiUrl()} ({@code SlackConfig#setMethodsEndpointUrlPrefix}, or
 * {@code SLACK_API_URL}), run the code, then verify what was sent with {@link #calls(String)} or
 * {@link #awaitCall}. It is as strict as Slack: a message over Block Kit's limits is refused with
 * {@code invalid_blocks}, a text over 40,000 characters with {@code msg_too_long}, and a post to a
 * channel the bot is not a member of ({@link #join}) with {@code channel_not_found} or, for a channel
 * that exists ({@link #addChannel}), {@code not_in_channel}; a user ID stands for a direct message
 * and is always accepted. Otherwise it answers like Slack: chat.postMessage assigns a {@code ts},
 * chat.update needs a message it posted ({@code message_not_found} otherwise), conversations.open
 * opens the bot's direct message with a user ({@code D...}; {@code user_not_found} for what is not a
 * user ID), files are shared (files.completeUploadExternal) only in a conversation the bot is in and
 * never by a user ID ({@code invalid_arguments}, as Slack), auth.test names a fake bot, apps.connections.open hands out the URL set with {@link #socketModeUrl(String)}, any
 * other method answers {@code {"ok":true}}. Throttling ({@link #throttleNext}), refusals
 * ({@link #failNext}), slow answers ({@link #latency}) and an outage ({@link #down}) can be
 * scripted. Token parameters are never recorded or printed.
 *
 * <pre>{@code
 * try (FakeSlack slack = FakeSlack.start(0)) {
 *     slack.join("C1");
 *     SlackConfig config = new SlackConfig();
 *     config.setMethodsEndpointUrlPrefix(slack.apiUrl());
 *     ... run ...
 *     SlackCall update = slack.awaitCall("chat.update", c -> c.text().contains("FAILED"), Duration.ofSeconds(10));
 * }
 * }</pre>
 */
public final class FakeSlack implements AutoCloseable {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final int THREADS = 16;

    private final HttpServer server;
    private final ExecutorService executor;
    private final CallLog log;
    private final Script script = new Script();
    private final Channels channels = new Channels();
    private final AtomicReference<String> socketModeUrl = new AtomicReference<>();
    private final Uploads uploads = new Uploads();
    private PrintStream echo;

    private FakeSlack(HttpServer server, ExecutorService executor, CallLog log) {
        this.server = server;
        this.executor = executor;
        this.log = log;
    }

    /** Starts serving on 127.0.0.1; port 0 picks a free one. */
    public static FakeSlack start(int port) {
        return start(port, null);
    }

    /** Starts serving and prints each call to {@code echo} (null: silent), Block Kit rendered as text. */
    public static FakeSlack start(int port, PrintStream echo) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, DaemonThreads.named("fake-slack"));
        try {
            HttpServer server = HttpServer.create(
                    new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), port), 128);
            CallLog log = new CallLog(echo);
            FakeSlack slack = new FakeSlack(server, executor, log);
            slack.echo = echo;
            server.createContext("/", new FakeSlackHandler(Clock.systemUTC(), log, slack.script,
                    slack.channels, slack.socketModeUrl::get, slack.uploads, slack::base));
            server.setExecutor(executor);
            server.start();
            return slack;
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("cannot start FakeSlack on 127.0.0.1:" + port, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private String base() {
        return "http://127.0.0.1:" + port();
    }

    /**
     * Keeps every file shared from now on in {@code folder} too ({@code ID.png}) and prints its path
     * to the echo, as the bot's sandbox mode shows a workspace's images.
     */
    public FakeSlack saveFilesTo(java.nio.file.Path folder) {
        uploads.saveTo(Objects.requireNonNull(folder, "folder"), echo);
        return this;
    }

    /** The bytes of a file shared in a channel, or null. */
    public byte[] file(String id) {
        return uploads.file(id);
    }

    /** The IDs of the files shared in {@code channel}, oldest first. */
    public List<String> filesIn(String channel) {
        return uploads.sharedIn(channel);
    }

    /** The Web API base, e.g. {@code http://127.0.0.1:PORT/api/} (the value for SLACK_API_URL). */
    public String apiUrl() {
        return "http://127.0.0.1:" + port() + "/api/";
    }

    /** A response_url the bot may POST to; its calls are recorded with method "response". */
    public String responseUrl(String id) {
        Objects.requireNonNull(id, "id");
        return "http://127.0.0.1:" + port() + "/response/" + id;
    }

    /**
     * The WebSocket URL apps.connections.open answers with from now on ({@code {"ok":true,"url":URL}}),
     * e.g. a local Socket Mode server's {@code ws://127.0.0.1:PORT/}; null: plain {@code {"ok":true}} again.
     */
    public void socketModeUrl(String url) {
        socketModeUrl.set(url);
    }

    /** Everything received, in order, throttled and refused calls included. */
    public List<SlackCall> calls() {
        return log.all();
    }

    /** The calls of one method ("chat.postMessage", "chat.update", "response", ...), in order. */
    public List<SlackCall> calls(String method) {
        return log.of(Objects.requireNonNull(method, "method"));
    }

    /**
     * The first call of {@code method} that {@code match} accepts (null: any), received already or
     * within {@code timeout}.
     *
     * @throws AssertionError when none arrives in time, listing what did arrive
     */
    public SlackCall awaitCall(String method, Predicate<SlackCall> match, Duration timeout) {
        try {
            SlackCall call = log.await(Objects.requireNonNull(method, "method"), match, timeout);
            if (call == null) {
                throw new AssertionError("no matching " + method + " call within " + timeout + "; received:\n"
                        + String.join("\n", calls().stream().map(Echo::render).toList()));
            }
            return call;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + method, e);
        }
    }

    /**
     * Answers the next {@code times} calls of {@code method} ("*" for any) with HTTP 429, header
     * {@code Retry-After: retryAfterSeconds} and {@code {"ok":false,"error":"ratelimited"}}.
     */
    public void throttleNext(String method, int times, int retryAfterSeconds) {
        if (retryAfterSeconds < 1) {
            throw new IllegalArgumentException("retryAfterSeconds must be at least 1");
        }
        script.add(new Script.Fault(Objects.requireNonNull(method, "method"), 429, "ratelimited",
                retryAfterSeconds), times);
    }

    /** Answers the next {@code times} calls of {@code method} ("*" for any) with {@code {"ok":false,"error":E}}. */
    public void failNext(String method, int times, String error) {
        script.add(new Script.Fault(Objects.requireNonNull(method, "method"), 200,
                Objects.requireNonNull(error, "error"), 0), times);
    }

    /**
     * The next {@code times} calls of {@code method} take effect (a post is posted) but their
     * answer is lost: the connection closes without one, as when Slack or the network fails
     * mid-answer. The caller cannot tell whether the call worked.
     */
    public void loseNextAnswers(String method, int times) {
        script.add(new Script.Fault(Objects.requireNonNull(method, "method"), Script.LOST, "answer_lost", 0), times);
    }

    /** The bot is a member of these channels (which then exist): it may post, update and post ephemerals there. */
    public FakeSlack join(String... channelIds) {
        for (String channel : channelIds) {
            channels.join(Objects.requireNonNull(channel, "channel"));
        }
        return this;
    }

    /** These channels exist but the bot is not in them: posts there get {@code not_in_channel}. */
    public FakeSlack addChannel(String... channelIds) {
        for (String channel : channelIds) {
            channels.add(Objects.requireNonNull(channel, "channel"));
        }
        return this;
    }

    /** The bot leaves (or is removed from) the channel; it still exists. */
    public void leave(String channelId) {
        channels.leave(Objects.requireNonNull(channelId, "channel"));
    }

    /** Every answer from now on waits this long first (ZERO: answer at once). */
    public void latency(Duration latency) {
        if (Objects.requireNonNull(latency, "latency").isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        script.latency(latency);
    }

    /** From now on a share {@code rate} (0..1) of Web API calls is answered 429 with Retry-After. */
    public void throttleRate(double rate, int retryAfterSeconds) {
        if (rate < 0 || rate > 1 || retryAfterSeconds < 1) {
            throw new IllegalArgumentException("rate must be within 0..1 and retryAfterSeconds at least 1");
        }
        script.throttleRate(rate, retryAfterSeconds);
    }

    /** Every answer about {@code channel} waits this long first (ZERO: as everyone else). */
    public void latency(String channel, Duration latency) {
        if (Objects.requireNonNull(latency, "latency").isNegative()) {
            throw new IllegalArgumentException("latency must not be negative");
        }
        script.latency(Objects.requireNonNull(channel, "channel"), latency);
    }

    /** While down, every call is answered HTTP 503 {@code {"ok":false,"error":"service_unavailable"}}. */
    public void down(boolean down) {
        script.down(down);
    }

    /** Forgets every scripted throttle and refusal not used yet, the latency and an outage. */
    public void clearFaults() {
        script.clear();
    }

    /** Stops serving at once. Idempotent. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
