package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /finetune metrics against the sandbox: the curve read from the real log endpoint, incrementally. */
class MetricsCommandTest {
    private static final String LOGS = "GET /api/v1/fine-tunes/{job_id}/logs";
    private final Fixture fixture = new Fixture(0, 8);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void metrics_ofAFinishedJob_chartsItsLoss_namesTheBestCheckpoint_andReadsTheLogOnlyOnce() {
        String id = fixture.first(JobKind.FINETUNE, "SUCCEEDED");

        Result.Chart chart = (Result.Chart) fixture.run("/finetune metrics " + id);
        long firstRead = fixture.sandbox.stats().count(LOGS);
        Result.Chart again = (Result.Chart) fixture.run("/finetune metrics " + id);

        assertThat(chart.title()).isEqualTo("Training loss of fine-tune job " + id);
        assertThat(chart.curve().points()).hasSizeGreaterThan(5);
        assertThat(chart.curve().evaluations()).isNotEmpty();
        assertThat(chart.summary()).anySatisfy(line -> assertThat(line).startsWith("last train loss "))
                .anySatisfy(line -> assertThat(line).matches("best validation loss \\d\\.\\d{4} at step \\d+ \\(checkpoint-\\d+\\)"));
        assertThat(chart.json().path("points").size()).isEqualTo(chart.curve().points().size());
        assertThat(fixture.sandbox.stats().count(LOGS) - firstRead).as("the second chart reads only new lines")
                .isEqualTo(1);
        assertThat(again.curve()).isEqualTo(chart.curve());
    }
}
