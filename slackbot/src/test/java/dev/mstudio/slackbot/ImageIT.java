package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mstudio.slackbot.notify.ChartProbe;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's container image as the build writes it ({@code target/mstudio-slackbot-image.tar}, by Jib, with no
 * container daemon): its config — entrypoint, heap, non-root user, health check — and then the image itself, run
 * as a container would run it but without one ({@link UnpackedImage}): the entrypoint serves {@code bot --sandbox},
 * {@code /healthz} answers, the image's health check passes while the bot runs and fails once it stopped, a loss
 * chart can be drawn, and no process maps a file from outside the image.
 */
class ImageIT {
    static final String USER = "10001:10001";
    static final String HOME = "/home/mstudio";
    static final String MAIN = "dev.mstudio.slackbot.BotMain";
    static final String IMAGE = "mstudio-slackbot";
    static final Duration START = Duration.ofSeconds(90);

    @TempDir
    static Path dir;
    private static UnpackedImage image;

    @TempDir
    Path scratch;

    @BeforeAll
    static void unpack() throws Exception {
        Path tar = Path.of(System.getProperty("mstudio.image.tar", "target/mstudio-slackbot-image.tar"));
        assertThat(tar).as("the image, which the build writes before the integration tests").exists();
        image = UnpackedImage.unpack(tar, dir);
    }

    @Test
    void config_runsAsTheNonRootUserMstudio_whoOwnsItsHome() throws IOException {
        assertThat(image.config().path("User").asText()).isEqualTo(USER);
        assertThat(Files.readAllLines(image.file("/etc/passwd")))
                .contains("mstudio:x:10001:10001:mstudio bot:/home/mstudio:/sbin/nologin");
        assertThat(image.env()).containsEntry("HOME", HOME);
        assertThat(image.config().path("WorkingDir").asText()).isEqualTo(HOME);
        assertThat(image.owner(HOME)).isEqualTo("10001/10001");
        assertThat(image.owner("/app/classes")).isEqualTo("0/0");
    }

    @Test
    void config_entrypointIsTheBotOnJava_withAHeapOf128Mb() {
        assertThat(image.strings("Entrypoint")).containsExactly("java", "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true", "-cp", "@/app/jib-classpath-file", MAIN);
        assertThat(image.strings("Cmd")).isEmpty();
        assertThat(image.env()).containsEntry("LANG", "C.UTF-8").containsEntry("JAVA_HOME", "/opt/java");
        assertThat(image.config().path("ExposedPorts").has("3000/tcp")).isTrue();
    }

    @Test
    void config_healthCheckIsTheBotsHealthcheckCommand() {
        JsonNode check = image.config().path("Healthcheck");

        assertThat(healthcheck()).startsWith("java").contains("-cp", "@/app/jib-classpath-file")
                .endsWith(MAIN, "healthcheck");
        assertThat(check.path("Test").get(0).asText()).isEqualTo("CMD");
        assertThat(Duration.ofNanos(check.path("Interval").asLong())).isEqualTo(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(check.path("Timeout").asLong())).isEqualTo(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(check.path("StartPeriod").asLong())).isEqualTo(Duration.ofSeconds(60));
        assertThat(check.path("Retries").asInt()).isEqualTo(3);
    }

    @Test
    void compose_runsTheBotsFromThisImage_andTheProxyWaitsForTheirHealth() throws IOException {
        String compose = Files.readString(Path.of(System.getProperty("mstudio.compose", "../compose.yml")));

        assertThat(image.tags()).containsExactly(IMAGE + ":latest");
        assertThat(compose).contains("image: " + IMAGE + "\n").contains("condition: service_healthy");
    }

    @Test
    void image_servesTheSandboxBot_passesItsHealthCheck_andMapsOnlyItsOwnFiles() throws Exception {
        String port = String.valueOf(freePort());
        Map<String, String> env = Map.of(BotConfig.PORT, port);
        List<String> command = new ArrayList<>(image.strings("Entrypoint"));
        command.add("--sandbox");
        Process bot = image.process(command, env, scratch).redirectErrorStream(true)
                .redirectOutput(scratch.resolve("bot.log").toFile()).start();
        try {
            URI health = URI.create("http://127.0.0.1:" + port + "/healthz");
            JsonNode answer = awaitHealth(health, bot);
            assertThat(answer.path("status").asText()).isEqualTo("ok");

            UnpackedImage.Run check = image.run(healthcheck(), env, scratch);
            assertThat(check.status()).as(check.err()).isZero();
            assertThat(new ObjectMapper().readTree(check.out()).path("status").asText()).isEqualTo("ok");

            List<String> maps = Files.readAllLines(Path.of("/proc/" + bot.pid() + "/maps"));
            assertThat(image.mappedFromOutside(maps)).as("files the bot mapped from outside the image").isEmpty();
            System.out.println("ImageIT: the bot in the image: " + rss(bot) + " resident after start");
        } finally {
            bot.destroy();
            bot.waitFor();
        }
        UnpackedImage.Run stopped = image.run(healthcheck(), env, scratch);
        assertThat(stopped.status()).isEqualTo(1);
        assertThat(stopped.err()).contains("mstudio bot healthcheck: http://127.0.0.1:" + port + "/healthz");
    }

    @Test
    void image_drawsALossChart_withItsOwnFontsAndLibraries() throws Exception {
        Path png = scratch.resolve("chart.png");
        Path report = scratch.resolve("probe.txt");
        Path testClasses = Path.of(ChartProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> command = new ArrayList<>(image.strings("Entrypoint"));
        command.set(command.indexOf("@/app/jib-classpath-file"),
                image.classpath("/app/jib-classpath-file") + ":" + testClasses);
        command.add(command.indexOf(MAIN), "--add-opens=java.desktop/sun.font=ALL-UNNAMED");
        command.set(command.indexOf(MAIN), ChartProbe.class.getName());
        command.addAll(List.of(png.toString(), report.toString()));

        UnpackedImage.Run probe = image.run(command, Map.of(), scratch);

        assertThat(probe.status()).as(probe.out() + probe.err()).isZero();
        BufferedImage chart = ImageIO.read(png.toFile());
        assertThat(chart.getWidth()).isEqualTo(900);
        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).as("LANG=C.UTF-8, with the locale in the image").isEqualTo("charset UTF-8");
        assertThat(Path.of(lines.get(1).substring("font ".length())).normalize())
                .isEqualTo(image.file("/usr/share/fonts/DejaVuSans.ttf"));
        assertThat(image.mappedFromOutside(lines.subList(2, lines.size()))).isEmpty();
    }

    private static List<String> healthcheck() {
        List<String> test = new ArrayList<>();
        image.config().path("Healthcheck").path("Test").forEach(word -> test.add(word.asText()));
        return test.subList(1, test.size());
    }

    private JsonNode awaitHealth(URI health, Process bot) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(START);
        while (Instant.now().isBefore(deadline)) {
            assertThat(bot.isAlive()).as(() -> "the bot exited: " + log()).isTrue();
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return new ObjectMapper().readTree(response.body());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no /healthz within " + START + ": " + log());
    }

    private String log() {
        try {
            return Files.readString(scratch.resolve("bot.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static String rss(Process process) throws IOException {
        return Files.readAllLines(Path.of("/proc/" + process.pid() + "/status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).map(line -> line.substring(6).strip()).findFirst()
                .orElse("?");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
