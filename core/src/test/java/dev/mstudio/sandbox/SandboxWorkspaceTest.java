package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.testkit.ManualClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Jobs belong to the workspace named by X-DashScope-WorkSpace (or the default one) and are seen only there. */
class SandboxWorkspaceTest {

    private static final String HEADER = "X-DashScope-WorkSpace";

    private Sandbox sandbox;
    private SandboxHttp plain;
    private SandboxHttp teamA;
    private SandboxHttp teamB;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder().clock(new ManualClock()).random(23).failureRate(0).build().start();
        plain = new SandboxHttp(sandbox);
        teamA = new SandboxHttp(sandbox).header(HEADER, "ws-a");
        teamB = new SandboxHttp(sandbox).header(HEADER, "ws-b");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void fineTunes_createdInAWorkspace_areSeenOnlyThere() {
        sandbox.seed(0, 3, 0.0);
        String mine = teamA.post(FINE_TUNES, body("qwen3-8b")).output().get("job_id").asText();

        assertThat(jobIds(teamA.get(FINE_TUNES).output())).containsExactly(mine);
        assertThat(jobIds(plain.get(FINE_TUNES).output())).hasSize(3).doesNotContain(mine);
        assertThat(teamB.get(FINE_TUNES).output().get("total").asInt()).isZero();
        for (String path : List.of("", "/logs", "/checkpoints")) {
            assertThat(plain.get(FINE_TUNES + "/" + mine + path).code()).as(path).isEqualTo("NotFound");
            assertThat(teamB.get(FINE_TUNES + "/" + mine + path).status()).as(path).isEqualTo(404);
            assertThat(teamA.get(FINE_TUNES + "/" + mine + path).status()).as(path).isEqualTo(200);
        }
        assertThat(teamA.get(FINE_TUNES + "/" + mine).output().get("workspace_id").asText()).isEqualTo("ws-a");
    }

    @Test
    void fineTunes_cancelAndDelete_needTheJobsWorkspace() {
        String mine = teamA.post(FINE_TUNES, body("qwen3-8b")).output().get("job_id").asText();

        assertThat(plain.post(FINE_TUNES + "/" + mine + "/cancel", "").code()).isEqualTo("NotFound");
        assertThat(teamB.delete(FINE_TUNES + "/" + mine).code()).isEqualTo("NotFound");
        assertThat(teamA.post(FINE_TUNES + "/" + mine + "/cancel", "").status()).isEqualTo(200);
        sandbox.forceStatus(mine, "CANCELED");
        assertThat(plain.delete(FINE_TUNES + "/" + mine).code()).isEqualTo("NotFound");
        assertThat(teamA.delete(FINE_TUNES + "/" + mine).status()).isEqualTo(200);
    }

    @Test
    void imports_createdInAWorkspace_areSeenOnlyThere() {
        String mine = teamA.post(IMPORTS, createBody("qwen3-32b", "mine")).output().get("job_id").asText();
        sandbox.forceStatus(mine, "SUCCESSED");

        assertThat(jobIds(teamA.get(IMPORTS).output())).containsExactly(mine);
        assertThat(plain.get(IMPORTS).output().get("total").asInt()).isZero();
        assertThat(plain.get(IMPORTS + "/" + mine).code()).isEqualTo("NotFound");
        assertThat(teamB.delete(IMPORTS + "/" + mine).code()).isEqualTo("NotFound");
        assertThat(teamA.delete(IMPORTS + "/" + mine).status()).isEqualTo(200);
    }

    @Test
    void seed_withWorkspace_fillsOnlyThatWorkspace_andDemoFillsTheDefault() {
        SandboxHttp.Response seeded = plain.post("/_sandbox/seed",
                SandboxHttp.json("imports", 2, "finetunes", 4, "workspace", "ws-b"));
        sandbox.seedDemo();

        assertThat(seeded.json().get("workspace").asText()).isEqualTo("ws-b");
        assertThat(teamB.get(FINE_TUNES).output().get("total").asInt()).isEqualTo(4);
        assertThat(teamB.get(IMPORTS).output().get("total").asInt()).isEqualTo(2);
        assertThat(teamA.get(FINE_TUNES).output().get("total").asInt()).isZero();
        int demo = plain.get(FINE_TUNES).output().get("total").asInt();
        assertThat(demo).isPositive();
        String defaultWorkspace = plain.get(FINE_TUNES).output().get("jobs").get(0).get("workspace_id").asText();
        assertThat(new SandboxHttp(sandbox).header(HEADER, defaultWorkspace).get(FINE_TUNES).output().get("total")
                .asInt()).isEqualTo(demo);
    }
}
