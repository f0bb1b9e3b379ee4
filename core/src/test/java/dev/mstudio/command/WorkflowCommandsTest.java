package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.JobKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /files, /file, /finetune create and export, /deploy and /deployment against the sandbox. */
class WorkflowCommandsTest {
    private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello there\"}]}";
    private final Fixture fixture = new Fixture(0, 20);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void create_dryRun_validatesOnly_andSendsNothing() throws Exception {
        Path train = data("train.jsonl", 5);

        Result.Message ok = (Result.Message) fixture.run("/finetune create --model qwen3-14b --data " + train + " --dry-run");

        assertThat(ok.text()).startsWith("The data is valid: train.jsonl (5 samples, ~").endsWith("(--dry-run).");
        assertThat(fixture.sandbox.stats().total()).isZero();
    }

    @Test
    void create_invalidFile_namesFileAndLine_andUploadsNothing() throws Exception {
        Path train = data("train.jsonl", 3);
        Files.writeString(train, "{oops\n", java.nio.file.StandardOpenOption.APPEND);

        Result.Failure failure = (Result.Failure) fixture.run("/finetune create --model qwen3-14b --data " + train + " --yes");

        assertThat(failure.message()).startsWith("The training data is invalid: 1 problem in 1 file");
        assertThat(failure.hint()).isEqualTo("train.jsonl line 4: not valid JSON");
        assertThat(fixture.sandbox.stats().total()).isZero();
    }

    @Test
    void create_asksWithASummary_thenUploadsAndCreates() throws Exception {
        Path train = data("train.jsonl", 6);

        Result.Confirm confirm = (Result.Confirm) fixture.run(
                "/finetune create --model qwen3-14b --data " + train + " --epochs 3 --batch-size 2 --suffix wf");
        Result.Message created = (Result.Message) fixture.language.runConfirmed(fixture.session, confirm.command(),
                Context.repl());

        assertThat(confirm.question()).startsWith("Start a fine-tune of qwen3-14b (sft) on train.jsonl (6 samples, ~")
                .contains("3 epochs (~").endsWith("tokens trained)? Local files are uploaded first.");
        String id = created.json().path("job_id").asText();
        assertThat(created.text()).startsWith("Created fine-tune job " + id + " of qwen3-14b");
        FineTuneJob job = fixture.client.getFineTune(id);
        String fileId = job.trainingFileIds().get(0);
        assertThat(fixture.client.getFile(fileId).name()).isEqualTo("train.jsonl");
        assertThat(job.hyperParameters().nEpochs()).isEqualTo(3);
    }

    @Test
    void create_inSlack_refusesLocalPaths_beforeReadingThem() {
        Result.Failure failure = (Result.Failure) fixture.language.run(fixture.session,
                "finetune create --model qwen3-14b --data /etc/passwd", Context.slack("U1", "C1", true, ""));

        assertThat(failure.message()).startsWith("Slack takes uploaded file IDs only");
        assertThat(fixture.sandbox.stats().total()).isZero();
    }

    @Test
    void fileUpload_isReplOnly_andFilesListShowDelete() throws Exception {
        Path train = data("a.jsonl", 2);
        Result.Failure slack = (Result.Failure) fixture.language.run(fixture.session, "file upload " + train,
                Context.slack("U1", "C1", true, ""));

        Result.Table uploaded = (Result.Table) fixture.run("/file upload " + train + " --description demo --yes");
        String id = (String) uploaded.rows().get(0).get(0);
        Result.Table files = (Result.Table) fixture.run("/files");
        Result.Detail shown = (Result.Detail) fixture.run("/file " + id);
        List<Candidate> completed = fixture.language.complete(fixture.session, "/file delete ", 13);
        Result.Message deleted = (Result.Message) fixture.run("/file delete " + id + " --yes");

        assertThat(slack.message()).contains("works only in the REPL");
        assertThat(files.rows()).extracting(row -> row.get(0)).containsExactly(id);
        assertThat(shown.json().path("description").asText()).isEqualTo("demo");
        assertThat(completed).extracting(Candidate::value).containsExactly(id);
        assertThat(deleted.text()).isEqualTo("Deleted file " + id + ".");
        assertThat(((Result.Failure) fixture.run("/file " + id)).code()).isEqualTo("NotFound");
    }

    @Test
    void checkpoints_showExpiry_exportThenDeployScaleWaitDelete() {
        String job = fixture.first(JobKind.FINETUNE, "SUCCEEDED");
        Result.Table checkpoints = (Result.Table) fixture.run("/finetune checkpoints " + job);
        String checkpoint = (String) checkpoints.rows().get(0).get(1);

        List<Candidate> offered = fixture.language.complete(fixture.session, "/finetune export " + job + " ch",
                ("/finetune export " + job + " ch").length());
        Result.Message exported = (Result.Message) fixture.run("/finetune export " + job + " " + checkpoint
                + " --name wf-model --yes");
        Result.Confirm ask = (Result.Confirm) fixture.run("/deploy wf-model --capacity 2 --suffix one");
        Result.Message deployed = (Result.Message) fixture.language.runConfirmed(fixture.session, ask.command(),
                Context.repl());
        Result.Detail moving = (Result.Detail) fixture.run("/deployment wf-model-one");
        fixture.sandbox.forceStatus("wf-model-one", "RUNNING");
        Result.Message waited = (Result.Message) fixture.run("/wait wf-model-one");
        Result.Detail settled = (Result.Detail) fixture.run("/deployment wf-model-one");
        Result.Message scaled = (Result.Message) fixture.run("/deployment scale wf-model-one --capacity 3 --yes");
        Result.Table listed = (Result.Table) fixture.run("/deployments");
        Result.Message deleted = (Result.Message) fixture.run("/deployment delete wf-model-one --yes");

        assertThat(checkpoints.rows()).allSatisfy(row ->
                assertThat((String) row.get(6)).matches("expires in \\d+ (d|h|min)|expired"));
        assertThat(offered).extracting(Candidate::value).contains(checkpoint);
        assertThat(exported.text()).startsWith("Exported " + checkpoint + " of " + job + " as model wf-model.");
        assertThat(ask.question()).isEqualTo("Deploy wf-model with 2 instance(s)? It bills until deleted.");
        assertThat(deployed.text()).startsWith("Deploying wf-model as wf-model-one (PENDING)");
        assertThat(moving.followUps()).extracting(f -> f.label() + " -> " + f.command().canonical())
                .containsExactly("Refresh -> /deployment wf-model-one", "Watch -> /watch wf-model-one",
                        "Delete deployment -> /deployment delete wf-model-one");
        assertThat(settled.followUps()).extracting(Result.FollowUp::label)
                .as("a settled deployment is not watched").containsExactly("Refresh", "Delete deployment");
        assertThat(waited.exitCode()).isZero();
        assertThat(waited.text()).isEqualTo("deployment wf-model-one wf-model is RUNNING.");
        assertThat(scaled.text()).startsWith("Scaling wf-model-one to 3");
        assertThat(listed.rows()).extracting(row -> row.get(0)).containsExactly("wf-model-one");
        assertThat(deleted.text()).startsWith("Deleted deployment wf-model-one");
        assertThat(((Result.Failure) fixture.run("/deployment wf-model-one")).code()).isEqualTo("NotFound");
    }

    @Test
    void deploy_inSlack_isAdminOnly() {
        Result.Failure failure = (Result.Failure) fixture.language.run(fixture.session, "deploy qwen3-14b",
                Context.slack("U1", "C1", false, "Ask an admin."));

        assertThat(failure.code()).isEqualTo("NotAdmin");
    }

    private Path data(String name, int samples) throws Exception {
        return Files.writeString(dir.resolve(name), (CHAT + "\n").repeat(samples));
    }
}
