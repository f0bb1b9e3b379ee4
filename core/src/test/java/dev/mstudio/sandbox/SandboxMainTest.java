package dev.mstudio.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SandboxMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Consumer<Sandbox> serve, String... args) {
        return SandboxMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), serve);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void run_help_printsUsageAndExitsZero() {
        assertThat(run(s -> { }, "--help")).isZero();

        assertThat(out()).startsWith("Usage: mstudio sandbox").contains("--port", "--speed", "--failure-rate",
                "--api-key", "--empty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--port abc", "--port 70000", "--speed 0", "--speed fast", "--failure-rate 2", "--bogus",
            "--port", "stray"})
    void run_badArguments_printsOneLineErrorAndUsageThenExitsTwo(String args) {
        int status = run(s -> { }, args.split(" "));

        assertThat(status).isEqualTo(2);
        assertThat(err().lines().findFirst()).hasValueSatisfying(line -> assertThat(line).startsWith("mstudio sandbox: "));
        assertThat(err()).contains("Usage: mstudio sandbox").doesNotContain("Exception");
    }

    @Test
    void run_portInUse_printsOneLineAndExitsOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int status = run(s -> { }, "--port", Integer.toString(taken.getLocalPort()), "--empty");

            assertThat(status).isEqualTo(1);
            assertThat(err().lines()).hasSize(1);
            assertThat(err()).contains("already in use").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void run_validArguments_servesDemoDataAndPrintsBannerWithoutTheKey() {
        AtomicReference<SandboxHttp.Response> seen = new AtomicReference<>();
        AtomicReference<SandboxHttp.Response> unauthorized = new AtomicReference<>();

        int status = run(sandbox -> {
            seen.set(new SandboxHttp(sandbox, "sk-secret-123").get("/api/v1/fine-tunes"));
            unauthorized.set(new SandboxHttp(sandbox, "sk-other").get("/api/v1/fine-tunes"));
        }, "--port", "0", "--speed", "60", "--failure-rate", "0.5", "--api-key", "sk-secret-123");

        assertThat(status).isZero();
        assertThat(seen.get().status()).isEqualTo(200);
        assertThat(seen.get().output().get("total").asInt()).isPositive();
        assertThat(unauthorized.get().status()).isEqualTo(401);
        assertThat(out().lines().findFirst()).hasValueSatisfying(line ->
                assertThat(line).matches("DashScope sandbox on http://127\\.0\\.0\\.1:\\d+/api/v1 \\(.*; Ctrl-C stops\\)"));
        assertThat(out()).contains("curl").doesNotContain("sk-secret-123");
    }

    @Test
    void run_empty_startsWithoutJobs() {
        AtomicReference<Integer> total = new AtomicReference<>();

        run(sandbox -> total.set(new SandboxHttp(sandbox).get("/api/v1/custom_models/import").output()
                .get("total").asInt()), "--port", "0", "--empty");

        assertThat(total.get()).isZero();
        assertThat(out()).contains("(any bearer key; Ctrl-C stops)");
    }
}
