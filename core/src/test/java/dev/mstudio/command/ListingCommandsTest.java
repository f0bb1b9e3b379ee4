package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mstudio.client.JobKind;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Listings, paging, details and JSON against the sandbox over loopback. */
class ListingCommandsTest {
    private final Fixture fixture = new Fixture(27, 12);

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void imports_showsTheFirstPage_withTypedCellsAndAFooter() {
        Result.Table table = (Result.Table) fixture.run("/imports");

        assertThat(table.title()).isEqualTo("Import jobs");
        assertThat(table.columns()).extracting(Result.Column::name).containsExactly("ID", "STATUS", "MODEL", "NAME", "CREATED");
        assertThat(table.rows()).hasSize(10);
        assertThat(table.rows().get(0).get(4)).isInstanceOf(Instant.class);
        assertThat(table.footer()).isEqualTo("page 1 of 3 · 27 jobs · /next for more");
    }

    @Test
    void nextAndPrev_pageThroughTheLastListing_withClearEdges() {
        fixture.run("/imports --size 10");

        Result.Table second = (Result.Table) fixture.run("/next");
        Result.Table third = (Result.Table) fixture.run("/n");
        Result.Message pastEnd = (Result.Message) fixture.run("/next");
        Result.Table back = (Result.Table) fixture.run("/prev");

        assertThat(second.footer()).isEqualTo("page 2 of 3 · 27 jobs · /next for more");
        assertThat(third.footer()).isEqualTo("page 3 of 3 · 27 jobs");
        assertThat(third.rows()).hasSize(7);
        assertThat(pastEnd.text()).isEqualTo("Already on the last page (3 of 3).");
        assertThat(back.rows()).isEqualTo(second.rows());
        fixture.run("/prev");
        assertThat(((Result.Message) fixture.run("/prev")).text()).isEqualTo("Already on the first page (1 of 3).");
    }

    @Test
    void next_inAnotherSessionSharingTheMemory_continuesTheListingItShowed() {
        AtomicReference<String> shared = new AtomicReference<>();
        ListingMemory memory = new ListingMemory() {
            @Override
            public Optional<String> recall() {
                return Optional.ofNullable(shared.get());
            }

            @Override
            public void remember(String line) {
                shared.set(line);
            }
        };
        try (Session one = Session.builder(fixture.jobs, fixture.watchers).listingMemory(memory).build();
                Session other = Session.builder(fixture.jobs, fixture.watchers).listingMemory(memory).build()) {
            fixture.language.run(one, "imports --status RUNNING --size 4", Context.repl());
            assertThat(shared.get()).isEqualTo("imports --status RUNNING --page 1 --size 4");

            Result.Table second = (Result.Table) fixture.language.run(other, "next", Context.repl());
            Result.Table first = (Result.Table) fixture.language.run(one, "prev", Context.repl());

            assertThat(second.footer()).startsWith("page 2 of ");
            assertThat(second.title()).isEqualTo("Import jobs · status RUNNING");
            assertThat(first.footer()).startsWith("page 1 of ");
            assertThat(shared.get()).isEqualTo("imports --status RUNNING --page 1 --size 4");
        }
    }

    @Test
    void next_whenTheMemoryHoldsNoListingLine_saysWhatToRunFirst() {
        ListingMemory memory = new ListingMemory() {
            @Override
            public Optional<String> recall() {
                return Optional.of("help imports");
            }

            @Override
            public void remember(String line) {
            }
        };
        try (Session session = Session.builder(fixture.jobs, fixture.watchers).listingMemory(memory).build()) {
            Result.Failure failure = (Result.Failure) fixture.language.run(session, "next", Context.repl());

            assertThat(failure.message()).isEqualTo("There is no listing to page through yet.");
        }
    }

    @Test
    void next_beforeAnyListing_saysWhatToRunFirst() {
        Result.Failure failure = (Result.Failure) fixture.run("next");

        assertThat(failure.message()).isEqualTo("There is no listing to page through yet.");
        assertThat(failure.hint()).isEqualTo("Run imports or finetunes first, then next and prev.");
    }

    @Test
    void listing_filtersByStatusAndModel_inTheTitle() {
        Result.Table running = (Result.Table) fixture.run("/finetunes --status running --size 100");

        assertThat(running.title()).isEqualTo("Fine-tune jobs · status RUNNING");
        assertThat(running.rows()).isNotEmpty().allSatisfy(row -> assertThat(row.get(1)).isEqualTo("RUNNING"));
        String model = (String) running.rows().get(0).get(2);
        Result.Table byModel = (Result.Table) fixture.run("/finetunes --model " + model + " --size 100");
        assertThat(byModel.title()).isEqualTo("Fine-tune jobs · model " + model);
        assertThat(byModel.rows()).allSatisfy(row -> assertThat(row.get(2)).isEqualTo(model));
    }

    @Test
    void listingJson_isTheApiShape_withRawJobs() {
        Result.Table imports = (Result.Table) fixture.run("/imports --size 5 --page 2");
        Result.Table fineTunes = (Result.Table) fixture.run("/finetunes --size 5");

        JsonNode json = imports.json();
        assertThat(json.path("total").asInt()).isEqualTo(27);
        assertThat(json.path("page_no").asInt()).isEqualTo(2);
        assertThat(json.path("page_size").asInt()).isEqualTo(5);
        assertThat(json.path("list")).hasSize(5);
        assertThat(json.path("list").get(0).path("storage_info").path("bucket_name").asText()).isNotBlank();
        assertThat(fineTunes.json().path("jobs").get(0).path("hyper_parameters").isObject()).isTrue();
    }

    @Test
    void importDetail_listsEveryField_withErrorCodeAndTime() {
        String failed = fixture.first(JobKind.IMPORT, "FAILED");

        Result.Detail detail = (Result.Detail) fixture.run("/import " + failed);

        assertThat(detail.title()).isEqualTo("Import job " + failed);
        assertThat(detail.fields()).extracting(Result.Field::name).contains("job_id", "model_name", "display_name",
                "source", "storage_info.bucket_name", "storage_info.object_key", "status", "error_code", "gmt_create");
        assertThat(field(detail, "gmt_create")).isEqualTo(new Result.Field("gmt_create",
                fixture.jobs(JobKind.IMPORT, "FAILED").get(0).createdAt(), Result.ValueType.TIME));
        assertThat(field(detail, "status").type()).isEqualTo(Result.ValueType.STATUS);
        assertThat(detail.json().path("error_code").asText()).isEqualTo(field(detail, "error_code").value());
    }

    @Test
    void fineTuneDetail_flattensHyperParameters_andKeepsRawJson() {
        String id = fixture.first(JobKind.FINETUNE, "SUCCEEDED");

        Result.Detail detail = (Result.Detail) fixture.run("finetune " + id);

        assertThat(field(detail, "hyper_parameters.n_epochs").type()).isEqualTo(Result.ValueType.NUMBER);
        assertThat(field(detail, "create_time").value()).isInstanceOf(Instant.class);
        assertThat(field(detail, "end_time").value()).isInstanceOf(Instant.class);
        assertThat(detail.json().path("job_id").asText()).isEqualTo(id);
    }

    private static Result.Field field(Result.Detail detail, String name) {
        List<Result.Field> matching = detail.fields().stream().filter(field -> field.name().equals(name)).toList();
        assertThat(matching).as("field %s", name).hasSize(1);
        return matching.get(0);
    }
}
