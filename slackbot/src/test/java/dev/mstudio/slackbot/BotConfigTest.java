package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BotConfigTest {

    @Test
    void fromEnvironment_nothingSet_namesBothSlackVariables() {
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of())).isInstanceOf(BotConfig.Invalid.class)
                .hasMessageContaining("SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET")
                .hasMessageContaining("./mstudio bot --sandbox");
    }

    @Test
    void fromEnvironment_socketMode_needsNoSigningSecret() {
        BotConfig config = BotConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1", "SLACK_APP_TOKEN", "xapp-1"));

        assertThat(config.socketMode()).isTrue();
    }

    @Test
    void fromEnvironment_everything_readsEachVariable() {
        BotConfig config = BotConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s3cret", "SLACK_API_URL", "http://127.0.0.1:9/api/",
                "MSTUDIO_BOT_PORT", "3100", "MSTUDIO_SLASH_COMMAND", "jobs", "MSTUDIO_ADMINS", "U1, U2",
                "MSTUDIO_DB", "jdbc:sqlite::memory:", "MSTUDIO_COMMAND_TIMEOUT", "12"));

        assertThat(config.socketMode()).isFalse();
        assertThat(config.port()).isEqualTo(3100);
        assertThat(config.slashCommand()).isEqualTo("/jobs");
        assertThat(config.admins().contains("U2")).isTrue();
        assertThat(config.admins().contains("U3")).isFalse();
        assertThat(config.apiUrl()).isEqualTo("http://127.0.0.1:9/api/");
        assertThat(config.dbUrl()).isEqualTo("jdbc:sqlite::memory:");
        assertThat(config.commandTimeout()).isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void fromEnvironment_badPort_namesTheVariable() {
        assertThatThrownBy(() -> BotConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s", "MSTUDIO_BOT_PORT", "http"))).hasMessageContaining("MSTUDIO_BOT_PORT");
    }

    @Test
    void toString_neverShowsSecrets() {
        BotConfig config = BotConfig.fromEnvironment(Map.of("SLACK_BOT_TOKEN", "xoxb-very-secret",
                "SLACK_SIGNING_SECRET", "signing-very-secret"));

        assertThat(config.toString()).doesNotContain("very-secret");
    }

    @Test
    void main_withoutSlackVariables_printsOneLineAndExits2() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = BotMain.run(List.of(), Map.of("HOME", "/nonexistent"), print(out), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).doesNotContain("\n")
                .contains("SLACK_BOT_TOKEN");
    }

    @Test
    void main_withoutDashScopeKey_namesIt() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = BotMain.run(List.of(), Map.of("HOME", "/nonexistent", "SLACK_BOT_TOKEN", "xoxb-1",
                "SLACK_SIGNING_SECRET", "s"), print(new ByteArrayOutputStream()), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("DASHSCOPE_API_KEY");
    }

    @Test
    void main_unknownArgument_printsUsageAndExits2() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = BotMain.run(List.of("--frobnicate"), Map.of(), print(new ByteArrayOutputStream()), print(err));

        assertThat(status).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./mstudio bot");
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
