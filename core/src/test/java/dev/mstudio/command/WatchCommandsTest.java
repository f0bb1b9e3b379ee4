package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /watch, /watches and /unwatch against the sandbox: forced transitions arrive as notices. */
class WatchCommandsTest {
    private final Fixture fixture = new Fixture(27, 12);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void watchedImport_forcedFailed_arrivesAsAWarningNotice_withErrorCode() throws InterruptedException {
        Job job = fixture.jobs(JobKind.IMPORT, "RUNNING").get(0);

        Result.Message started = (Result.Message) fixture.run("/watch " + job.id());
        assertThat(fixture.session.watchCount()).isEqualTo(1);
        fixture.sandbox.forceStatus(job.id(), "FAILED");
        Result.Message notice = (Result.Message) fixture.host.nextNotice();

        String shortId = job.id().substring(0, 4) + "…" + job.id().substring(job.id().length() - 4);
        assertThat(started.text()).startsWith("Watching import " + shortId);
        assertThat(notice.level()).isEqualTo(Result.Level.WARNING);
        assertThat(notice.text()).startsWith("import " + shortId + " ").contains(": RUNNING → FAILED (error_code ");
        assertThat(notice.json().path("error_code").asText()).isEqualTo(notice.text().replaceAll(".*\\(error_code (.*)\\)$", "$1"));
        assertThat(fixture.session.watchCount()).as("the ended watch is gone before its notice is shown").isZero();
    }

    @Test
    void watchFineTunes_kindWide_reportsSuccess() throws InterruptedException {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Result.Message started = (Result.Message) fixture.run("/watch --finetunes");
        eventually(() -> fixture.watchers.of(JobKind.FINETUNE).hasSynced());
        fixture.sandbox.forceStatus(id, "SUCCEEDED");
        Result.Message notice = (Result.Message) fixture.host.nextNotice();

        assertThat(started.text()).isEqualTo("Watching every active fine-tune job.");
        assertThat(notice.level()).isEqualTo(Result.Level.SUCCESS);
        assertThat(notice.text()).startsWith("fine-tune " + id).endsWith(": RUNNING → SUCCEEDED");
        assertThat(fixture.session.watchCount()).isEqualTo(1);
    }

    @Test
    void watch_ofAFinishedJob_saysSo_andWatchesNothing() {
        ImportJob done = (ImportJob) fixture.jobs(JobKind.IMPORT, "SUCCESSED").get(0);

        Result.Message message = (Result.Message) fixture.run("/watch " + done.id());

        assertThat(message.text()).startsWith("Not watching import ").endsWith(" already ended SUCCESSED.");
        assertThat(fixture.session.watchCount()).isZero();
    }

    @Test
    void watches_listsEveryWatch_andUnwatchStopsThem() {
        String importId = fixture.first(JobKind.IMPORT, "RUNNING");
        String fineTuneId = fixture.first(JobKind.FINETUNE, "PENDING");
        fixture.run("/watch " + importId + " " + fineTuneId);
        fixture.run("/watch --imports --model qwen3-32b");

        Result.Table table = (Result.Table) fixture.run("/watches");

        assertThat(table.rows()).extracting(row -> row.get(0)).containsExactly(importId, fineTuneId, "--imports");
        assertThat(table.rows().get(2).get(2)).isEqualTo("qwen3-32b");
        assertThat(table.footer()).isEqualTo("3 watches · /unwatch ID|--all to stop");
        assertThat(((Result.Message) fixture.run("/unwatch " + importId)).text()).isEqualTo("Stopped watching " + importId + ".");
        assertThat(fixture.session.watchCount()).isEqualTo(2);
        Result.Failure unknown = (Result.Failure) fixture.run("/unwatch " + importId);
        assertThat(unknown.message()).isEqualTo("Not watching " + importId + ".");
        assertThat(unknown.hint()).isEqualTo("/watches lists what this session watches.");
        assertThat(((Result.Message) fixture.run("/unwatch --all")).text()).isEqualTo("Stopped 2 watches.");
        assertThat(fixture.session.watchCount()).isZero();
    }

    @Test
    void watchedDeployment_byItsName_printsEachChange_untilItIsRunning() throws Exception {
        String id = deploy("watched");

        Result.Message started = (Result.Message) fixture.run("/watch " + id);
        fixture.sandbox.forceStatus(id, "DEPLOYING");
        Result.Message deploying = (Result.Message) fixture.host.nextNotice();
        fixture.sandbox.forceStatus(id, "RUNNING");
        Result.Message running = (Result.Message) fixture.host.nextNotice();

        assertThat(started.text()).isEqualTo("Watching deployment " + id + " qwen3-14b (PENDING).");
        assertThat(deploying.level()).isEqualTo(Result.Level.INFO);
        assertThat(deploying.text()).isEqualTo("deployment " + id + " qwen3-14b: PENDING → DEPLOYING");
        assertThat(running.level()).isEqualTo(Result.Level.SUCCESS);
        assertThat(running.text()).isEqualTo("deployment " + id + " qwen3-14b: DEPLOYING → RUNNING");
        assertThat(running.json().path("deployed_model").asText()).isEqualTo(id);
        assertThat(fixture.session.watchCount()).as("a RUNNING deployment has settled: its watch ends").isZero();
    }

    @Test
    void watchDeployments_kindWide_warnsOfAFailure_andKeepsWatching() throws Exception {
        String id = deploy("every");

        Result.Message started = (Result.Message) fixture.run("/watch --deployments --model qwen3-14b");
        eventually(() -> fixture.watchers.of(JobKind.DEPLOYMENT).job(id).isPresent());
        fixture.sandbox.forceStatus(id, "FAILED");
        Result.Message notice = (Result.Message) fixture.host.nextNotice();
        Result.Table watches = (Result.Table) fixture.run("/watches");

        assertThat(started.text()).isEqualTo("Watching every active deployment of model qwen3-14b.");
        assertThat(notice.level()).isEqualTo(Result.Level.WARNING);
        assertThat(notice.text()).isEqualTo("deployment " + id + " qwen3-14b: PENDING → FAILED");
        assertThat(watches.rows()).singleElement().satisfies(row ->
                assertThat(row.subList(0, 3)).containsExactly("--deployments", "deployment", "qwen3-14b"));
        assertThat(((Result.Message) fixture.run("/unwatch --deployments")).text())
                .isEqualTo("Stopped watching --deployments.");
        assertThat(fixture.session.watchCount()).isZero();
    }

    @Test
    void watch_ofARunningDeployment_saysSo_andWatchesNothing() throws Exception {
        String id = deploy("served");
        fixture.sandbox.forceStatus(id, "RUNNING");

        Result.Message message = (Result.Message) fixture.run("/watch " + id);

        assertThat(message.text()).isEqualTo("Not watching deployment " + id + " qwen3-14b is already RUNNING.");
        assertThat(fixture.session.watchCount()).isZero();
    }

    @Test
    void watch_unknownJob_isNotFound_ofAnyKind() {
        Result.Failure failure = (Result.Failure) fixture.run("/watch nope");

        assertThat(failure.code()).isEqualTo("NotFound");
        assertThat(failure.message()).contains("No import job, fine-tune job or deployment has the ID nope.");
    }

    @Test
    void watch_idsAndKind_together_isRefused() {
        Result.Failure failure = (Result.Failure) fixture.run("/watch x --imports");

        assertThat(failure.message()).isEqualTo("Give job IDs or --imports/--finetunes/--deployments, not both.");
        assertThat(failure.hint()).isEqualTo(
                "Usage: /watch ID... | /watch --imports|--finetunes|--deployments [--model M]");
    }

    @Test
    void closingTheSession_endsItsWatches() {
        fixture.run("/watch --imports");

        fixture.session.close();

        assertThat(fixture.session.watchCount()).isZero();
        assertThat(fixture.watchers.of(JobKind.IMPORT).health().listeners()).isZero();
    }

    /** A new deployment of qwen3-14b, PENDING (the fixture's sandbox clock stands still); its deployed model name. */
    private String deploy(String suffix) throws java.io.IOException {
        return fixture.client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, suffix))
                .deployedModel();
    }

    /** Waits for a condition reached asynchronously; fails only if it never comes (no timing is asserted). */
    static void eventually(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(5)).until(condition::getAsBoolean);
    }
}
