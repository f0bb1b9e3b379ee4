package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.slackbot.fakeslack.SlackCall;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./mstudio bot --sandbox} and {@code ./mstudio bot send}: the whole walk-through, without Slack. */
class SandboxModeTest {

    @Test
    void send_toTheSandboxBot_isAcknowledgedAndAnsweredThroughFakeSlack(@TempDir Path home) throws Exception {
        Path envFile = home.resolve(".mstudio/bot-sandbox.env");
        ByteArrayOutputStream echo = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("HOME", home.toString(), "MSTUDIO_BOT_PORT", "0");
        try (SandboxBot sandbox = SandboxBot.start(env, new PrintStream(echo, true, StandardCharsets.UTF_8), envFile)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = BotMain.run(List.of("send", "imports", "--status", "RUNNING"), env, print(out),
                    print(new ByteArrayOutputStream()));

            assertThat(status).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("-> /mstudio imports --status RUNNING")
                    .contains("<- HTTP 200");
            SlackCall reply = sandbox.slack().awaitCall("response",
                    call -> BotFixture.allText(call.body()).contains("Import jobs · status RUNNING"), BotFixture.WAIT);
            assertThat(reply.ok()).isTrue();
            assertThat(sandbox.banner(envFile)).contains("./mstudio bot send 'imports --status RUNNING'")
                    .contains("openssl dgst -sha256 -hmac").doesNotContain(secretIn(envFile));
        }
    }

    @Test
    void sandboxEnvFile_holdsTheSecretReadableByTheOwnerOnly(@TempDir Path home) throws Exception {
        Path envFile = home.resolve(".mstudio/bot-sandbox.env");
        Map<String, String> env = Map.of("HOME", home.toString(), "MSTUDIO_BOT_PORT", "0");
        try (SandboxBot sandbox = SandboxBot.start(env, print(new ByteArrayOutputStream()), envFile)) {
            assertThat(secretIn(envFile)).hasSizeGreaterThanOrEqualTo(32);
            assertThat(SandboxEnvFile.read(envFile)).containsEntry("MSTUDIO_BOT_URL", sandbox.bot().eventsUrl().toString());
            if (Files.getFileStore(envFile).supportsFileAttributeView("posix")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(envFile))).isEqualTo("rw-------");
            }
        }
    }

    @Test
    void send_withoutASandboxBot_saysHowToStartOne(@TempDir Path home) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = BotMain.run(List.of("send", "imports"), Map.of("HOME", home.toString()),
                print(new ByteArrayOutputStream()), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("./mstudio bot --sandbox");
    }

    private static String secretIn(Path envFile) throws Exception {
        return SandboxEnvFile.read(envFile).get("SLACK_SIGNING_SECRET");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
