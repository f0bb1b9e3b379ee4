package dev.mstudio.sandbox;

import static dev.mstudio.sandbox.SandboxFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.testkit.ManualClock;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** 100,000 jobs: totals, last pages and status filters stay consistent. */
class SandboxScaleTest {

    private static Sandbox sandbox;
    private static SandboxHttp http;

    @BeforeAll
    static void start() {
        sandbox = Sandbox.builder().clock(new ManualClock()).random(99).build().start().seed(50_000, 50_000, 0.3);
        http = new SandboxHttp(sandbox);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void list_lastPageOfFiftyThousand_isFullAndNextIsEmpty() {
        JsonNode last = http.get(IMPORTS + "?page_size=100&page_no=500").output();
        JsonNode beyond = http.get(FINE_TUNES + "?page_size=100&page_no=501").output();

        assertThat(last.get("total").asInt()).isEqualTo(50_000);
        assertThat(last.get("list")).hasSize(100);
        assertThat(beyond.get("total").asInt()).isEqualTo(50_000);
        assertThat(beyond.get("jobs")).isEmpty();
    }

    @Test
    void list_statusFilters_partitionAllJobs() {
        int imports = 0;
        for (String status : List.of("PENDING", "RUNNING", "SUCCESSED", "FAILED")) {
            imports += http.get(IMPORTS + "?page_size=1&status=" + status).output().get("total").asInt();
        }
        int fineTunes = 0;
        for (String status : List.of("PENDING", "QUEUING", "RUNNING", "SUCCEEDED", "FAILED", "CANCELED")) {
            fineTunes += http.get(FINE_TUNES + "?page_size=1&status=" + status).output().get("total").asInt();
        }

        assertThat(imports).isEqualTo(50_000);
        assertThat(fineTunes).isEqualTo(50_000);
    }

    @Test
    void list_filteredLastPage_holdsTheRemainder() {
        int total = http.get(FINE_TUNES + "?page_size=1&status=SUCCEEDED").output().get("total").asInt();
        int lastPage = (total + 99) / 100;

        JsonNode last = http.get(FINE_TUNES + "?page_size=100&status=SUCCEEDED&page_no=" + lastPage).output();

        assertThat(last.get("jobs")).hasSize(total - (lastPage - 1) * 100);
        last.get("jobs").forEach(job -> assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED"));
    }
}
