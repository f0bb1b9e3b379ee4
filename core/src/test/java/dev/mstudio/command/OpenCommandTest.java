package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /open says what is wrong with a file it cannot run: one sentence for people, no Java class names. */
class OpenCommandTest {
    @TempDir
    Path dir;

    private final Session session = Session.builder(
            () -> { throw new AssertionError("/open must not touch the service"); },
            () -> { throw new AssertionError("/open must not touch the service"); }).build();

    private Result.Failure open(Path file) {
        Result result = CommandLanguage.standard().run(session, "/open " + file);
        assertThat(result).isInstanceOf(Result.Failure.class);
        Result.Failure failure = (Result.Failure) result;
        assertThat(failure.message() + " " + failure.hint()).doesNotContain("Exception").doesNotContain("Error");
        return failure;
    }

    @Test
    void open_directory_saysItIsADirectory() {
        assertThat(open(dir).message()).isEqualTo(dir + " is a directory.");
    }

    @Test
    void open_device_saysItIsNotARegularFile() {
        assumeTrue(Files.exists(Path.of("/dev/null")), "needs /dev/null");
        Result.Failure failure = open(Path.of("/dev/null"));

        assertThat(failure.message()).isEqualTo("/dev/null is not a regular file.");
        assertThat(failure.hint()).contains("devices, pipes");
    }

    @Test
    void open_fifo_saysItIsNotARegularFile() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process mkfifo;
        try {
            mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        } catch (IOException e) {
            assumeTrue(false, "needs mkfifo");
            return;
        }
        assumeTrue(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0, "mkfifo failed");

        assertThat(open(fifo).message()).isEqualTo(fifo + " is not a regular file.");
    }

    @Test
    void open_missing_saysNoSuchFile() {
        Result.Failure failure = open(dir.resolve("nope"));

        assertThat(failure.message()).isEqualTo("No such file: " + dir.resolve("nope") + ".");
        assertThat(failure.hint()).startsWith("Give a path relative to ");
    }

    @Test
    void open_unreadable_saysPermissionDenied() throws IOException {
        Path script = Files.writeString(dir.resolve("secret.mstudio"), "/imports\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("---------"));
        assumeTrue(!Files.isReadable(script), "the file is still readable (running as root)");

        assertThat(open(script).message()).isEqualTo("Cannot read " + script + ": permission denied.");
    }
}
