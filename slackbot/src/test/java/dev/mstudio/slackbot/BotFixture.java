package dev.mstudio.slackbot;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.slackbot.command.Admins;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A real bot on 127.0.0.1 (Bolt over Jetty, port 0) against the DashScope sandbox (demo jobs,
 * frozen clock) and FakeSlack, and a way to talk to it as Slack does: signed form posts.
 */
final class BotFixture implements AutoCloseable {
    static final String SECRET = "test-signing-secret";
    static final String ADMIN = "U0ADMIN";
    static final String USER = "U0USER";
    static final String CHANNEL = "C0TEST";
    static final Duration WAIT = Duration.ofSeconds(20);

    final Sandbox sandbox;
    final FakeSlack slack;
    final DashScopeClient client;
    final Bot bot;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger ids = new AtomicInteger();

    private final BotConfig config;
    private final List<Bot> replicas = new ArrayList<>();

    private BotFixture(Sandbox sandbox, FakeSlack slack, DashScopeClient client, Bot bot, BotConfig config) {
        this.config = config;
        this.sandbox = sandbox;
        this.slack = slack;
        this.client = client;
        this.bot = bot;
    }

    static BotFixture start(Duration commandTimeout) throws Exception {
        return start(commandTimeout, "jdbc:sqlite::memory:");
    }

    /** A bot on the store at {@code dbUrl}; {@link #replica} starts more on the same store (PostgreSQL). */
    static BotFixture start(Duration commandTimeout, String dbUrl) throws Exception {
        return start(commandTimeout, dbUrl, builder -> builder);
    }

    /** As {@link #start(Duration, String)}, with the bot's builder changed by {@code options} first. */
    static BotFixture start(Duration commandTimeout, String dbUrl, java.util.function.UnaryOperator<Bot.Builder> options)
            throws Exception {
        Clock frozen = Clock.fixed(Instant.parse("2024-11-01T12:00:00Z"), ZoneOffset.UTC);
        Sandbox sandbox = Sandbox.builder().port(0).clock(frozen).random(7).build().start().seedDemo();
        FakeSlack slack = FakeSlack.start(0).join(CHANNEL);
        BotMetrics metrics = new BotMetrics();
        DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test"))
                .okHttpClient(metrics.dashScopeHttp()).maxAttempts(1).build();
        BotConfig config = new BotConfig("xoxb-test", SECRET, null, slack.apiUrl(), "127.0.0.1", 0, "/mstudio",
                Admins.of(ADMIN), dbUrl, commandTimeout);
        Bot bot = options.apply(Bot.builder(config, client).metrics(metrics).replicaId("replica-0")).build().start();
        return new BotFixture(sandbox, slack, client, bot, config);
    }

    /** Another bot (its own HTTP server, sessions and store connection) on this one's store, sandbox and FakeSlack. */
    Bot replica() throws Exception {
        Bot replica = Bot.builder(config, client).replicaId("replica-" + (replicas.size() + 1)).build().start();
        replicas.add(replica);
        return replica;
    }

    /** Sends {@code /mstudio text} as {@code user}, signed now. */
    Sent slash(String user, String text) throws IOException, InterruptedException {
        return slashIn(CHANNEL, user, text);
    }

    /** Sends {@code /mstudio text} as {@code user} in {@code channel}, signed now. */
    Sent slashIn(String channel, String user, String text) throws IOException, InterruptedException {
        return slashTo(bot, channel, user, text);
    }

    /** Sends {@code /mstudio text} to {@code target} (this bot or a {@link #replica}). */
    Sent slashTo(Bot target, String channel, String user, String text) throws IOException, InterruptedException {
        String id = "r" + ids.incrementAndGet();
        String body = SignedRequest.slashCommand("/mstudio", text, user, channel, slack.responseUrl(id));
        return send(target, SignedRequest.sign(SECRET, body, Instant.now()), id);
    }

    /** Clicks button {@code actionId} carrying {@code value} as {@code user}, signed now. */
    Sent click(String user, String actionId, String value) throws IOException, InterruptedException {
        return clickOn(bot, user, actionId, value);
    }

    /** Clicks on {@code target} (this bot or a {@link #replica}). */
    Sent clickOn(Bot target, String user, String actionId, String value) throws IOException, InterruptedException {
        String id = "c" + ids.incrementAndGet();
        String body = SignedRequest.buttonClick(actionId, value, user, CHANNEL, slack.responseUrl(id));
        return send(target, SignedRequest.sign(SECRET, body, Instant.now()), id);
    }

    /** Clicks as {@code user} in {@code channel}. */
    Sent click(String user, String channel, String actionId, String value) throws IOException, InterruptedException {
        String body = SignedRequest.buttonClick(actionId, value, user, channel, slack.responseUrl("c" + ids.incrementAndGet()));
        return send(SignedRequest.sign(SECRET, body, Instant.now()));
    }

    /**
     * Requests that change jobs (every POST, PUT and DELETE of the API: creates, cancels, deletes),
     * as the sandbox counts them, read over HTTP from its control API {@code /_sandbox/stats}.
     */
    long changingRequests() throws IOException, InterruptedException {
        HttpResponse<String> stats = http.send(java.net.http.HttpRequest.newBuilder(sandbox.root()
                .resolve("_sandbox/stats")).header("Authorization", "Bearer sk-test").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode requests = JSON.readTree(stats.body()).path("requests");
        long changing = 0;
        for (var entry : (Iterable<java.util.Map.Entry<String, JsonNode>>) requests::fields) {
            String key = entry.getKey();
            if (key.startsWith("POST /api") || key.startsWith("PUT /api") || key.startsWith("DELETE /api")) {
                changing += entry.getValue().asLong();
            }
        }
        return changing;
    }

    Sent send(SignedRequest request) throws IOException, InterruptedException {
        return send(bot, request, null);
    }

    private Sent send(Bot target, SignedRequest request, String responseId) throws IOException, InterruptedException {
        Set<SlackCall> before = Collections.newSetFromMap(new IdentityHashMap<>());
        before.addAll(slack.calls("response"));
        HttpResponse<String> ack = http.send(request.toHttp(target.eventsUrl(), WAIT), HttpResponse.BodyHandlers.ofString());
        return new Sent(ack, before, responseId);
    }

    @Override
    public void close() {
        replicas.forEach(Bot::close);
        bot.close();
        client.close();
        slack.close();
        sandbox.close();
    }

    /** A request sent and its acknowledgement; replies are the response_url posts that came after it. */
    final class Sent {
        final HttpResponse<String> ack;
        private final Set<SlackCall> before;
        private final String responseId;

        Sent(HttpResponse<String> ack, Set<SlackCall> before, String responseId) {
            this.ack = ack;
            this.before = before;
            this.responseId = responseId;
        }

        /** The first post to this request's own response_url whose text {@code match}es. */
        SlackCall awaitOwnReply(Predicate<String> match) {
            return slack.awaitCall("response", call -> responseId != null && responseId.equals(call.responseId())
                    && match.test(allText(call.body())), WAIT);
        }

        /** The first response_url post since this request whose text (any text in it) {@code match}es. */
        SlackCall awaitReply(Predicate<String> match) {
            return slack.awaitCall("response", call -> !before.contains(call) && match.test(allText(call.body())), WAIT);
        }

        /** Replies received so far. */
        List<SlackCall> replies() {
            return slack.calls("response").stream().filter(call -> !before.contains(call)).toList();
        }
    }

    /** Every "text" value in a message, joined by newlines. */
    static String allText(JsonNode node) {
        return String.join("\n", texts(node));
    }

    static List<String> texts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        collect(node, texts);
        return texts;
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("text") && entry.getValue().isTextual()) {
                    texts.add(entry.getValue().asText());
                } else {
                    collect(entry.getValue(), texts);
                }
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, texts));
        }
    }

    /** Every button in a message: [action_id, value]. */
    static List<String[]> buttons(JsonNode message) {
        List<String[]> buttons = new ArrayList<>();
        for (JsonNode block : message.path("blocks")) {
            for (JsonNode element : block.path("elements")) {
                if ("button".equals(element.path("type").asText())) {
                    buttons.add(new String[] {element.path("action_id").asText(), element.path("value").asText()});
                }
            }
            JsonNode accessory = block.path("accessory");
            if ("button".equals(accessory.path("type").asText())) {
                buttons.add(new String[] {accessory.path("action_id").asText(), accessory.path("value").asText()});
            }
        }
        return buttons;
    }
}
