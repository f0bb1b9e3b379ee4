package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.CreateFineTuneRequest;
import dev.mstudio.client.CreateImportRequest;
import dev.mstudio.client.ImportJob;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Fakes.FakeTicker;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobsMutationTest {
    private final FakeClient client = new FakeClient().withImports(12).withFineTunes(12);
    private final FakeTicker ticker = new FakeTicker();
    private final Jobs jobs = Jobs.builder(client).ticker(ticker).executor(Fakes.DIRECT).build();
    private final JobQuery imports = JobQuery.of(JobKind.IMPORT);
    private final JobQuery fineTunes = JobQuery.of(JobKind.FINETUNE);
    private final CreateImportRequest newImport =
            new CreateImportRequest("qwen3-32b", "lora", "my-bucket", "models/lora/", "mine");

    @BeforeEach
    void showBothListings() throws IOException {
        jobs.page(imports);
        jobs.page(imports.withPage(2));
        jobs.page(fineTunes);
    }

    @Test
    void createImport_invalidatesEveryImportPageOnly() throws IOException {
        ImportJob created = jobs.createImport(newImport);

        assertThat(jobs.page(imports).items().get(0).id()).isEqualTo(created.id());
        jobs.page(imports.withPage(2));
        jobs.page(fineTunes);

        assertThat(client.calls("listImports")).isEqualTo(4);
        assertThat(client.calls("listFineTunes")).isEqualTo(1);
        assertThat(jobs.index().find(created.id())).get().extracting(IndexEntry::status).isEqualTo("PENDING");
    }

    @Test
    void createFineTune_invalidatesFineTunePages() throws IOException {
        jobs.createFineTune(new CreateFineTuneRequest("qwen3-14b", List.of("file-1"), null, null, null, null));

        jobs.page(fineTunes);
        jobs.page(imports);

        assertThat(client.calls("listFineTunes")).isEqualTo(2);
        assertThat(client.calls("listImports")).isEqualTo(2);
    }

    @Test
    void delete_invalidatesPagesAndForgetsJob() throws IOException {
        assertThat(jobs.index().find("imp-0003")).isPresent();

        jobs.delete(JobKind.IMPORT, "imp-0003");

        assertThat(jobs.page(imports).items()).extracting(job -> job.id()).doesNotContain("imp-0003");
        assertThat(client.calls("listImports")).isEqualTo(3);
        assertThat(jobs.index().find("imp-0003")).isEmpty();
    }

    @Test
    void cancelFineTune_invalidatesPagesAndCachedJob() throws IOException {
        String id = "ft-202410291653-0001";
        assertThat(jobs.get(JobKind.FINETUNE, id).status()).isEqualTo("RUNNING");

        jobs.cancelFineTune(id);

        assertThat(jobs.get(JobKind.FINETUNE, id).status()).isEqualTo("CANCELED");
        assertThat(jobs.page(fineTunes).items().get(0).status()).isEqualTo("CANCELED");
        assertThat(client.calls("getFineTune")).isGreaterThanOrEqualTo(2);
        assertThat(client.calls("listFineTunes")).isEqualTo(2);
    }

    @Test
    void createImport_failing_invalidatesNothing() throws IOException {
        ApiException denied = new ApiException(400, "InvalidParameter", "bucket not found", "req-9");
        client.failNext = denied;

        assertThatThrownBy(() -> jobs.createImport(newImport)).isSameAs(denied);
        jobs.page(imports);
        jobs.page(imports.withPage(2));

        assertThat(client.calls("listImports")).isEqualTo(2);
        assertThat(client.imports).hasSize(12);
    }

    @Test
    void delete_failing_invalidatesNothingAndKeepsIndexEntry() throws IOException {
        client.failNext = new IOException("connection reset");

        assertThatThrownBy(() -> jobs.delete(JobKind.IMPORT, "imp-0003")).isInstanceOf(IOException.class);
        jobs.page(imports);

        assertThat(client.calls("listImports")).isEqualTo(2);
        assertThat(jobs.index().find("imp-0003")).isPresent();
    }

    @Test
    void cancelFineTune_failing_invalidatesNothing() throws IOException {
        client.failNext = new ApiException(400, "OperationDenied", "job is not running", "req-3");

        assertThatThrownBy(() -> jobs.cancelFineTune("ft-202410291653-0001")).isInstanceOf(ApiException.class);
        jobs.page(fineTunes);

        assertThat(client.calls("listFineTunes")).isEqualTo(1);
    }

    @Test
    void invalidate_dropsPagesOfThatKindOnly() throws IOException {
        jobs.invalidate(JobKind.FINETUNE);

        jobs.page(fineTunes);
        jobs.page(imports);

        assertThat(client.calls("listFineTunes")).isEqualTo(2);
        assertThat(client.calls("listImports")).isEqualTo(2);
    }
}
