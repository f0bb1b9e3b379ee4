package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.JobKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /finetune metrics --follow: the chart drawn again as the sandbox's log grows, until the job ends. */
class MetricsFollowTest {
    private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello there\"}]}";
    private static final String LOGS = "GET /api/v1/fine-tunes/{job_id}/logs";
    private final Fixture fixture = new Fixture(0, 12);
    private final ExecutorService background = Executors.newCachedThreadPool();

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        background.shutdownNow();
        fixture.close();
    }

    @Test
    void follow_redrawsOnlyWhenTheLogGains_andTheLastChartSaysHowTheJobEnded() throws Exception {
        Path train = Files.writeString(dir.resolve("train.jsonl"), (CHAT + "\n").repeat(20));
        Result.Message created = (Result.Message) fixture.run("/finetune create --model qwen3-14b --data " + train
                + " --epochs 3 --yes");
        String id = created.json().path("job_id").asText();
        Future<Result> following = background.submit(() -> fixture.run("/finetune metrics " + id + " --follow"));
        fixture.host.nextNotice();

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            fixture.clock.advance(Duration.ofMinutes(2));
            return charts().size() >= 3;
        });
        fixture.sandbox.forceStatus(id, "SUCCEEDED");
        Result.Chart last = (Result.Chart) following.get(30, TimeUnit.SECONDS);

        List<Integer> sizes = charts().stream().map(chart -> chart.curve().points().size()).toList();
        assertThat(sizes).as("each redraw has more points than the one before").isSorted().doesNotHaveDuplicates();
        assertThat(last.curve().points()).hasSizeGreaterThanOrEqualTo(sizes.get(sizes.size() - 1));
        assertThat(last.summary()).last().isEqualTo("fine-tune job " + id + " ended SUCCEEDED");
    }

    private List<Result.Chart> charts() {
        return fixture.host.notices().stream().filter(Result.Chart.class::isInstance).map(Result.Chart.class::cast)
                .toList();
    }

    @Test
    void follow_readsOnlyNewLinesEachPoll() throws Exception {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");
        Future<Result> following = background.submit(() -> fixture.run("/finetune metrics " + id + " --follow"));
        fixture.host.nextNotice();
        long afterFirst = fixture.sandbox.stats().count(LOGS);
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> fixture.sandbox.stats().count(LOGS) >= afterFirst + 5);
        fixture.sandbox.forceStatus(id, "FAILED");
        Result last = following.get(30, TimeUnit.SECONDS);

        long polls = fixture.sandbox.stats().count("GET /api/v1/fine-tunes/{job_id}");
        assertThat(fixture.sandbox.stats().count(LOGS) - afterFirst).as("one log request per poll")
                .isBetween(polls - 1, polls + 1);
        assertThat(last.toString()).contains("ended FAILED");
    }

    @Test
    void follow_interrupted_stops() throws Exception {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");

        Result answer = fixture.interruptedAfterFirstNotice("/finetune metrics " + id + " --follow");

        assertThat(((Result.Failure) answer).message()).isEqualTo("interrupted");
    }

    @Test
    void follow_ofAFinishedJob_isJustTheChart() {
        String id = fixture.first(JobKind.FINETUNE, "SUCCEEDED");

        assertThat(fixture.run("/finetune metrics " + id + " --follow")).isInstanceOf(Result.Chart.class);
        assertThat(fixture.host.notices()).isEmpty();
    }

    @Test
    void follow_isRefusedWhereItCannotStream_beforeAnyCall() {
        String id = fixture.first(JobKind.FINETUNE, "RUNNING");
        long before = fixture.sandbox.stats().count(LOGS);

        Result slack = fixture.language.run(fixture.session, "/finetune metrics " + id + " --follow",
                Context.slack("U0ADMIN", "C0TEST", true, ""));

        assertThat(slack).isInstanceOf(Result.Failure.class);
        assertThat(fixture.sandbox.stats().count(LOGS)).isEqualTo(before);
    }
}
