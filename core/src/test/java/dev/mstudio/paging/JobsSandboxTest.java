package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mstudio.client.ApiException;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.CreateDeploymentRequest;
import dev.mstudio.client.CreateImportRequest;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.Deployment;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Fakes.FakeTicker;
import dev.mstudio.sandbox.Sandbox;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The facade over the real HTTP client and the sandbox on loopback, counting the requests it really sends. */
class JobsSandboxTest {
    private static final String LIST_IMPORTS = "GET /api/v1/custom_models/import";
    private static final String LIST_FINETUNES = "GET /api/v1/fine-tunes";

    private final FakeTicker ticker = new FakeTicker();
    private Sandbox sandbox;
    private DashScopeClient client;
    private Jobs jobs;

    @BeforeEach
    void start() {
        Clock frozen = Clock.fixed(Instant.parse("2024-10-29T16:53:53Z"), ZoneOffset.UTC);
        sandbox = Sandbox.builder().port(0).clock(frozen).random(42).failureRate(0).build().start();
        sandbox.seed(1_000, 30, 0.5);
        sandbox.resetStats();
        client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).maxAttempts(1).build();
        jobs = Jobs.builder(client).ticker(ticker).executor(Fakes.DIRECT).build();
    }

    @AfterEach
    void stop() {
        jobs.close();
        client.close();
        sandbox.close();
    }

    @Test
    void stream_thousandJobs_costsTenRequests() throws Exception {
        long count = jobs.stream(JobQuery.of(JobKind.IMPORT)).count();

        assertThat(count).isEqualTo(1_000);
        assertThat(sandbox.stats().count(LIST_IMPORTS)).isEqualTo(10);
        assertThat(sandbox.stats().total()).isEqualTo(10);
        assertThat(controlStats().path("requests").path(LIST_IMPORTS).asLong()).isEqualTo(10);
        assertThat(jobs.index().complete(JobKind.IMPORT, "", 2_000)).hasSize(1_000);
    }

    @Test
    void page_againWithinTtl_costsNoRequest_afterTtlOne() throws IOException {
        JobQuery query = JobQuery.of(JobKind.IMPORT).withPageSize(20);

        assertThat(jobs.page(query).items()).hasSize(20);
        assertThat(sandbox.stats().count(LIST_IMPORTS)).isEqualTo(1);

        ticker.advance(Duration.ofSeconds(4));
        jobs.page(query);
        assertThat(sandbox.stats().count(LIST_IMPORTS)).isEqualTo(1);

        ticker.advance(Duration.ofSeconds(7));
        jobs.page(query);
        assertThat(sandbox.stats().count(LIST_IMPORTS)).isEqualTo(2);
    }

    @Test
    void createImport_invalidatesListing_nextShowCostsFreshRequest() throws IOException {
        JobQuery query = JobQuery.of(JobKind.IMPORT);
        assertThat(jobs.page(query).total()).isEqualTo(1_000);
        jobs.page(JobQuery.of(JobKind.FINETUNE));

        ImportJob created = jobs.createImport(
                new CreateImportRequest("qwen3-32b", "lora", "my-bucket", "models/qwen3-32b-lora/", "from the test"));

        assertThat(jobs.page(query).total()).isEqualTo(1_001);
        jobs.page(JobQuery.of(JobKind.FINETUNE));
        assertThat(sandbox.stats().count(LIST_IMPORTS)).isEqualTo(2);
        assertThat(sandbox.stats().count("POST /api/v1/custom_models/import")).isEqualTo(1);
        assertThat(sandbox.stats().count(LIST_FINETUNES)).isEqualTo(1);
        assertThat(jobs.index().find(created.id())).isPresent();
    }

    @Test
    void listing_pagingForwardAndBack_costsOneRequestPerNewPage() throws IOException {
        Listing listing = jobs.listing(JobQuery.of(JobKind.FINETUNE));
        assertThat(listing.pageCount()).isEqualTo(3);
        assertThat(sandbox.stats().count(LIST_FINETUNES)).isEqualTo(2);

        listing.next();
        listing.next();
        listing.prev();

        assertThat(listing.pageNo()).isEqualTo(2);
        assertThat(sandbox.stats().count(LIST_FINETUNES)).isEqualTo(3);
    }

    @Test
    void get_recordsJobAndWarmFillsIndex() throws IOException {
        Job first = jobs.page(JobQuery.of(JobKind.FINETUNE)).items().get(0);
        sandbox.resetStats();

        Job fetched = jobs.get(JobKind.FINETUNE, first.id());
        jobs.index().warm(JobKind.FINETUNE).join();

        assertThat(fetched.id()).isEqualTo(first.id());
        assertThat(sandbox.stats().count("GET /api/v1/fine-tunes/{job_id}")).isEqualTo(1);
        assertThat(sandbox.stats().count(LIST_FINETUNES)).isEqualTo(1);
        assertThat(jobs.index().complete(JobKind.FINETUNE, "ft-", 100)).hasSize(30);
        assertThat(jobs.index().models(JobKind.FINETUNE)).isNotEmpty();
    }

    @Test
    void locate_aDeployedModelName_asksForADeploymentFirst_andWarmIndexesDeployments() throws Exception {
        String id = client.createDeployment(new CreateDeploymentRequest("qwen3-14b", 1, null, "found"))
                .deployedModel();
        sandbox.resetStats();

        Job job = JobLookup.locate(jobs, id);
        jobs.index().warm(JobKind.DEPLOYMENT).join();

        assertThat(job).isInstanceOf(Deployment.class);
        assertThat(job.model()).isEqualTo("qwen3-14b");
        assertThat(sandbox.stats().count("GET /api/v1/deployments/{deployed_model}")).isEqualTo(1);
        assertThat(sandbox.stats().count("GET /api/v1/deployments")).isEqualTo(1);
        assertThat(sandbox.stats().total()).as("nothing asked of imports or fine-tunes").isEqualTo(2);
        assertThat(jobs.index().complete(JobKind.DEPLOYMENT, "qwen3-14b-", 10)).extracting(IndexEntry::id)
                .containsExactly(id);
    }

    @Test
    void locate_anImportUuid_asksForAnImportFirst() throws Exception {
        String id = jobs.page(JobQuery.of(JobKind.IMPORT)).items().get(0).id();
        jobs.index().forget(id);
        sandbox.resetStats();

        Job job = JobLookup.locate(jobs, id);

        assertThat(job.kind()).isEqualTo(JobKind.IMPORT);
        assertThat(sandbox.stats().total()).isEqualTo(1);
    }

    @Test
    void locate_anIdNoKindHas_isNotFound_namingEveryKind() {
        ApiException e = catchThrowableOfType(() -> JobLookup.locate(jobs, "ft-202410291653-none"), ApiException.class);

        assertThat(e.code()).isEqualTo("NotFound");
        assertThat(e.getMessage()).isEqualTo("No import job, fine-tune job or deployment has the ID ft-202410291653-none.");
        assertThat(sandbox.stats().count("GET /api/v1/fine-tunes/{job_id}")).isEqualTo(1);
        assertThat(sandbox.stats().count("GET /api/v1/deployments/{deployed_model}")).isEqualTo(1);
        assertThat(sandbox.stats().total()).isEqualTo(3);
    }

    private JsonNode controlStats() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(sandbox.root().resolve("_sandbox/stats")).GET().build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }
}
