package dev.mstudio.slackbot;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ./mstudio bot send [--user U] [--channel C] 'TEXT'} and {@code ./mstudio bot click ACTION_ID
 * 'VALUE'}: play Slack for the sandbox bot. Signs the request with the secret in the sandbox env file,
 * POSTs it, and prints the acknowledgement; the answer appears in the bot's window (FakeSlack).
 */
final class SendCommand {
    static final String USAGE = "usage: ./mstudio bot send [--user U] [--channel C] 'TEXT'\n"
            + "       ./mstudio bot click [--user U] [--channel C] ACTION_ID 'VALUE'";

    private final PrintStream out;
    private final PrintStream err;
    private final Path envFile;

    SendCommand(PrintStream out, PrintStream err, Path envFile) {
        this.out = out;
        this.err = err;
        this.envFile = envFile;
    }

    /** Runs {@code send} (click false) or {@code click}; returns the exit status. */
    int run(List<String> args, boolean click) throws InterruptedException {
        Options options = Options.parse(args, click ? 2 : 1);
        if (options == null) {
            err.println(USAGE);
            return 2;
        }
        Map<String, String> env;
        try {
            env = SandboxEnvFile.read(envFile);
        } catch (NoSuchFileException e) {
            err.println("mstudio: no sandbox bot found (" + envFile + " is missing); start one with ./mstudio bot --sandbox");
            return 2;
        } catch (IOException e) {
            err.println("mstudio: cannot read " + envFile + ": " + e.getClass().getSimpleName());
            return 2;
        }
        String user = options.user() != null ? options.user() : env.getOrDefault(SandboxEnvFile.USER, "U0SANDBOX");
        String channel = options.channel() != null ? options.channel()
                : env.getOrDefault(SandboxEnvFile.CHANNEL, "C0SANDBOX");
        String responseUrl = env.getOrDefault(SandboxEnvFile.RESPONSE_BASE, "http://127.0.0.1:9/response/")
                + (click ? "click-" : "cmd-") + System.currentTimeMillis();
        String command = env.getOrDefault(BotConfig.SLASH_COMMAND, "/mstudio");
        String body = click
                ? SignedRequest.buttonClick(options.words().get(0), options.words().get(1), user, channel, responseUrl)
                : SignedRequest.slashCommand(command, options.words().get(0), user, channel, responseUrl);
        out.println(click ? "-> click " + options.words().get(0) + " '" + options.words().get(1) + "' as " + user
                : "-> " + command + " " + options.words().get(0) + "   (as " + user + " in " + channel + ")");
        return post(URI.create(env.getOrDefault(SandboxEnvFile.URL, "http://127.0.0.1:3000/slack/events")),
                SignedRequest.sign(env.getOrDefault(BotConfig.SIGNING_SECRET, ""), body, Instant.now()));
    }

    private int post(URI url, SignedRequest request) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.toHttp(url, Duration.ofSeconds(10)),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (response.statusCode() == 200) {
                out.println("<- HTTP 200 in " + millis + " ms: acknowledged"
                        + (response.body().isBlank() ? "" : " " + response.body())
                        + ". The answer appears in the bot's window (FakeSlack, \"response\").");
                return 0;
            }
            out.println("<- HTTP " + response.statusCode() + " in " + millis + " ms: " + response.body());
            if (response.statusCode() == 401) {
                err.println("mstudio: the bot refused the signature; is it the sandbox bot that wrote " + envFile + "?");
            }
            return 1;
        } catch (ConnectException e) {
            err.println("mstudio: nothing listens at " + url + "; start ./mstudio bot --sandbox first");
            return 1;
        } catch (IOException e) {
            err.println("mstudio: sending to " + url + " failed: " + e.getClass().getSimpleName());
            return 1;
        }
    }

    /**
     * The flags (before the first word) and the words of send/click: {@code count} words, the last
     * one made of every argument left, so that quoting the text is optional.
     */
    record Options(String user, String channel, List<String> words) {
        static Options parse(List<String> args, int count) {
            String user = null;
            String channel = null;
            int i = 0;
            for (; i < args.size() && args.get(i).matches("--(user|channel)"); i += 2) {
                if (i + 1 >= args.size()) {
                    return null;
                }
                if (args.get(i).equals("--user")) {
                    user = args.get(i + 1);
                } else {
                    channel = args.get(i + 1);
                }
            }
            List<String> rest = args.subList(i, args.size());
            if (rest.size() < count) {
                return null;
            }
            List<String> words = new ArrayList<>(rest.subList(0, count - 1));
            words.add(String.join(" ", rest.subList(count - 1, rest.size())));
            return new Options(user, channel, words);
        }
    }
}
