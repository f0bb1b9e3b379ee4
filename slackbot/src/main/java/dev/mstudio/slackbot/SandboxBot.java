package dev.mstudio.slackbot;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./mstudio bot --sandbox}: the bot with no Slack workspace and no cloud account. Starts the
 * DashScope sandbox with demo jobs and FakeSlack (which prints what the bot posts), generates a
 * signing secret, binds the bot to 127.0.0.1, writes how to reach it to the sandbox env file, and
 * prints how to send it a signed slash command from the shell.
 */
final class SandboxBot implements AutoCloseable {
    static final String USER = "U0SANDBOX";
    static final String GUEST = "U0GUEST";
    static final String CHANNEL = "C0SANDBOX";
    private static final double SPEED = 5;

    private final Sandbox sandbox;
    private final FakeSlack slack;
    private final DashScopeClient client;
    private final Bot bot;

    private SandboxBot(Sandbox sandbox, FakeSlack slack, DashScopeClient client, Bot bot) {
        this.sandbox = sandbox;
        this.slack = slack;
        this.client = client;
        this.bot = bot;
    }

    /** Starts everything; {@code out} receives FakeSlack's echo. Port: {@code MSTUDIO_BOT_PORT}, else 3000, else any. */
    static SandboxBot start(Map<String, String> env, PrintStream out, Path envFile) throws Exception {
        Sandbox sandbox = Sandbox.builder().port(0).speed(SPEED).build().start().seedDemo();
        FakeSlack slack = null;
        DashScopeClient client = null;
        try {
            slack = FakeSlack.start(0, out).join(CHANNEL).saveFilesTo(envFile.toAbsolutePath().getParent().resolve("sandbox-files"));
            BotMetrics metrics = new BotMetrics();
            client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-sandbox"))
                    .okHttpClient(metrics.dashScopeHttp()).build();
            String secret = HexFormat.of().formatHex(randomBytes());
            BotConfig config = config(env, slack, secret);
            Bot bot = startBot(config, client, metrics, env.get(BotConfig.PORT) == null);
            SandboxBot running = new SandboxBot(sandbox, slack, client, bot);
            running.writeEnvFile(envFile, secret, config.slashCommand());
            return running;
        } catch (Exception | Error e) {
            if (client != null) {
                client.close();
            }
            if (slack != null) {
                slack.close();
            }
            sandbox.close();
            throw e;
        }
    }

    /** What to print once started: where everything is and exactly how to talk to the bot. */
    String banner(Path envFile) {
        String file = envFile.toString();
        return String.join("\n",
                "mstudio bot (sandbox): no Slack workspace, no cloud account.",
                "  DashScope sandbox  " + sandbox.baseUrl() + "  (demo jobs)",
                "  Fake Slack         " + slack.apiUrl() + "  (what the bot posts is printed below)",
                "  Bot                " + bot.eventsUrl() + "  (health: " + bot.healthUrl() + ")",
                "  Signing secret     generated, in " + file + " (mode 600)",
                "  Admin              " + USER + " (the default sender); " + GUEST + " is not an admin",
                "",
                "Send it a signed slash command from another shell:",
                "  ./mstudio bot send 'imports --status RUNNING'",
                "  ./mstudio bot send 'finetunes'            then  ./mstudio bot send 'finetune ID'",
                "  ./mstudio bot send --user " + GUEST + " 'import delete ID'   (refused: not an admin)",
                "  ./mstudio bot click mstudio_confirmed 'import delete ID --yes'   (press a confirm button)",
                "Or sign it yourself (curl + openssl):",
                "  . " + file,
                "  body=\"command=%2Fmstudio&text=imports&user_id=$MSTUDIO_SANDBOX_USER&channel_id="
                        + "$MSTUDIO_SANDBOX_CHANNEL&response_url=${MSTUDIO_RESPONSE_URL_BASE}curl-1\"; ts=$(date +%s)",
                "  sig=\"v0=$(printf 'v0:%s:%s' \"$ts\" \"$body\" | openssl dgst -sha256 -hmac \"$SLACK_SIGNING_SECRET\""
                        + " | sed 's/^.* //')\"",
                "  curl -s -H \"X-Slack-Request-Timestamp: $ts\" -H \"X-Slack-Signature: $sig\" --data \"$body\" "
                        + "\"$MSTUDIO_BOT_URL\"",
                "Ctrl-C stops.",
                "");
    }

    @Override
    public void close() {
        bot.close();
        client.close();
        slack.close();
        sandbox.close();
    }

    private static BotConfig config(Map<String, String> env, FakeSlack slack, String secret) {
        Map<String, String> values = new LinkedHashMap<>(env);
        values.put(BotConfig.BOT_TOKEN, "xoxb-sandbox");
        values.put(BotConfig.SIGNING_SECRET, secret);
        values.remove(BotConfig.APP_TOKEN);
        values.put(BotConfig.API_URL, slack.apiUrl());
        values.put(BotConfig.BIND, "127.0.0.1");
        values.putIfAbsent(BotConfig.ADMINS, USER);
        values.put("MSTUDIO_DB", "jdbc:sqlite::memory:");
        return BotConfig.fromEnvironment(values);
    }

    /** Binds the configured port; when it is the default and taken, any free one. */
    private static Bot startBot(BotConfig config, DashScopeClient client, BotMetrics metrics, boolean portIsDefault)
            throws Exception {
        try {
            return Bot.builder(config, client).metrics(metrics).build().start();
        } catch (UncheckedIOException | java.io.IOException taken) {
            if (!portIsDefault) {
                throw taken;
            }
            return Bot.builder(config.withPort(0), client).metrics(metrics).build().start();
        }
    }

    private void writeEnvFile(Path file, String secret, String slashCommand) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(SandboxEnvFile.URL, bot.eventsUrl().toString());
        values.put(BotConfig.SIGNING_SECRET, secret);
        values.put(BotConfig.SLASH_COMMAND, slashCommand);
        values.put(SandboxEnvFile.USER, USER);
        values.put(SandboxEnvFile.CHANNEL, CHANNEL);
        values.put(SandboxEnvFile.RESPONSE_BASE, slack.responseUrl(""));
        SandboxEnvFile.write(file, values);
    }

    Bot bot() {
        return bot;
    }

    FakeSlack slack() {
        return slack;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
