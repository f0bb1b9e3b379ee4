package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Jobs;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.watch.Watchers;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Creating, deleting, canceling and inspecting jobs against the sandbox, and how API errors come back. */
class JobCommandsTest {
    private final Fixture fixture = new Fixture(12, 8);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void importCreate_startsAJob_thatCanBeShown() {
        Result.Message created = (Result.Message) fixture.run(
                "/import create --base qwen3-32b --weight lora --bucket my-bucket --key models/a/ --name \"My model\" --yes");

        String id = created.json().path("job_id").asText();
        assertThat(created.level()).isEqualTo(Result.Level.SUCCESS);
        assertThat(created.text()).startsWith("Created import job " + id).endsWith("/watch " + id + " to hear when it ends.");
        assertThat(((Result.Detail) fixture.run("/import " + id)).json().path("display_name").asText()).isEqualTo("My model");
    }

    @Test
    void importCreate_badKey_isTheClientsValidation_withTheUsage() {
        Result.Failure failure = (Result.Failure) fixture.run(
                "/import create --base qwen3-32b --weight full --bucket b --key no-slash --yes");

        assertThat(failure.message()).startsWith("storage_info.object_key must end with '/'").endsWith(".");
        assertThat(failure.hint()).startsWith("Usage: /import create --base MODEL");
        assertThat(fixture.sandbox.stats().total()).isZero();
    }

    @Test
    void importDelete_withoutYes_asksFirst_thenDeletes() {
        String id = fixture.first(JobKind.IMPORT, "SUCCESSED");

        Result.Confirm confirm = (Result.Confirm) fixture.run("/import del " + id);
        Result.Message deleted = (Result.Message) fixture.run(confirm.confirmedLine());

        assertThat(confirm.question()).startsWith("Delete import job " + id + " (").endsWith("SUCCESSED)? This cannot be undone.");
        assertThat(confirm.confirmedLine()).isEqualTo("/import delete " + id + " --yes");
        assertThat(deleted.text()).isEqualTo("Deleted import job " + id + ".");
        Result.Failure gone = (Result.Failure) fixture.run("/import " + id);
        assertThat(gone.code()).isEqualTo("NotFound");
        assertThat(gone.requestId()).isNotBlank();
        assertThat(gone.message()).startsWith("NotFound: ").contains("request_id " + gone.requestId());
        assertThat(gone.hint()).isEqualTo("/imports lists import job IDs (Tab completes them).");
    }

    @Test
    void confirmLine_withoutSlash_staysWithoutSlash() {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Result.Confirm confirm = (Result.Confirm) fixture.run("finetune cancel " + id);

        assertThat(confirm.question()).startsWith("Cancel fine-tune job " + id);
        assertThat(confirm.confirmedLine()).isEqualTo("finetune cancel " + id + " --yes");
    }

    @Test
    void confirmQuestion_ofAFineTuneNamedAfterItsId_namesItOnce() {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Result.Confirm confirm = (Result.Confirm) fixture.run("/finetune cancel " + id);

        assertThat(confirm.question()).containsOnlyOnce(id).matches("Cancel fine-tune job " + id + " \\(.+, RUNNING\\)\\?");
    }

    @Test
    void importDelete_ofARunningJob_isDenied_withTheRule() {
        String id = fixture.first(JobKind.IMPORT, "RUNNING");

        Result.Failure failure = (Result.Failure) fixture.run("/import delete " + id + " --yes");

        assertThat(failure.code()).isEqualTo("OperationDenied");
        assertThat(failure.hint()).isEqualTo("Only SUCCESSED or FAILED import jobs can be deleted; /wait ID waits for the job to end.");
    }

    @Test
    void fineTuneCancel_withYes_cancelsTheJob() {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Result.Message canceled = (Result.Message) fixture.run("/finetune cancel " + id + " --yes");

        assertThat(canceled.text()).isEqualTo("Asked to cancel fine-tune job " + id + "; it shows CANCELING, then CANCELED.");
        // a cancel takes effect shortly: the job shows CANCELING first
        assertThat(fixture.jobs(JobKind.FINETUNE, "CANCELING")).extracting(job -> job.id()).contains(id);
    }

    @Test
    void fineTuneDelete_asksFirst_thenDeletes() {
        String id = fixture.first(JobKind.FINETUNE, "SUCCEEDED");

        Result.Confirm confirm = (Result.Confirm) fixture.run("/finetune delete " + id);
        Result result = fixture.run(confirm.confirmedLine());

        assertThat(result).isInstanceOf(Result.Message.class);
        assertThat(((Result.Failure) fixture.run("/finetune " + id)).code()).isEqualTo("NotFound");
    }

    @Test
    void logsTail_showsTheLastLines_afterLearningTheTotal() {
        String id = fixture.first(JobKind.FINETUNE, "SUCCEEDED");

        Result.LogLines all = (Result.LogLines) fixture.run("/finetune logs " + id + " --tail 1000");
        Result.LogLines tail = (Result.LogLines) fixture.run("/finetune logs " + id + " --tail 3");

        assertThat(all.total()).isGreaterThan(3);
        assertThat(tail.lines()).hasSize(3).isEqualTo(all.lines().subList(all.total() - 3, all.total()));
        assertThat(tail.offset()).isEqualTo(all.total() - 3);
        assertThat(tail.json().path("logs")).hasSize(3);
    }

    @Test
    void checkpoints_areATable_withRawJson() {
        String id = fixture.first(JobKind.FINETUNE, "SUCCEEDED");

        Result.Table table = (Result.Table) fixture.run("/finetune checkpoints " + id);

        assertThat(table.columns()).extracting(Result.Column::name).containsExactly("CHECKPOINT", "NAME", "STEP",
                "STATUS", "MODEL NAME", "CREATED", "EXPIRES");
        assertThat(table.rows()).isNotEmpty();
        assertThat(table.json().get(0).path("checkpoint_id").asText()).isEqualTo(table.rows().get(0).get(0));
    }

    @Test
    void invalidApiKey_isAFailure_withCodeRequestIdAndHowToSetTheKey() {
        try (Sandbox locked = Sandbox.builder().port(0).apiKey("sk-right").build().start();
             DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(locked.baseUrl(), "sk-wrong"))
                     .maxAttempts(1).build();
             Jobs jobs = Jobs.builder(client).build();
             Watchers watchers = Watchers.builder(client).build();
             Session session = Session.builder(jobs, watchers).build()) {
            Result.Failure failure = (Result.Failure) fixture.language.run(session, "/imports");

            assertThat(failure.code()).isEqualTo("InvalidApiKey");
            assertThat(failure.requestId()).isNotBlank();
            assertThat(failure.message()).startsWith("InvalidApiKey: ").doesNotContain("sk-wrong");
            assertThat(failure.hint()).contains("DASHSCOPE_API_KEY", "~/.dashscope/api_key");
        }
    }

    @Test
    void unreachableService_saysWhereItTried() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String base = "http://127.0.0.1:" + port + "/api/v1";
        try (DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(base, "sk-x")).maxAttempts(1).build();
             Jobs jobs = Jobs.builder(client).build();
             Watchers watchers = Watchers.builder(client).build();
             Session session = Session.builder(jobs, watchers).build()) {
            Result.Failure failure = (Result.Failure) fixture.language.run(session, "/finetunes");

            assertThat(failure.message()).startsWith("Cannot reach " + base + ": ");
            assertThat(failure.hint()).contains("DASHSCOPE_HTTP_BASE_URL");
        }
    }

    @Test
    void setOutput_switchesJsonMode() {
        assertThat(((Result.Message) fixture.run("/set output json")).text()).startsWith("Output: json");
        assertThat(fixture.session.jsonOutput()).isTrue();
        fixture.run("/set o table");
        assertThat(fixture.session.jsonOutput()).isFalse();
    }

    @Test
    void setRegion_withoutASwitch_explainsTheBaseUrlIsFixed() {
        Result.Failure failure = (Result.Failure) fixture.run("/set region cn");

        assertThat(failure.message()).contains(fixture.sandbox.baseUrl()).contains("cannot change");
        assertThat(failure.hint()).contains("DASHSCOPE_REGION=cn");
    }

    @Test
    void setRegion_withASwitch_usesTheJobsItGives() {
        Sandbox other = Sandbox.builder().port(0).build().start().seed(3, 0, 0);
        DashScopeClient client = DashScopeClient.builder().config(ClientConfig.of(other.baseUrl(), "sk-x")).build();
        try (Session session = Session.builder(fixture.jobs, fixture.watchers)
                .regionSwitch(region -> client).build()) {
            Result.Message switched = (Result.Message) fixture.language.run(session, "/set region cn");

            assertThat(switched.text()).isEqualTo("Now using region cn (" + other.baseUrl() + ").");
            assertThat(((Result.Table) fixture.language.run(session, "/imports")).footer()).contains("3 jobs");
        } finally {
            other.close();
        }
    }

    @Test
    void history_isATableOfTheHostsHistory() {
        fixture.host.remember("/imports");
        fixture.host.remember("/next");

        Result.Table table = (Result.Table) fixture.run("/history");

        assertThat(table.rows()).containsExactly(java.util.List.of(1, "/imports"), java.util.List.of(2, "/next"));
    }

    @Test
    void open_givesTheScriptsCommands_withoutBlanksOrComments(@TempDir Path dir) throws IOException {
        Path script = dir.resolve("jobs.mstudio");
        Files.writeString(script, "# nightly check\n/imports --status FAILED\n\n  /finetunes  \n");

        Result.Script result = (Result.Script) fixture.run("/open " + script);
        Result.Failure missing = (Result.Failure) fixture.run("/open " + dir.resolve("nope"));

        assertThat(result.lines()).containsExactly("/imports --status FAILED", "/finetunes");
        assertThat(missing.message()).isEqualTo("No such file: " + dir.resolve("nope") + ".");
        assertThat(missing.hint()).isNotBlank();
    }

    @Test
    void helpExitAndBlank() {
        assertThat(fixture.run("/help")).isInstanceOf(Result.Table.class);
        assertThat(((Result.Message) fixture.run("/help /imports")).text()).startsWith("Usage: /imports [--status S]");
        assertThat(((Result.Failure) fixture.run("/help nope")).message()).isEqualTo("Unknown command /nope.");
        assertThat(fixture.run("/exit 3")).isEqualTo(new Result.Exit(3));
        assertThat(fixture.run("exit")).isEqualTo(new Result.Exit(0));
        assertThat(fixture.run("   ")).isEqualTo(new Result.Message(Result.Level.INFO, "", 0, null));
        assertThat(fixture.run("# a comment")).isEqualTo(new Result.Message(Result.Level.INFO, "", 0, null));
    }
}
