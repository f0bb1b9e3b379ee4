package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.JobKind;
import org.junit.jupiter.api.Test;

class JobQueryTest {

    @Test
    void of_defaults_firstPageOfTen() {
        JobQuery query = JobQuery.of(JobKind.IMPORT);

        assertThat(query.pageNo()).isEqualTo(1);
        assertThat(query.pageSize()).isEqualTo(10);
        assertThat(query.status()).isNull();
        assertThat(query.model()).isNull();
    }

    @Test
    void constructor_normalizesFilters() {
        JobQuery query = new JobQuery(JobKind.FINETUNE, " running ", "  ", 2, 100);

        assertThat(query.status()).isEqualTo("RUNNING");
        assertThat(query.model()).isNull();
        assertThat(query).isEqualTo(JobQuery.of(JobKind.FINETUNE).withStatus("RUNNING").withPage(2).withPageSize(100));
    }

    @Test
    void constructor_pageSizeOutOfRange_isRejected() {
        assertThatThrownBy(() -> JobQuery.of(JobKind.IMPORT).withPageSize(101))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page size must be between 1 and 100, got 101");
        assertThatThrownBy(() -> JobQuery.of(JobKind.IMPORT).withPageSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructor_pageBelowOne_isRejected() {
        assertThatThrownBy(() -> JobQuery.of(JobKind.IMPORT).withPage(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("page must be 1 or more, got 0");
    }

    @Test
    void constructor_nullKind_isRejected() {
        assertThatThrownBy(() -> new JobQuery(null, null, null, 1, 10)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void toClientQueries_carryFiltersAndPage() {
        JobQuery query = new JobQuery(JobKind.FINETUNE, "FAILED", "qwen3-14b", 3, 20);

        assertThat(query.toFineTuneQuery().model()).isEqualTo("qwen3-14b");
        assertThat(query.toFineTuneQuery().status()).isEqualTo("FAILED");
        assertThat(query.toImportQuery().modelName()).isEqualTo("qwen3-14b");
        assertThat(query.toImportQuery().pageNo()).isEqualTo(3);
        assertThat(query.toImportQuery().pageSize()).isEqualTo(20);
    }
}
