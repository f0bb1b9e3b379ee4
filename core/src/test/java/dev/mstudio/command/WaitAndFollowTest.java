package dev.mstudio.command;

import static dev.mstudio.command.WatchCommandsTest.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.JobKind;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /wait exit codes and /finetune logs --follow, blocking on a test thread while the sandbox is forced. */
class WaitAndFollowTest {
    private final Fixture fixture = new Fixture(27, 12);
    private final ExecutorService background = Executors.newCachedThreadPool();

    @AfterEach
    void close() {
        background.shutdownNow();
        fixture.close();
    }

    private Future<Result> runInBackground(String line) {
        return background.submit(() -> fixture.run(line));
    }

    private static Result.Message message(Future<Result> future) throws Exception {
        return (Result.Message) future.get(30, TimeUnit.SECONDS);
    }

    @Test
    void wait_untilSucceeded_exitsZero_reportingProgress() throws Exception {
        String id = fixture.first(JobKind.IMPORT, "RUNNING");

        Future<Result> waiting = runInBackground("/wait " + id);
        eventually(() -> !fixture.host.progress().isEmpty());
        fixture.sandbox.forceStatus(id, "SUCCESSED");
        Result.Message result = message(waiting);

        assertThat(result.exitCode()).isZero();
        assertThat(result.level()).isEqualTo(Result.Level.SUCCESS);
        assertThat(result.text()).endsWith(" succeeded: SUCCESSED.");
        assertThat(fixture.host.progress()).last().asString().endsWith("RUNNING → SUCCESSED");
    }

    @Test
    void wait_untilFailed_exitsOne() throws Exception {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Future<Result> waiting = runInBackground("wait " + id + " --timeout 1h");
        eventually(() -> !fixture.host.progress().isEmpty());
        fixture.sandbox.forceStatus(id, "CANCELED");

        assertThat(message(waiting).exitCode()).isEqualTo(1);
        assertThat(message(waiting).text()).contains(" ended CANCELED");
    }

    @Test
    void wait_forADeploymentThatStops_followsItThroughTheWatcher_andExitsOne() throws Exception {
        String id = fixture.client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, "wait"))
                .deployedModel();

        Future<Result> waiting = runInBackground("/wait " + id);
        eventually(() -> !fixture.host.progress().isEmpty());
        fixture.sandbox.forceStatus(id, "DEPLOYING");
        eventually(() -> fixture.host.progress().size() > 1);
        fixture.sandbox.forceStatus(id, "STOPPED");
        Result.Message result = message(waiting);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.level()).isEqualTo(Result.Level.WARNING);
        assertThat(result.text()).isEqualTo("deployment " + id + " qwen3-14b is STOPPED.");
        assertThat(fixture.host.progress()).containsExactly("deployment " + id + " qwen3-14b: PENDING",
                "deployment " + id + " qwen3-14b: PENDING → DEPLOYING", "deployment " + id + " qwen3-14b: DEPLOYING → STOPPED");
        assertThat(fixture.watchers.of(JobKind.DEPLOYMENT).health().cycles()).as("followed by the shared watcher")
                .isPositive();
    }

    @Test
    void wait_pastTheTimeout_exitsTwo() {
        String id = fixture.first(JobKind.IMPORT, "PENDING");

        Result.Message result = (Result.Message) fixture.run("/wait " + id + " --timeout 300ms");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.text()).startsWith("Timed out after 0.3s waiting for import ").endsWith("; it is still PENDING.");
    }

    @Test
    void wait_forAFineTune_namesItsIdOnce() {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Result.Message result = (Result.Message) fixture.run("/wait " + id + " --timeout 300ms");

        assertThat(result.text()).containsOnlyOnce(id);
        assertThat(fixture.host.progress()).isNotEmpty().allSatisfy(line -> assertThat(line).containsOnlyOnce(id));
    }

    @Test
    void wait_forAFinishedJob_returnsAtOnce() {
        String succeeded = fixture.first(JobKind.FINETUNE, "SUCCEEDED");
        String failed = fixture.first(JobKind.IMPORT, "FAILED");

        assertThat(fixture.run("/wait " + succeeded).exitCode()).isZero();
        assertThat(fixture.run("/wait " + failed).exitCode()).isEqualTo(1);
        assertThat(fixture.host.progress()).isEmpty();
    }

    @Test
    void wait_interrupted_stopsWithInterrupted_andClearsTheFlag() throws Exception {
        String id = fixture.first(JobKind.IMPORT, "RUNNING");
        AtomicBoolean flagAfter = new AtomicBoolean(true);
        Thread[] runner = new Thread[1];
        Future<Result> waiting = background.submit(() -> {
            runner[0] = Thread.currentThread();
            Result result = fixture.run("/wait " + id);
            flagAfter.set(Thread.currentThread().isInterrupted());
            return result;
        });
        eventually(() -> !fixture.host.progress().isEmpty());

        runner[0].interrupt();
        Result.Failure failure = (Result.Failure) waiting.get(30, TimeUnit.SECONDS);

        assertThat(failure.message()).isEqualTo("interrupted");
        assertThat(failure.hint()).isNotBlank();
        assertThat(failure.exitCode()).isEqualTo(130);
        assertThat(flagAfter).isFalse();
    }

    @Test
    void follow_noticesTheTail_thenEndsWithTheJob() throws Exception {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Future<Result> following = runInBackground("/finetune logs " + id + " --tail 2 --follow");
        Result.LogLines first = (Result.LogLines) fixture.host.nextNotice();
        fixture.sandbox.forceStatus(id, "SUCCEEDED");
        Result.Message ended = message(following);

        assertThat(first.lines()).hasSize(2);
        assertThat(first.offset()).isEqualTo(first.total() - 2);
        assertThat(ended.level()).isEqualTo(Result.Level.SUCCESS);
        assertThat(ended.text()).startsWith("Fine-tune job " + id + " ended SUCCEEDED; its log has ");
    }

    @Test
    void follow_interrupted_stops() throws Exception {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Result answer = fixture.interruptedAfterFirstNotice("/finetune logs " + id + " --follow");

        assertThat(((Result.Failure) answer).message()).isEqualTo("interrupted");
    }

    @Test
    void follow_ofAFinishedJob_isJustTheTail() {
        String id = fixture.first(JobKind.FINETUNE, "SUCCEEDED");

        assertThat(fixture.run("/finetune logs " + id + " --follow --tail 1")).isInstanceOf(Result.LogLines.class);
        assertThat(fixture.host.notices()).isEmpty();
    }
}
