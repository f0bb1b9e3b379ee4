package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tolerant mapping: odd types, missing and unknown fields never break a job. */
class JobMappingTest {
    private static final ObjectMapper JSON = new ObjectMapper();


    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static Reply reply(String output) throws Exception {
        return new Reply(json(output), "r-1", 200, "http://127.0.0.1/api/v1/x");
    }

    @Test
    void fineTuneJob_numbersAsStringsAndLearningRateAsNumber_parse() throws Exception {
        FineTuneJob job = JobMapping.fineTuneJob(json("{\"job_id\":\"ft-1\",\"usage\":\"279808\","
                + "\"hyper_parameters\":{\"n_epochs\":\"3\",\"batch_size\":\"32\",\"max_length\":8192.0,"
                + "\"learning_rate\":0.0001,\"split\":\"0.9\"},\"code\":1}"));

        assertThat(job.usage()).isEqualTo(279808L);
        assertThat(job.hyperParameters()).isEqualTo(new HyperParameters(3, 32, 8192, "0.0001", null, 0.9));
        assertThat(job.code()).isEqualTo("1");
    }

    @Test
    void fineTuneJob_unknownStatusAndFields_keptVerbatim() throws Exception {
        FineTuneJob job = JobMapping.fineTuneJob(json("{\"job_id\":\"ft-1\",\"status\":\"QUEUING\",\"new_field\":{\"a\":1}}"));

        assertThat(job.status()).isEqualTo("QUEUING");
        assertThat(job.terminal()).isFalse();
        assertThat(job.raw().get("new_field").get("a").asInt()).isEqualTo(1);
        assertThat(job.message()).isNull();
        assertThat(job.hyperParameters()).isNull();
        assertThat(job.trainingFileIds()).isEmpty();
        assertThat(job.createdAt()).isNull();
    }

    @Test
    void fineTuneJob_garbageTypes_becomeNull() throws Exception {
        FineTuneJob job = JobMapping.fineTuneJob(json("{\"usage\":\"lots\",\"create_time\":{\"x\":1},"
                + "\"training_file_ids\":\"only-one\",\"hyper_parameters\":{\"n_epochs\":2.5},\"message\":\"queued\"}"));

        assertThat(job.usage()).isNull();
        assertThat(job.createTime()).isNull();
        assertThat(job.trainingFileIds()).containsExactly("only-one");
        assertThat(job.hyperParameters().nEpochs()).isNull();
        assertThat(job.message()).isEqualTo("queued");
    }

    @Test
    void importJob_missingFields_areNull() throws Exception {
        ImportJob job = JobMapping.importJob(json("{\"job_id\":\"imp-1\",\"status\":\"VALIDATING\"}"));

        assertThat(job.status()).isEqualTo("VALIDATING");
        assertThat(job.storageInfo()).isNull();
        assertThat(job.gmtCreate()).isNull();
        assertThat(job.terminal()).isFalse();
    }

    @Test
    void importPage_missingCounts_fallBackToRequestAndItems() throws Exception {
        Page<ImportJob> page = JobMapping.importPage(reply("{\"list\":[{\"job_id\":\"a\"},{\"job_id\":\"b\"}]}"), 3, 5);

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.pageNo()).isEqualTo(3);
        assertThat(page.pageSize()).isEqualTo(5);
        assertThat(page.requestId()).isEqualTo("r-1");
    }

    @Test
    void fineTunePage_stringCounts_parse() throws Exception {
        Page<FineTuneJob> page = JobMapping.fineTunePage(
                reply("{\"total\":\"12\",\"page_no\":\"2\",\"page_size\":\"10\",\"jobs\":[]}"), null, null);

        assertThat(page.total()).isEqualTo(12);
        assertThat(page.pageNo()).isEqualTo(2);
        assertThat(page.pageSize()).isEqualTo(10);
        assertThat(page.items()).isEmpty();
    }

    @Test
    void importPage_outputNotAnObject_isAClearApiException() {
        assertThatThrownBy(() -> JobMapping.importPage(reply("[1,2]"), null, null))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("output is not a page of jobs (ARRAY)")
                .hasMessageContaining("http://127.0.0.1/api/v1/x");
    }

    @Test
    void logPage_logsAsOneString_splitIntoLines() throws Exception {
        LogPage logs = JobMapping.logPage(reply("{\"logs\":\"a\\nb\"}"));

        assertThat(logs).isEqualTo(new LogPage(2, List.of("a", "b"), "r-1"));
    }

    @Test
    void checkpoints_wrappedInObject_areFound() throws Exception {
        List<Checkpoint> checkpoints = JobMapping.checkpoints(reply("{\"checkpoints\":[{\"checkpoint_id\":\"c\",\"step\":\"7\"}]}"));

        assertThat(checkpoints).extracting(Checkpoint::checkpointId, Checkpoint::step).containsExactly(
                org.assertj.core.groups.Tuple.tuple("c", 7));
    }
}
