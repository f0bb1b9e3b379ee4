package dev.mstudio.slackbot.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.JobKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way the store can fail to open ends in one line with the cause and the fix, and no secret. */
class StoreStartupTest {

    @Test
    void open_sqliteFileHeldByAnotherStore_isRefusedAndTheFirstKeepsWorking(@TempDir Path dir) {
        String url = "jdbc:sqlite:" + dir.resolve("bot.db");
        try (BotStore first = BotStore.open(url)) {
            assertThatThrownBy(() -> BotStore.open(url)).isInstanceOf(StoreException.class)
                    .hasMessageContaining("in use by another bot process").satisfies(StoreStartupTest::oneLine);
            first.save(JobKind.IMPORT, Map.of("a", "RUNNING"));
            assertThat(first.load(JobKind.IMPORT)).containsEntry("a", "RUNNING");
        }
        try (BotStore again = BotStore.open(url)) {
            assertThat(again.load(JobKind.IMPORT)).containsEntry("a", "RUNNING");
        }
    }

    @Test
    void open_sqliteFileOpenInAnotherProcess_isRefused(@TempDir Path dir) throws Exception {
        String url = "jdbc:sqlite:" + dir.resolve("bot.db");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                StoreHolder.class.getName(), url).redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null && !line.equals(StoreHolder.OPEN)) {
                assertThat(line).doesNotStartWith("cannot open");
            }
            assertThat(line).isEqualTo(StoreHolder.OPEN);

            assertThatThrownBy(() -> BotStore.open(url)).hasMessageContaining("in use by another bot process")
                    .satisfies(StoreStartupTest::oneLine);
        } finally {
            other.destroy();
            other.waitFor();
        }
        try (BotStore after = BotStore.open(url)) {
            assertThat(after.load(JobKind.IMPORT)).containsEntry("held", "RUNNING");
        }
    }

    @Test
    void open_directoryCannotBeCreated_namesTheDirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> BotStore.open("jdbc:sqlite:" + file.resolve("bot.db")))
                .hasMessageContaining("make that directory writable").satisfies(StoreStartupTest::oneLine);
    }

    @Test
    void open_corruptFile_saysToMoveItAside(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bot.db"), "this is not a database, just text. ".repeat(200));

        assertThatThrownBy(() -> BotStore.open("jdbc:sqlite:" + file))
                .hasMessageContaining("not an SQLite database or is corrupt").satisfies(StoreStartupTest::oneLine);
        assertThat(Files.readString(file)).startsWith("this is not a database");
    }

    @Test
    void open_unknownScheme_namesTheSupportedOnes() {
        assertThatThrownBy(() -> BotStore.open("jdbc:mysql://db/bot?password=hunter2"))
                .hasMessageContaining("jdbc:sqlite:PATH").hasMessageContaining("jdbc:postgresql://")
                .satisfies(StoreStartupTest::oneLine);
    }

    @Test
    void open_unreachableServer_saysSo() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        assertThatThrownBy(() -> BotStore.open("jdbc:postgresql://127.0.0.1:" + closed
                + "/bot?user=bot&password=hunter2&connectTimeout=2"))
                .hasMessageContaining("cannot reach the PostgreSQL server").satisfies(StoreStartupTest::oneLine);
    }

    @Test
    void open_wrongPassword_saysSoWithoutPrintingIt() {
        String url = TestPostgres.shared().url("postgres", "hunter2");

        assertThatThrownBy(() -> BotStore.open(url)).hasMessageContaining("refused the user name or password")
                .satisfies(StoreStartupTest::oneLine);
    }

    private static void oneLine(Throwable e) {
        assertThat(e).isInstanceOf(StoreException.class);
        assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("hunter2").startsWith("cannot open the bot store")
                .doesNotContain("Exception:");
    }
}
