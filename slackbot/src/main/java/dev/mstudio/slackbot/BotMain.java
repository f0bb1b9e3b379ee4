package dev.mstudio.slackbot;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.ConfigurationException;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.logging.JsonLogStream;
import dev.mstudio.logging.JsonLogging;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.slackbot.notify.StoreException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mstudio bot ...}:
 * <ul>
 *   <li>{@code bot} — the Slack bot: HTTP (Bolt on Jetty, {@code MSTUDIO_BOT_PORT}) or Socket Mode
 *       when {@code SLACK_APP_TOKEN} is set;</li>
 *   <li>{@code bot --sandbox} — against the embedded DashScope sandbox and FakeSlack, no workspace needed;</li>
 *   <li>{@code bot send 'TEXT'} / {@code bot click ACTION_ID 'VALUE'} — play Slack for the sandbox bot;</li>
 *   <li>{@code bot healthcheck} — 0 when the bot on this host answers {@code /healthz} (the image's health check).</li>
 * </ul>
 * Exit status 2 for usage and configuration problems, with one line naming what to set. With
 * {@code MSTUDIO_LOG_FORMAT=json} the bot's log, and what it prints while it runs, are JSON lines on stderr.
 */
public final class BotMain {
    static final String USAGE = "usage: ./mstudio bot [--sandbox]\n" + SendCommand.USAGE + "\n"
            + "       ./mstudio bot healthcheck";

    private BotMain() {
    }

    public static void main(String[] args) throws Exception {
        quietLibraries();
        Map<String, String> env = System.getenv();
        boolean json;
        try {
            json = BotLogging.configure(env);
        } catch (IllegalArgumentException e) {
            System.err.println("mstudio bot: " + e.getMessage());
            System.exit(2);
            return;
        }
        PrintStream out = System.out;
        PrintStream err = System.err;
        if (json && (args.length == 0 || args[0].equals("--sandbox"))) {
            // a running bot: its banner and a fatal problem are log entries too
            out = JsonLogStream.of(BotMain.class.getName(), "INFO");
            err = JsonLogStream.of(BotMain.class.getName(), "ERROR");
        }
        int status = run(Arrays.asList(args), env, out, err);
        if (status >= 0) {
            System.exit(status);
        }
    }

    /** Runs a subcommand; returns the exit status, or -1 once a bot is serving (it runs until the JVM stops). */
    static int run(List<String> args, Map<String, String> env, PrintStream out, PrintStream err) throws Exception {
        Path home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        Path envFile = SandboxEnvFile.path(env, home);
        String first = args.isEmpty() ? "" : args.get(0);
        switch (first) {
            case "" -> {
                return serve(env, home, out, err);
            }
            case "--sandbox" -> {
                SandboxBot sandbox = SandboxBot.start(env, out, envFile);
                out.print(sandbox.banner(envFile));
                out.flush();
                stopOnExit(sandbox);
                return -1;
            }
            case "healthcheck" -> {
                return HealthCheck.run(env, out, err);
            }
            case "send", "click" -> {
                return new SendCommand(out, err, envFile).run(args.subList(1, args.size()), first.equals("click"));
            }
            case "-h", "--help", "help" -> {
                out.println(USAGE);
                return 0;
            }
            default -> {
                err.println("mstudio: unknown argument '" + first + "'\n" + USAGE);
                return 2;
            }
        }
    }

    private static int serve(Map<String, String> env, Path home, PrintStream out, PrintStream err) throws Exception {
        BotConfig config;
        ClientConfig dashscope;
        try {
            config = BotConfig.fromEnvironment(env);
            dashscope = ClientConfig.fromEnvironment(env, home);
        } catch (BotConfig.Invalid | ConfigurationException e) {
            err.println("mstudio bot: " + e.getMessage());
            return 2;
        }
        // a key read from a file is blanked in JSON log entries as one from the environment is
        JsonLogging.addSecrets(Arrays.asList(dashscope.apiKey()));
        BotMetrics metrics = new BotMetrics();
        DashScopeClient client = DashScopeClient.builder().config(dashscope).okHttpClient(metrics.dashScopeHttp())
                .build();
        Bot bot;
        try {
            Bot.Builder builder = Bot.builder(config, client).metrics(metrics);
            String replica = env.get("MSTUDIO_REPLICA_ID");
            if (replica != null && !replica.isBlank()) {
                builder.replicaId(replica.trim());
            }
            bot = builder.build().start();
        } catch (StoreException e) {
            client.close();
            err.println("mstudio bot: " + e.getMessage());
            return 2;
        } catch (IllegalArgumentException e) {
            client.close();
            err.println("mstudio bot: cannot start: " + e.getMessage() + "; check " + BotConfig.BOT_TOKEN + " and "
                    + BotConfig.API_URL);
            return 2;
        } catch (java.io.IOException e) {
            client.close();
            err.println("mstudio bot: cannot listen on " + config.bindHost() + ":" + config.port() + " ("
                    + e.getClass().getSimpleName() + "); set " + BotConfig.PORT + " to a free port");
            return 2;
        }
        out.println("mstudio bot: " + (config.socketMode() ? "connected to Slack in Socket Mode" : "listening on "
                + config.bindHost() + ":" + bot.port() + BotHttpServer.EVENTS_PATH) + ", slash command "
                + config.slashCommand() + ", DashScope at " + dashscope.redactedBaseUrl() + ", health "
                + bot.healthUrl());
        stopOnExit(() -> {
            bot.close();
            client.close();
        });
        return -1;
    }

    /** Closes {@code resource} when the JVM is asked to stop (Ctrl-C, SIGTERM), and blocks until then. */
    private static void stopOnExit(AutoCloseable resource) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                resource.close();
            } catch (Exception e) {
                Thread.currentThread().interrupt();
            } finally {
                stopped.countDown();
            }
        }, "mstudio-bot-stop"));
        stopped.await();
    }

    /** Jetty and the Slack SDK are chatty at INFO; the bot's own lines stay (unless configured otherwise). */
    private static void quietLibraries() {
        for (String library : List.of("org.eclipse.jetty", "com.slack.api", "org.glassfish.tyrus", "org.flywaydb",
                "com.zaxxer.hikari")) {
            String key = "org.slf4j.simpleLogger.log." + library;
            if (System.getProperty(key) == null) {
                System.setProperty(key, "warn");
            }
        }
    }
}
