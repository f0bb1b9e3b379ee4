package dev.mstudio.client;

import static dev.mstudio.client.ClientSandboxFixture.CHECKPOINTS;
import static dev.mstudio.client.ClientSandboxFixture.LOGS;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A fine-tune's training log and checkpoints as they grow on the sandbox clock. */
class ClientSandboxFineTuneLogsTest {
    private static final Duration PAST_END = Duration.ofHours(1);

    private final ClientSandboxFixture f = ClientSandboxFixture.start();

    @AfterEach
    void stop() {
        f.close();
    }

    private FineTuneJob create(int epochs) throws Exception {
        return f.client.createFineTune(new CreateFineTuneRequest("qwen3-8b", List.of("train-1"), List.of(),
                new HyperParameters(epochs, 16, null, null, null, null), null, null));
    }

    @Test
    void fineTuneLogs_offsetAndLine_slicesAgreeWithTotal() throws Exception {
        FineTuneJob job = create(2);
        f.advance(PAST_END);
        assertThat(f.client.getFineTune(job.jobId()).status()).isEqualTo("SUCCEEDED");

        LogPage all = f.client.fineTuneLogs(job.jobId(), 0, 1000);
        int total = all.total();
        LogPage slice = f.client.fineTuneLogs(job.jobId(), 2, 3);
        String sliceQuery = f.lastRequest().query();
        LogPage tail = f.client.fineTuneLogs(job.jobId(), total - 1, 100);
        LogPage beyond = f.client.fineTuneLogs(job.jobId(), total + 5, 10);
        LogPage one = f.client.fineTuneLogs(job.jobId(), 0, 1);

        assertThat(total).isGreaterThan(10).isEqualTo(all.lines().size());
        assertThat(all.lines().get(0)).startsWith("[2024-10-29 16:53:53] Fine-tune job " + job.jobId() + " created");
        assertThat(all.lines().get(total - 2)).contains("is ready");
        assertThat(all.lines().get(total - 1)).endsWith("##FT_COMPLETE##");
        assertThat(all.requestId()).isNotBlank();
        assertThat(slice.total()).isEqualTo(total);
        assertThat(slice.lines()).containsExactlyElementsOf(all.lines().subList(2, 5));
        assertThat(sliceQuery).isEqualTo("offset=2&line=3");
        assertThat(tail.lines()).containsExactly(all.lines().get(total - 1));
        assertThat(tail.total()).isEqualTo(total);
        assertThat(beyond.lines()).isEmpty();
        assertThat(beyond.total()).isEqualTo(total);
        assertThat(one.lines()).containsExactly(all.lines().get(0));
        assertThat(f.count(LOGS)).isEqualTo(5);
    }

    @Test
    void fineTuneLogs_whileRunning_growAndKeepEarlierLines() throws Exception {
        FineTuneJob job = create(2);
        List<String> previous = f.client.fineTuneLogs(job.jobId(), 0, 1000).lines();
        assertThat(previous).hasSize(1);

        int grew = 0;
        for (int minute = 1; minute <= 30; minute++) {
            f.advance(Duration.ofMinutes(1));
            LogPage now = f.client.fineTuneLogs(job.jobId(), 0, 1000);
            assertThat(now.lines()).startsWith(previous.toArray(String[]::new));
            assertThat(now.total()).isEqualTo(now.lines().size());
            if (now.total() > previous.size()) {
                grew++;
            }
            previous = now.lines();
        }

        assertThat(grew).as("minutes in which the log grew").isGreaterThanOrEqualTo(5);
        assertThat(f.client.getFineTune(job.jobId()).status()).isEqualTo("SUCCEEDED");
    }

    @Test
    void checkpoints_asJobRuns_appearOnePerEpoch() throws Exception {
        FineTuneJob job = create(3);
        assertThat(f.client.checkpoints(job.jobId())).isEmpty();

        List<Integer> counts = new ArrayList<>();
        String statusAtThird = null;
        FineTuneJob now = job;
        int polls = 0;
        for (; polls < 200 && !now.terminal(); polls++) {
            f.advance(Duration.ofSeconds(10));
            now = f.client.getFineTune(job.jobId());
            int count = f.client.checkpoints(job.jobId()).size();
            if (counts.isEmpty() || counts.get(counts.size() - 1) != count) {
                counts.add(count);
                if (count == 3) {
                    statusAtThird = now.status();
                }
            }
        }

        assertThat(now.status()).isEqualTo("SUCCEEDED");
        assertThat(counts).containsExactly(0, 1, 2, 3);
        assertThat(statusAtThird).as("the last checkpoint is saved before the job ends").isEqualTo("RUNNING");
        List<Checkpoint> saved = f.client.checkpoints(job.jobId());
        int perEpoch = saved.get(0).step();
        assertThat(perEpoch).isPositive();
        assertThat(saved).extracting(Checkpoint::step).containsExactly(perEpoch, 2 * perEpoch, 3 * perEpoch);
        assertThat(saved).extracting(Checkpoint::checkpoint).containsExactly(
                "checkpoint-" + perEpoch, "checkpoint-" + 2 * perEpoch, "checkpoint-" + 3 * perEpoch);
        assertThat(saved).extracting(Checkpoint::status).containsOnly("SUCCEEDED");
        assertThat(saved).extracting(Checkpoint::modelName).containsExactly(
                now.finetunedOutput() + "-checkpoint-" + perEpoch,
                now.finetunedOutput() + "-checkpoint-" + 2 * perEpoch,
                now.finetunedOutput() + "-checkpoint-" + 3 * perEpoch);
        assertThat(saved).extracting(Checkpoint::checkpointId).doesNotHaveDuplicates().allMatch(id -> !id.isBlank());
        assertThat(saved).extracting(Checkpoint::createTime).isSorted().allMatch(t -> t.startsWith("2024-10-29 1"));
        assertThat(saved).extracting(c -> c.raw().path("epoch").asInt()).containsExactly(1, 2, 3);
        assertThat(f.count(CHECKPOINTS)).as("one request per call, none retried").isEqualTo(polls + 2L);
    }
}
