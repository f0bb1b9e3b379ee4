package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.DashScopeClient;
import dev.mstudio.client.FineTuneJob;
import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Fakes.FakeTicker;
import dev.mstudio.sandbox.Sandbox;
import dev.mstudio.sandbox.control.Faults;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Listings filtered by status stay right when the service ignores the (undocumented) fine-tune status filter. */
class JobsIgnoredStatusFilterTest {

    private Sandbox sandbox;
    private DashScopeClient client;
    private Jobs jobs;
    private List<String> running;

    @BeforeEach
    void start() throws IOException {
        Clock frozen = Clock.fixed(Instant.parse("2024-10-29T16:53:53Z"), ZoneOffset.UTC);
        sandbox = Sandbox.builder().port(0).clock(frozen).random(43).build().start().seed(0, 150, 0.6);
        client = DashScopeClient.builder().config(ClientConfig.of(sandbox.baseUrl(), "sk-test")).maxAttempts(1).build();
        jobs = Jobs.builder(client).ticker(new FakeTicker()).executor(Fakes.DIRECT).build();
        running = client.listFineTunes(new FineTuneQuery(1, 100, null, "RUNNING")).items().stream()
                .map(FineTuneJob::jobId).toList();
        sandbox.faults(new Faults(0, 0, 0, 0, true));
    }

    @AfterEach
    void stop() {
        jobs.close();
        client.close();
        sandbox.close();
    }

    @Test
    void page_serverIgnoresStatus_showsOnlyThatStatusWithItsTotal() throws IOException {
        JobQuery query = JobQuery.of(JobKind.FINETUNE).withStatus("running").withPageSize(5);

        Listing listing = jobs.listing(query);
        List<String> first = ids(listing.current().items());
        List<String> second = ids(listing.next().items());

        assertThat(running).hasSizeGreaterThan(10);
        assertThat(client.listFineTunes(new FineTuneQuery(1, 5, null, "RUNNING")).items())
                .as("the sandbox really ignores the filter").anyMatch(job -> !job.status().equals("RUNNING"));
        assertThat(first).isEqualTo(running.subList(0, 5));
        assertThat(second).isEqualTo(running.subList(5, 10));
        assertThat(listing.total()).isEqualTo(running.size());
    }

    @Test
    void stream_serverIgnoresStatus_yieldsOnlyThatStatus() {
        List<String> streamed = ids(jobs.stream(JobQuery.of(JobKind.FINETUNE).withStatus("RUNNING")).toList());

        assertThat(streamed).isEqualTo(running);
    }

    @Test
    void page_serverHonoursStatus_costsOneRequest() throws IOException {
        sandbox.faults(Faults.NONE);
        sandbox.resetStats();

        List<String> first = ids(jobs.page(JobQuery.of(JobKind.FINETUNE).withStatus("RUNNING").withPageSize(5)).items());

        assertThat(first).isEqualTo(running.subList(0, 5));
        assertThat(sandbox.stats().total()).isEqualTo(1);
    }

    private static List<String> ids(List<? extends Job> items) {
        return items.stream().map(Job::id).toList();
    }
}
