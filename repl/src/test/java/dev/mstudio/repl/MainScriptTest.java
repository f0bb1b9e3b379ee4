package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts on stdin that are odd or hostile: a byte-order mark, an abbreviated exit, endless lines. */
class MainScriptTest {
    private static TestSandbox sandbox;

    @TempDir
    Path home;

    @BeforeAll
    static void startSandbox() {
        sandbox = new TestSandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private MainTest.Run run(InputStream stdin) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(new String[0], stdin, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), sandbox.env(), home);
        return new MainTest.Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private MainTest.Run run(String stdin) {
        return run(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void script_startingWithByteOrderMark_runsItsFirstLine() {
        MainTest.Run run = run("\uFEFF/imports --size 1\n/finetunes --size 1\n");

        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Import jobs", "Fine-tune jobs");
    }

    @Test
    void script_abbreviatedExitWithoutSlash_isRefusedNotASilentSuccess() {
        for (String line : new String[] {"e", "ex", "exit", "/ex"}) {
            MainTest.Run run = run("/imports --size 1\n" + line + "\n/finetunes --size 1\n");

            assertThat(run.status()).as(line).isNotZero();
            assertThat(run.err()).as(line).contains("'" + line + "' would end the script", "/exit");
            assertThat(run.out()).as(line).doesNotContain("Fine-tune jobs");
        }
    }

    @Test
    void script_literalExit_stillEndsItWithItsStatus() {
        assertThat(run("/exit 3\n/imports\n").status()).isEqualTo(3);
        assertThat(run("/imports --size 1\n/exit\n/import no-such-job\n").status()).isZero();
    }

    @Test
    void script_lineOverTheCap_isRefusedWithItsNumberAndNothingAfterRuns() {
        MainTest.Run run = run("/imports --size 1\n/finetunes " + "x".repeat(ScriptReader.MAX_LINE) + "\n/finetunes\n");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("Line 2 of the script is longer than 65536 characters");
        assertThat(run.out()).contains("Import jobs").doesNotContain("Fine-tune jobs");
    }

    @Test
    void script_endlessLineLikeDevZero_isRefusedAfterReadingLittle() {
        Zeros zeros = new Zeros(256L << 20);

        MainTest.Run run = run(zeros);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("Line 1 of the script is longer than");
        assertThat(zeros.served).isLessThan(1L << 20);
    }

    /** Like /dev/zero, but gives up after {@code limit} bytes so that a broken reader fails the test rather than hangs. */
    private static final class Zeros extends InputStream {
        private final long limit;
        private long served;

        Zeros(long limit) {
            this.limit = limit;
        }

        @Override
        public int read() {
            return served++ < limit ? 0 : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (served >= limit) {
                return -1;
            }
            int n = (int) Math.min(length, limit - served);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 0);
            served += n;
            return n;
        }
    }
}
