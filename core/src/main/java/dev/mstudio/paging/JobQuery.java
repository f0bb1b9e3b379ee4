package dev.mstudio.paging;

import dev.mstudio.client.FineTuneQuery;
import dev.mstudio.client.ImportQuery;
import dev.mstudio.client.Job;
import dev.mstudio.client.JobKind;
import java.util.Locale;
import java.util.Objects;

/**
 * One page of one listing: the kind of job, optional filters and the page wanted. It is the key of
 * the page cache, so two equal queries share one cached page. Validated on construction: page 1 or
 * more, page size 1..100. A blank filter means "no filter"; the status is upper-cased, as the
 * service spells statuses.
 */
public record JobQuery(JobKind kind, String status, String model, int pageNo, int pageSize) {
    /** The service's own default page size. */
    public static final int DEFAULT_PAGE_SIZE = 10;
    /** The largest page the service serves. */
    public static final int MAX_PAGE_SIZE = 100;

    public JobQuery {
        Objects.requireNonNull(kind, "kind");
        if (pageNo < 1) {
            throw new IllegalArgumentException("page must be 1 or more, got " + pageNo);
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "page size must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
        }
        status = blankToNull(status);
        status = status == null ? null : status.toUpperCase(Locale.ROOT);
        model = blankToNull(model);
    }

    /** Every job of a kind, first page, the default page size. */
    public static JobQuery of(JobKind kind) {
        return new JobQuery(kind, null, null, 1, DEFAULT_PAGE_SIZE);
    }

    public JobQuery withStatus(String newStatus) {
        return new JobQuery(kind, newStatus, model, pageNo, pageSize);
    }

    public JobQuery withModel(String newModel) {
        return new JobQuery(kind, status, newModel, pageNo, pageSize);
    }

    public JobQuery withPage(int newPageNo) {
        return new JobQuery(kind, status, model, newPageNo, pageSize);
    }

    public JobQuery withPageSize(int newPageSize) {
        return new JobQuery(kind, status, model, pageNo, newPageSize);
    }

    /**
     * Whether a job belongs in this listing by its status (and, for a kind whose list takes no
     * filters, by its model). The service's fine-tune status filter is undocumented and may be
     * ignored, so what a listing shows is checked here too.
     */
    public boolean admits(Job job) {
        return (status == null || status.equalsIgnoreCase(job.status()))
                && (model == null || kind.listFilters() || model.equalsIgnoreCase(job.model()));
    }

    ImportQuery toImportQuery() {
        return new ImportQuery(pageNo, pageSize, status, model);
    }

    FineTuneQuery toFineTuneQuery() {
        return new FineTuneQuery(pageNo, pageSize, model, status);
    }

    /**
     * Written out, not generated: a record's generated {@code equals}/{@code hashCode} bootstrap
     * {@code ObjectMethods} through method handles on first use, which costs a one-shot run
     * (this is the page cache's key) several milliseconds. Same contract as the generated ones.
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof JobQuery that && kind == that.kind && pageNo == that.pageNo
                && pageSize == that.pageSize && Objects.equals(status, that.status) && Objects.equals(model, that.model);
    }

    @Override
    public int hashCode() {
        return (((kind.hashCode() * 31 + Objects.hashCode(status)) * 31 + Objects.hashCode(model)) * 31 + pageNo) * 31
                + pageSize;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
