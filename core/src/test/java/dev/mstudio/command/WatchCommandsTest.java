package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

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
    void watch_unknownJob_isNotFound_ofAnyKind() {
        Result.Failure failure = (Result.Failure) fixture.run("/watch nope");

        assertThat(failure.code()).isEqualTo("NotFound");
        assertThat(failure.message()).contains("No import job, fine-tune job or deployment has the ID nope.");
    }

    @Test
    void watch_idsAndKind_together_isRefused() {
        Result.Failure failure = (Result.Failure) fixture.run("/watch x --imports");

        assertThat(failure.message()).isEqualTo("Give job IDs or --imports/--finetunes, not both.");
        assertThat(failure.hint()).isEqualTo("Usage: /watch ID... | /watch --imports|--finetunes [--model M]");
    }

    @Test
    void closingTheSession_endsItsWatches() {
        fixture.run("/watch --imports");

        fixture.session.close();

        assertThat(fixture.session.watchCount()).isZero();
        assertThat(fixture.watchers.of(JobKind.IMPORT).health().listeners()).isZero();
    }

    /** Waits for a condition reached asynchronously; fails only if it never comes (no timing is asserted). */
    static void eventually(BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(5)).until(condition::getAsBoolean);
    }
}
