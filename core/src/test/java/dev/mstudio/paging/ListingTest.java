package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import dev.mstudio.paging.Fakes.FakeTicker;
import dev.mstudio.paging.Fakes.QueuedExecutor;
import java.io.IOException;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class ListingTest {
    private final FakeClient client = new FakeClient().withImports(25);
    private final FakeTicker ticker = new FakeTicker();
    private final Jobs jobs = Jobs.builder(client).ticker(ticker).executor(Fakes.DIRECT).build();
    private final JobQuery imports = JobQuery.of(JobKind.IMPORT);

    @Test
    void listing_showsFirstPageAndPrefetchesSecond() throws IOException {
        Listing listing = jobs.listing(imports);

        assertThat(listing.current().items()).extracting(Job::id).startsWith("imp-0001");
        assertThat(listing.pageNo()).isEqualTo(1);
        assertThat(listing.pageCount()).isEqualTo(3);
        assertThat(listing.total()).isEqualTo(25);
        assertThat(client.importQueries).extracting(q -> q.pageNo()).containsExactly(1, 2);
    }

    @Test
    void withoutPrefetch_eachPageLoadsWhenShown() throws IOException {
        Jobs oneShot = Jobs.builder(client).ticker(ticker).executor(Fakes.DIRECT).prefetchNextPage(false).build();
        Listing listing = oneShot.listing(imports);
        assertThat(client.importQueries).extracting(q -> q.pageNo()).containsExactly(1);

        assertThat(listing.next().items()).extracting(Job::id).startsWith("imp-0011");
        assertThat(client.importQueries).extracting(q -> q.pageNo()).containsExactly(1, 2);
    }

    @Test
    void next_afterPrefetch_costsNoFurtherCallForThatPage() throws IOException {
        Listing listing = jobs.listing(imports);

        assertThat(listing.next().items()).extracting(Job::id).startsWith("imp-0011");

        assertThat(listing.pageNo()).isEqualTo(2);
        assertThat(client.importQueries).extracting(q -> q.pageNo()).containsExactly(1, 2, 3);
    }

    @Test
    void next_prefetchRunsInBackground_notOnCallersThread() throws IOException {
        QueuedExecutor background = new QueuedExecutor();
        Jobs queued = Jobs.builder(client).ticker(ticker).executor(background).build();
        queued.prefetch(imports);
        background.runAll();

        Listing listing = queued.listing(imports);
        assertThat(client.calls("listImports")).isEqualTo(1);

        background.runAll();
        assertThat(client.calls("listImports")).isEqualTo(2);
        assertThat(listing.next().items()).hasSize(10);
        assertThat(client.calls("listImports")).isEqualTo(2);
        background.runAll();
        assertThat(client.calls("listImports")).isEqualTo(3);
    }

    @Test
    void next_onLastPage_saysSo() throws IOException {
        Listing listing = jobs.listing(imports);
        listing.next();
        assertThat(listing.next().items()).hasSize(5);

        assertThat(listing.hasNext()).isFalse();
        assertThatThrownBy(listing::next)
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("already on the last page (3 of 3)");
        assertThat(listing.pageNo()).isEqualTo(3);
    }

    @Test
    void prev_onFirstPage_saysSo() throws IOException {
        Listing listing = jobs.listing(imports);

        assertThat(listing.hasPrevious()).isFalse();
        assertThatThrownBy(listing::prev)
                .isInstanceOf(NoSuchElementException.class)
                .hasMessage("already on the first page (1 of 3)");
    }

    @Test
    void prev_withinTtl_costsNoCall() throws IOException {
        Listing listing = jobs.listing(imports);
        listing.next();
        int calls = client.calls("listImports");

        assertThat(listing.prev().items()).extracting(Job::id).startsWith("imp-0001");

        assertThat(listing.pageNo()).isEqualTo(1);
        assertThat(client.calls("listImports")).isEqualTo(calls);
    }

    @Test
    void listing_empty_hasOnePageAndNoNext() throws IOException {
        Listing listing = jobs.listing(JobQuery.of(JobKind.FINETUNE));

        assertThat(listing.current().items()).isEmpty();
        assertThat(listing.pageCount()).isEqualTo(1);
        assertThat(client.calls("listFineTunes")).isEqualTo(1);
        assertThatThrownBy(listing::next).hasMessage("already on the last page (1 of 1)");
    }

    @Test
    void listing_pastTheEnd_prevGoesToLastPage() throws IOException {
        Listing listing = jobs.listing(imports.withPage(7));

        assertThat(listing.current().items()).isEmpty();
        assertThatThrownBy(listing::next).hasMessage("page 7 is past the last page (3)");
        assertThat(listing.prev().items()).hasSize(5);
        assertThat(listing.pageNo()).isEqualTo(3);
    }
}
