package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Deployment;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Fakes.FakeTicker;
import dev.mstudio.sandbox.Sandbox;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Finding a job of an unsaid kind against the sandbox: the ID's shape picks the kind asked first. */
class JobLookupTest {
    private Sandbox sandbox;
    private DashScopeClient client;
    private Jobs jobs;

    @BeforeEach
    void start() {
        Clock frozen = Clock.fixed(Instant.parse("2024-10-29T16:53:53Z"), ZoneOffset.UTC);
        sandbox = Sandbox.builder().port(0).clock(frozen).random(42).failureRate(0).build().start();
        sandbox.seed(3, 3, 0.5);
        client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).maxAttempts(1).build();
        jobs = Jobs.builder(client).ticker(new FakeTicker()).executor(Fakes.DIRECT).build();
    }

    @AfterEach
    void stop() {
        jobs.close();
        client.close();
        sandbox.close();
    }

    @Test
    void locate_aDeployedModelName_asksForADeploymentFirst() throws Exception {
        String id = client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, "found"))
                .deployedModel();
        sandbox.resetStats();

        Job job = JobLookup.locate(jobs, id);

        assertThat(job).isInstanceOf(Deployment.class);
        assertThat(job.kind()).isEqualTo(JobKind.DEPLOYMENT);
        assertThat(job.model()).isEqualTo("qwen3-14b");
        assertThat(sandbox.stats().total()).isEqualTo(1);
        assertThat(jobs.index().find(id)).hasValueSatisfying(entry -> assertThat(entry.kind()).isEqualTo(JobKind.DEPLOYMENT));
    }

    @Test
    void locate_anImportUuid_asksForAnImportFirst() throws Exception {
        String id = client.listImports(new ImportQuery(1, 1, null, null)).items().get(0).id();
        sandbox.resetStats();

        Job job = JobLookup.locate(jobs, id);

        assertThat(job.kind()).isEqualTo(JobKind.IMPORT);
        assertThat(sandbox.stats().total()).isEqualTo(1);
    }

    @Test
    void locate_anIdNoKindHas_isNotFound_namingEveryKind() {
        ApiException e = catchThrowableOfType(() -> JobLookup.locate(jobs, "ft-202410291653-none"), ApiException.class);

        assertThat(e.code()).isEqualTo("NotFound");
        assertThat(e.getMessage()).contains("No import job, fine-tune job or deployment has the ID ft-202410291653-none.");
        assertThat(sandbox.stats().count("GET /api/v1/fine-tunes/{job_id}")).isEqualTo(1);
        assertThat(sandbox.stats().count("GET /api/v1/deployments/{deployed_model}")).isEqualTo(1);
    }
}
