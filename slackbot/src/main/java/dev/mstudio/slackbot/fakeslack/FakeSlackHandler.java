package dev.mstudio.slackbot.fakeslack;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** Answers Web API calls ({@code /api/METHOD}) and response_url posts ({@code /response/ID}) like Slack. */
final class FakeSlackHandler implements HttpHandler {
    private static final String API = "/api/";
    private static final String RESPONSE = "/response/";
    private static final String UPLOAD = "/upload/";
    private static final String DOWN = "service_unavailable";
    /** Methods that act in a channel, as the bot: refused where the bot is not a member. */
    private static final Set<String> CHANNEL_METHODS = Set.of("chat.postMessage", "chat.update",
            "chat.postEphemeral", "chat.delete", "chat.scheduleMessage", "chat.meMessage");

    private final Clock clock;
    private final CallLog log;
    private final Script script;
    private final Supplier<String> socketModeUrl;
    private final Channels channels;
    private final Uploads uploads;
    private final Supplier<String> base;
    private final AtomicLong tsCounter = new AtomicLong();
    private final Set<String> messages = ConcurrentHashMap.newKeySet();
    private final History history = new History();

    /** {@code socketModeUrl}: what apps.connections.open hands out (null: no URL in the answer). */
    FakeSlackHandler(Clock clock, CallLog log, Script script, Channels channels, Supplier<String> socketModeUrl,
            Uploads uploads, Supplier<String> base) {
        this.uploads = uploads;
        this.base = base;
        this.clock = clock;
        this.channels = channels;
        this.log = log;
        this.script = script;
        this.socketModeUrl = socketModeUrl;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            byte[] raw = exchange.getRequestBody().readNBytes(Uploads.MAX_BYTES + 1);
            if (path.startsWith(UPLOAD)) {
                boolean taken = uploads.receive(path.substring(UPLOAD.length()), raw);
                send(exchange, taken ? 200 : 404, taken ? "OK" : "{\"ok\":false,\"error\":\"file_not_found\"}", 0);
                return;
            }
            String body = new String(raw, StandardCharsets.UTF_8);
            ObjectNode params = Params.parse(exchange.getRequestURI().getRawQuery(),
                    exchange.getRequestHeaders().getFirst("Content-Type"), body);
            if (path.startsWith(API) && path.length() > API.length()) {
                answer(exchange, path.substring(API.length()), params, null);
            } else if (path.startsWith(RESPONSE)) {
                answer(exchange, "response", params, path.substring(RESPONSE.length()));
            } else {
                send(exchange, 404, "{\"ok\":false,\"error\":\"unknown_method\"}", 0);
            }
        }
    }

    /** {@code responseId}: the ID of the response_url posted to, null for a Web API call. */
    private void answer(HttpExchange exchange, String method, ObjectNode params, String responseId)
            throws IOException {
        waitLatency(Params.text(params, "channel"));
        if (script.down()) {
            record(method, params, null, DOWN, responseId);
            send(exchange, 503, error(DOWN), 0);
            return;
        }
        Script.Fault fault = script.take(method);
        if (fault == null && responseId == null) {
            fault = script.randomThrottle(method);
        }
        if (fault != null && fault.status() == Script.LOST) {
            Reply done = refusal(method, params) == null ? reply(method, params) : null;
            record(method, params, done == null ? null : done.ts(), "answer_lost", responseId);
            return;
        }
        if (fault != null) {
            record(method, params, null, fault.error(), responseId);
            send(exchange, fault.status(), error(fault.error()), fault.retryAfterSeconds());
            return;
        }
        String refusal = refusal(method, params);
        if (refusal != null) {
            record(method, params, null, refusal, responseId);
            send(exchange, responseId != null ? 400 : 200, error(refusal), 0);
            return;
        }
        Reply reply = reply(method, params);
        record(method, params, reply.ts(), reply.error(), responseId);
        send(exchange, 200, reply.json(), 0);
    }

    /** What Slack would refuse before doing anything: a channel the bot is not in, a message over the limits. */
    private String refusal(String method, ObjectNode params) {
        if (method.equals("response")) {
            return BlockKitRules.check(params, false);
        }
        if (!CHANNEL_METHODS.contains(method)) {
            return null;
        }
        String channel = channels.refusal(Params.text(params, "channel"));
        return channel != null || method.equals("chat.delete") ? channel : BlockKitRules.check(params, true);
    }

    private void waitLatency(String channel) throws IOException {
        Duration latency = script.latency(channel);
        if (latency.isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(latency.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("FakeSlack is stopping");
        }
    }

    private record Reply(String json, String ts, String error) {
    }

    private Reply reply(String method, ObjectNode params) {
        String channel = Params.text(params, "channel");
        return switch (method) {
            case "chat.postMessage" -> postMessage(channel, params);
            case "conversations.history" -> conversation(channel, history.history(params));
            case "conversations.replies" -> conversation(channel, history.replies(params));
            case "conversations.info" -> info(channel);
            case "conversations.open" -> open(Params.text(params, "users"));
            case "files.getUploadURLExternal" -> ok(uploads.uploadUrl(base.get(), params).toString(), null);
            case "files.completeUploadExternal" -> completeUpload(params);
            case "chat.update" -> update(channel, Params.text(params, "ts"));
            case "chat.postEphemeral" -> ok("{\"ok\":true,\"message_ts\":\"" + nextTs() + "\"}", null);
            case "auth.test" -> ok("{\"ok\":true,\"url\":\"https://fake-slack.invalid/\",\"team\":\"Fake Slack\","
                    + "\"user\":\"mstudio\",\"team_id\":\"T0FAKE\",\"user_id\":\"U0FAKE\",\"bot_id\":\"B0FAKE\"}",
                    null);
            case "apps.connections.open" -> connectionsOpen();
            default -> ok("{\"ok\":true}", null);
        };
    }

    private Reply connectionsOpen() {
        String url = socketModeUrl.get();
        return ok(url == null ? "{\"ok\":true}" : "{\"ok\":true,\"url\":\"" + jsonEscape(url) + "\"}", null);
    }

    private Reply postMessage(String channel, ObjectNode params) {
        if (channel == null || channel.isBlank()) {
            return new Reply(error("channel_not_found"), null, "channel_not_found");
        }
        String ts = nextTs();
        messages.add(channel + "/" + ts);
        history.add(channel, ts, params);
        return ok(String.format("{\"ok\":true,\"channel\":\"%s\",\"ts\":\"%s\"}", jsonEscape(channel), ts), ts);
    }

    /** History and replies: only of a channel the bot is in (or a DM), as Slack's history scopes allow. */
    private Reply conversation(String channel, ObjectNode answer) {
        String refusal = channels.refusal(channel);
        return refusal != null ? new Reply(error(refusal), null, refusal) : ok(answer.toString(), null);
    }

    /**
     * conversations.open: the bot's direct message with one user (a group DM with up to
     * {@value Channels#MAX_GROUP}), which the bot is then a member of; every user must exist.
     */
    private Reply open(String users) {
        List<String> ids = users == null ? List.of()
                : Stream.of(users.split(",")).map(String::trim).filter(user -> !user.isEmpty()).toList();
        String error = ids.isEmpty() ? "users_list_not_supplied" : ids.size() > Channels.MAX_GROUP ? "too_many_users"
                : ids.stream().allMatch(channels::user) ? null : "user_not_found";
        if (error != null) {
            return new Reply(error(error), null, error);
        }
        String id = Channels.direct(ids);
        boolean already = channels.refusal(id) == null;
        channels.join(id);
        ObjectNode answer = Params.JSON.createObjectNode().put("ok", true);
        if (already) {
            answer.put("no_op", true).put("already_open", true);
        }
        answer.putObject("channel").put("id", id);
        return ok(answer.toString(), null);
    }

    /**
     * Shares uploaded files in a channel (or thread) the bot may post to. Unlike chat.postMessage,
     * Slack takes no user ID here ({@code invalid_arguments}): a DM is shared by its D... ID.
     */
    private Reply completeUpload(ObjectNode params) {
        String channel = Params.text(params, "channel_id");
        String refusal = channel == null ? null : channels.user(channel) ? "invalid_arguments"
                : channels.refusal(channel);
        String error = refusal != null ? refusal : uploads.complete(params, channel);
        return error != null ? new Reply(error(error), null, error) : ok(uploads.completed(params).toString(), null);
    }

    /** conversations.info: a channel the bot can see, and whether it is a member; else channel_not_found. */
    private Reply info(String channel) {
        if (!channels.visible(channel)) {
            return new Reply(error("channel_not_found"), null, "channel_not_found");
        }
        ObjectNode answer = Params.JSON.createObjectNode().put("ok", true);
        answer.putObject("channel").put("id", channel).put("is_member", channels.refusal(channel) == null)
                .put("is_private", false).put("is_im", channel.startsWith("D"));
        return ok(answer.toString(), null);
    }

    private Reply update(String channel, String ts) {
        if (channel == null || ts == null || !messages.contains(channel + "/" + ts)) {
            return new Reply(error("message_not_found"), ts, "message_not_found");
        }
        return ok(String.format("{\"ok\":true,\"channel\":\"%s\",\"ts\":\"%s\"}", jsonEscape(channel), ts), ts);
    }

    private static Reply ok(String json, String ts) {
        return new Reply(json, ts, null);
    }

    private void record(String method, ObjectNode params, String ts, String error, String responseId) {
        String recordedTs = ts != null ? ts : Params.text(params, "ts");
        log.add(new SlackCall(clock.instant(), method, Params.text(params, "channel"), recordedTs,
                Params.text(params, "thread_ts"), Params.text(params, "text"), params, error, responseId));
    }

    /** As Slack writes them: the post's time in epoch seconds and microseconds, unique and increasing. */
    private String nextTs() {
        java.time.Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
        long n = tsCounter.updateAndGet(last -> Math.max(last + 1, micros));
        return (n / 1_000_000) + "." + String.format("%06d", n % 1_000_000);
    }

    private static String error(String code) {
        return "{\"ok\":false,\"error\":\"" + jsonEscape(code) + "\"}";
    }

    private static String jsonEscape(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String readBody(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String json, int retryAfterSeconds)
            throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        if (retryAfterSeconds > 0) {
            exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
