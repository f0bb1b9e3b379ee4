package dev.mstudio.client;

import java.util.List;

/** One page of a listing as the service returned it. */
public record Page<T extends Job>(List<T> items, int total, int pageNo, int pageSize, String requestId) {

    public Page {
        items = List.copyOf(items);
    }

    /** Number of pages the total spans at this page size (at least 1). */
    public int pageCount() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }

    public boolean hasNext() {
        return (long) pageNo * pageSize < total;
    }
}
