package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mstudio.client.ClientConfig;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-interactive path: -c commands and scripts on stdin, through {@link Main#run}. */
class MainTest {
    private static TestSandbox sandbox;

    @TempDir
    Path home;

    record Run(int status, String out, String err) {
    }

    @BeforeAll
    static void startSandbox() {
        sandbox = new TestSandbox();
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private Run run(String stdin, Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                env, home);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run run(String... args) {
        return run("", sandbox.env(), args);
    }

    @Test
    void run_severalCommands_runsThemInOrder() {
        Run run = run("-c", "/help", "-c", "/imports --size 3");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("/wait ID", "Import jobs");
        assertThat(run.out().indexOf("/wait ID")).isLessThan(run.out().indexOf("Import jobs"));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void run_failingCommand_stopsWithItsStatusAndOneErrorLine() {
        Run run = run("-c", "/import no-such-job", "-c", "/imports");

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).startsWith("|  Error: NotFound").contains("request_id").doesNotContain("Exception", "\tat ");
        assertThat(run.out()).doesNotContain("Import jobs");
    }

    @Test
    void run_scriptOnStdin_runsEachLineSkippingBlanksAndComments() {
        Run run = run("/imports --size 2\n\n# the fine-tunes\n/finetunes --size 2\n", sandbox.env());

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Import jobs", "Fine-tune jobs");
    }

    @Test
    void run_scriptOnStdinWithAFailure_stopsThere() {
        Run run = run("/finetune ft-000000000000-0000\n/imports\n", sandbox.env());

        assertThat(run.status()).isNotZero();
        assertThat(run.out()).doesNotContain("Import jobs");
    }

    @Test
    void run_outputNotATerminal_hasNoAnsiEscapes() {
        Run run = run("-c", "/imports --size 20", "-c", "/finetunes --size 20", "-c", "/import nope");

        assertThat(run.out()).contains("RUNNING").doesNotContain("\033");
        assertThat(run.err()).contains("Error").doesNotContain("\033");
    }

    @Test
    void run_noColorSet_hasNoAnsiEscapes() {
        Run run = run("", sandbox.env("NO_COLOR", "1"), "-c", "/finetunes --size 20");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("RUNNING").doesNotContain("\033");
    }

    @Test
    void run_jsonOutput_printsTheApiJsonForJq() throws Exception {
        String id = sandbox.imports().get(0).id();

        Run run = run("-c", "/set output json", "-c", "/import " + id);

        assertThat(run.status()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.toString()).contains(id);
    }

    @Test
    void run_destructiveCommandWithoutYes_failsAndChangesNothing() {
        String id = sandbox.activeImport();
        sandbox.sandbox.forceStatus(id, "FAILED");

        Run run = run("-c", "/import delete " + id);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("--yes");
        assertThat(sandbox.importExists(id)).isTrue();
    }

    @Test
    void wait_jobSucceeded_exitsZero() {
        String id = sandbox.activeImport();
        sandbox.sandbox.forceStatus(id, "SUCCESSED");

        assertThat(run("-c", "/wait " + id).status()).isZero();
    }

    @Test
    void wait_jobFailed_exitsOne() {
        String id = sandbox.activeFineTune();
        sandbox.sandbox.forceStatus(id, "FAILED");

        assertThat(run("-c", "/wait " + id).status()).isEqualTo(1);
    }

    @Test
    void wait_jobCanceled_exitsOne() {
        String id = sandbox.activeFineTune();
        sandbox.sandbox.forceStatus(id, "CANCELED");

        assertThat(run("-c", "/wait " + id).status()).isEqualTo(1);
    }

    @Test
    void wait_jobStillRunningAtTheTimeout_exitsTwo() {
        String id = sandbox.activeImport();

        Run run = run("-c", "/wait " + id + " --timeout 1s");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("RUNNING");
    }

    @Test
    void wait_jobEndsWhileWaiting_exitsZero() throws Exception {
        String id = sandbox.activeFineTune();
        Instant started = Instant.now();
        Thread finisher = new Thread(() -> {
            awaitRequestFor(id, started);
            sandbox.sandbox.forceStatus(id, "SUCCEEDED");
        });
        finisher.start();

        Run run = run("-c", "/wait " + id + " --timeout 5m");
        finisher.join();

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("SUCCEEDED");
    }

    /** Polls the sandbox's request log until a request names the job (the wait has found it), for at most a minute. */
    private static void awaitRequestFor(String id, Instant since) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(20)).until(() -> sandbox.sandbox.requests(1000).stream()
                        .anyMatch(request -> request.path().endsWith(id) && !request.time().isBefore(since)));
    }

    @Test
    void run_noApiKey_usesTheEmbeddedSandbox() {
        Run run = run("", Map.of(), "-c", "/imports --size 1");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Import jobs");
    }

    @Test
    void run_helpCommand_needsNoService() {
        Map<String, String> unreachable = Map.of(ClientConfig.ENV_API_KEY, "sk-test",
                ClientConfig.ENV_BASE_URL, "http://127.0.0.1:1/api/v1");

        Run run = run("", unreachable, "-c", "/help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("/imports");
    }

    @Test
    void run_badConfiguration_saysHowToFixItInOneLine() {
        Map<String, String> badRegion = Map.of(ClientConfig.ENV_API_KEY, "sk-test", ClientConfig.ENV_REGION, "mars");

        Run run = run("", badRegion, "-c", "/imports");

        assertThat(run.status()).isNotZero();
        assertThat(run.err()).contains("mars", ClientConfig.ENV_REGION).doesNotContain("Exception", "\tat ");
    }

    @Test
    void run_sandboxOption_usesTheEmbeddedSandboxDespiteAKey() {
        Map<String, String> unreachable = Map.of(ClientConfig.ENV_API_KEY, "sk-test",
                ClientConfig.ENV_BASE_URL, "http://127.0.0.1:1/api/v1");

        Run run = run("", unreachable, "--sandbox", "-c", "/finetunes --size 1");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Fine-tune jobs");
    }

    @Test
    void run_openFile_runsItsCommandsAndStopsAtTheFirstFailure() throws Exception {
        Path script = Files.writeString(home.resolve("jobs.mstudio"),
                "# listings\n/imports --size 1\n/import no-such-job\n/finetunes --size 1\n");

        Run run = run("-c", "/open " + script);

        assertThat(run.status()).isEqualTo(1);
        assertThat(run.out()).contains("Import jobs").doesNotContain("Fine-tune jobs");
        assertThat(run.err()).contains("NotFound");
    }

    @Test
    void run_exitCommand_endsWithItsStatus() {
        Run run = run("-c", "/exit 7", "-c", "/imports");

        assertThat(run.status()).isEqualTo(7);
        assertThat(run.out()).doesNotContain("Import jobs");
    }

    @Test
    void run_helpOption_printsUsage() {
        Run run = run("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("Usage: mstudio");
    }

    @Test
    void run_badOption_printsOneLineAndUsageAndExitsTwo() {
        Run run = run("--bogus");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("mstudio: unknown option '--bogus'\nUsage: mstudio");
    }

    @Test
    void run_commandOptionWithoutCommand_exitsTwo() {
        assertThat(run("-c").status()).isEqualTo(2);
    }
}
