package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.slackbot.fakeslack.FakeSlack;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code MSTUDIO_LOG_FORMAT=json}, in processes of their own (SLF4J picks its provider once per
 * JVM): every line is one JSON object with the documented fields, a hostile request value cannot
 * start a line, and no secret from the configuration reaches the log.
 */
class JsonLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> LEVELS = Set.of("ERROR", "WARN", "INFO", "DEBUG", "TRACE");
    private static final String TOKEN = "xoxb-4242-jsonlog-bot-token-0ff1ce";
    private static final String SIGNING_SECRET = "5eC4e7-5i9n1n9-0f-7he-json-test";
    private static final String API_KEY = "sk-jsonlog0123456789abcdef";
    private static final String PASSWORD = "Hunter2-Store-Pw";
    private static final String URL_PASSWORD = "Url-Pa55word";

    @Test
    void runningBot_logsOnlyJsonLines_withoutSecretsOrForgedLines(@TempDir Path home) throws Exception {
        HttpServer hostileSlack = hostileResponseUrl();
        try (Sandbox sandbox = Sandbox.builder().port(0).build().start().seedDemo();
             FakeSlack slack = FakeSlack.start(0).join(BotFixture.CHANNEL)) {
            Map<String, String> env = env(home);
            env.put("DASHSCOPE_HTTP_BASE_URL", sandbox.baseUrl().replace("//", "//mstudio:" + URL_PASSWORD + "@"));
            env.put(BotConfig.API_URL, slack.apiUrl());
            env.put(BotConfig.BIND, "127.0.0.1");
            env.put(BotConfig.PORT, "0");
            env.put("MSTUDIO_DB", "jdbc:sqlite:" + home.resolve("bot.db"));
            Child bot = Child.start(BotMain.class, env);
            try {
                JsonNode banner = bot.await(e -> e.get("message").asText().startsWith("mstudio bot: listening on"));
                URI events = eventsUrl(banner.get("message").asText());
                String responseUrl = "http://127.0.0.1:" + hostileSlack.getAddress().getPort() + "/respond";

                // a signed request Slack would never send: bad %-escapes and a forged line in its text
                assertThat(post(events, "command=%2Fmstudio&text=%zz%0A[main]%20ERROR%20forged&response_url=x"))
                        .isEqualTo(400);
                // a command whose reply is refused by a response_url answering with forged lines
                assertThat(post(events, SignedRequest.slashCommand("/mstudio", "help\n[main] ERROR forged",
                        BotFixture.USER, BotFixture.CHANNEL, responseUrl))).isEqualTo(200);
                bot.await(e -> e.get("message").asText().startsWith("Slack refused a reply"));
                bot.await(e -> e.get("message").asText().startsWith("Refused a signed Slack request (HTTP 400)"));
            } finally {
                bot.stop();
            }
            List<JsonNode> entries = bot.entries();
            assertThat(entries).anySatisfy(e -> {
                assertThat(e.get("logger").asText()).isEqualTo(BotMain.class.getName());
                assertThat(e.get("message").asText()).contains("DashScope at http://127.0.0.1:");
            });
            JsonNode refused = entries.stream()
                    .filter(e -> e.get("message").asText().startsWith("Slack refused a reply")).findFirst().orElseThrow();
            assertThat(refused.get("level").asText()).isEqualTo("WARN");
            assertThat(refused.get("logger").asText()).isEqualTo("dev.mstudio.slackbot.command.ReplySender");
            assertThat(refused.get("message").asText()).contains("forged", "\u2028");
            bot.assertClean();
        } finally {
            hostileSlack.stop(0);
        }
    }

    @Test
    void librariesAndCarelessCalls_areJsonLines_withSecretsBlankedAndNoStackTrace(@TempDir Path home)
            throws Exception {
        Map<String, String> env = env(home);
        env.put("MSTUDIO_DB", "jdbc:postgresql://db:5432/bot?user=bot&password=" + PASSWORD);
        Child probe = Child.start(JsonLogProbe.class, env);
        assertThat(probe.waitFor()).isZero();

        List<JsonNode> entries = probe.entries();
        assertThat(entries).extracting(e -> e.get("level").asText() + " " + e.get("logger").asText()).containsExactly(
                "WARN com.slack.api.methods.impl.MethodsClientImpl", "ERROR com.zaxxer.hikari.pool.HikariPool",
                "INFO dev.mstudio.slackbot.SlackRequestFilter", "WARN okhttp3.OkHttpClient");
        assertThat(entries.get(0).get("message").asText()).isEqualTo("Calling chat.postMessage with token ****");
        assertThat(entries.get(1).get("exception_class").asText()).isEqualTo("java.sql.SQLException");
        assertThat(entries.get(1).get("exception_message").asText())
                .isEqualTo("Connection to jdbc:postgresql://db:5432/bot?user=bot&password=**** refused");
        assertThat(entries.get(2).get("message").asText())
                .isEqualTo("Refused a signed Slack request for text " + JsonLogProbe.HOSTILE);
        assertThat(entries.get(3).get("message").asText()).isEqualTo("A connection to http://127.0.0.1/ was leaked");
        assertThat(entries.get(3).get("exception_class").asText()).isEqualTo("java.io.IOException");
        assertThat(entries.get(3).get("exception_message").asText()).isEqualTo("key **** refused");
        probe.assertClean();
    }

    @Test
    void storeThatCannotOpen_isOneJsonErrorLine_withoutThePassword(@TempDir Path home) throws Exception {
        Map<String, String> env = env(home);
        env.put("MSTUDIO_DB", "jdbc:postgresql://127.0.0.1:1/bot?user=bot&password=" + PASSWORD);
        Child bot = Child.start(BotMain.class, env);

        assertThat(bot.waitFor()).isEqualTo(2);
        assertThat(bot.entries()).singleElement().satisfies(e -> {
            assertThat(e.get("level").asText()).isEqualTo("ERROR");
            assertThat(e.get("message").asText()).startsWith("mstudio bot: cannot open the bot store jdbc:postgresql://");
        });
        bot.assertClean();
    }

    /** The configuration every process gets: JSON mode and secrets, nothing inherited from this JVM's environment. */
    private static Map<String, String> env(Path home) {
        Map<String, String> env = new java.util.HashMap<>();
        env.put("MSTUDIO_LOG_FORMAT", "json");
        env.put("HOME", home.toString());
        env.put(BotConfig.BOT_TOKEN, TOKEN);
        env.put(BotConfig.SIGNING_SECRET, SIGNING_SECRET);
        env.put("DASHSCOPE_API_KEY", API_KEY);
        return env;
    }

    /** A response_url that refuses every reply with a body of forged log lines. */
    private static HttpServer hostileResponseUrl() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = ("no\n[main] ERROR dev.mstudio.Forged - forged\u2028{\"level\":\"ERROR\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(400, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    private static URI eventsUrl(String banner) {
        Matcher m = Pattern.compile("listening on (127\\.0\\.0\\.1:\\d+/\\S+),").matcher(banner);
        assertThat(m.find()).as(banner).isTrue();
        return URI.create("http://" + m.group(1));
    }

    private static int post(URI events, String body) throws Exception {
        SignedRequest signed = SignedRequest.sign(SIGNING_SECRET, body, Instant.now());
        HttpRequest request = HttpRequest.newBuilder(events)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Slack-Request-Timestamp", signed.timestamp())
                .header("X-Slack-Signature", signed.signature())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** A JVM on this test's class path running {@code main}, its stdout and stderr read line by line. */
    private static final class Child {
        private final Process process;
        private final List<String> err = new CopyOnWriteArrayList<>();
        private final List<String> out = new CopyOnWriteArrayList<>();
        private final List<Thread> readers = new ArrayList<>();

        private Child(Process process) {
            this.process = process;
            readers.add(read(process.getErrorStream(), err));
            readers.add(read(process.getInputStream(), out));
        }

        static Child start(Class<?> main, Map<String, String> env) throws IOException {
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    main.getName());
            builder.environment().clear();
            builder.environment().putAll(env);
            return new Child(builder.start());
        }

        private static Thread read(java.io.InputStream stream, List<String> into) {
            Thread reader = new Thread(() -> {
                try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        into.add(line);
                    }
                } catch (IOException e) {
                    // the process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
            return reader;
        }

        /** The first entry on stderr matching {@code wanted}, waiting up to 30 s for it. */
        JsonNode await(java.util.function.Predicate<JsonNode> wanted) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                for (JsonNode entry : entries()) {
                    if (wanted.test(entry)) {
                        return entry;
                    }
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(50);
            }
            throw new AssertionError("no such entry; stderr: " + err + "; stdout: " + out);
        }

        int waitFor() throws Exception {
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ends").isTrue();
            for (Thread reader : readers) {
                reader.join(5_000);
            }
            return process.exitValue();
        }

        /** Stops it as Ctrl-C or a service manager would (its shutdown hook runs). */
        void stop() throws Exception {
            process.destroy();
            waitFor();
        }

        /** Every stderr line as parsed JSON; a line that is not a JSON object fails the test. */
        List<JsonNode> entries() {
            List<JsonNode> entries = new ArrayList<>();
            for (String line : err) {
                try {
                    entries.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
            return entries;
        }

        /**
         * Nothing but JSON entries with the documented fields, none holding a secret or a stack trace,
         * and nothing on stdout.
         */
        void assertClean() {
            assertThat(out).as("stdout").isEmpty();
            assertThat(err).as("stderr").isNotEmpty().allSatisfy(line -> {
                assertThat(line).startsWith("{\"time\":\"").endsWith("}")
                        .doesNotContain(TOKEN, SIGNING_SECRET, API_KEY, PASSWORD, URL_PASSWORD, "\tat ")
                        .matches("\\p{Print}*");
                JsonNode entry = JSON.readTree(line);
                assertThat(entry.isObject()).isTrue();
                assertThat(Instant.parse(entry.get("time").asText())).isBefore(Instant.now().plusSeconds(1));
                assertThat(entry.get("level").asText()).isIn(LEVELS);
                assertThat(entry.get("logger").asText()).isNotBlank();
                assertThat(entry.get("thread").asText()).isNotBlank();
                assertThat(entry.get("message").isTextual()).isTrue();
                assertThat(entry.get("message").asText()).doesNotContain(TOKEN, SIGNING_SECRET, API_KEY, PASSWORD,
                        URL_PASSWORD);
            });
        }
    }
}
