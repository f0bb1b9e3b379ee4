package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Bad input is refused before anything reaches the server. */
class ValidationTest {
    private final TestServer test = new TestServer();
    private final DashScopeClient client = test.client();

    @AfterEach
    void tearDown() throws Exception {
        assertThat(test.server.getRequestCount()).as("requests that reached the server").isZero();
        client.close();
        test.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 101, -1})
    void listImports_pageSizeOutOfRange_isRefused(int size) {
        assertThatThrownBy(() -> client.listImports(new ImportQuery(1, size, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page_size must be between 1 and 100, got " + size);
    }

    @Test
    void listFineTunes_pageNoZero_isRefused() {
        assertThatThrownBy(() -> client.listFineTunes(FineTuneQuery.all().withPage(0, 10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("page_no must be 1 or more");
    }

    @Test
    void createImport_objectKeyWithoutTrailingSlash_isRefused() {
        assertThatThrownBy(() -> client.createImport(new CreateImportRequest("qwen3-32b", "lora", "b", "models/x", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end with '/'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "//"})
    void createImport_objectKeyBucketRoot_isRefused(String key) {
        assertThatThrownBy(() -> client.createImport(new CreateImportRequest("qwen3-32b", "lora", "b", key, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the bucket root");
    }

    @Test
    void createImport_displayName51Chars_isRefused() {
        String name = "n".repeat(51);
        assertThatThrownBy(() -> client.createImport(new CreateImportRequest("qwen3-32b", "lora", "b", "m/", name)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("display_name must be at most 50 characters, got 51");
    }

    @Test
    void createImport_weightTypeHalf_isRefused() {
        assertThatThrownBy(() -> client.createImport(new CreateImportRequest("qwen3-32b", "half", "b", "m/", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weight_type must be lora or full, got 'half'");
    }

    @Test
    void createImport_missingBucket_isRefused() {
        assertThatThrownBy(() -> client.createImport(new CreateImportRequest("qwen3-32b", "lora", " ", "m/", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("storage_info.bucket_name is required");
    }

    @Test
    void createFineTune_noTrainingFiles_isRefused() {
        assertThatThrownBy(() -> client.createFineTune(new CreateFineTuneRequest("qwen3-14b", List.of(), null, null, null, null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Missing training files");
    }

    @Test
    void createFineTune_unknownTrainingType_isRefused() {
        assertThatThrownBy(() -> client.createFineTune(new CreateFineTuneRequest("qwen3-14b", List.of("f"), null, null, "rlhf", null)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("training_type must be one of");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", ".", "..", " .. ", "ft-1\n", "a\u0000b"})
    void everyJobEndpoint_blankOrPathLikeId_isRefused(String id) {
        assertThatThrownBy(() -> client.getImport(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.deleteImport(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getFineTune(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.cancelFineTune(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.deleteFineTune(id)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.fineTuneLogs(id, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.checkpoints(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void getImport_nullId_isRefused() {
        assertThatThrownBy(() -> client.getImport(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("job ID must not be blank");
    }

    @Test
    void fineTuneLogs_negativeOffset_isRefused() {
        assertThatThrownBy(() -> client.fineTuneLogs("ft-1", -1, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("offset must be 0 or more, got -1");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1001})
    void fineTuneLogs_lineOutOfRange_isRefused(int lines) {
        assertThatThrownBy(() -> client.fineTuneLogs("ft-1", 0, lines))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line must be between 1 and 1000, got " + lines);
    }

    @Test
    void closedClient_refusesCalls() {
        client.close();

        assertThatThrownBy(() -> client.getImport("imp-1")).isInstanceOf(IllegalStateException.class);
    }
}
