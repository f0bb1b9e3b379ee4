package dev.mstudio.client;

import java.util.List;

/** One page of {@code GET /api/v1/files}: {@code data{files[],total,page_no,page_size}}. */
public record FilePage(List<DataFile> files, int total, int pageNo, int pageSize, String requestId) {
    public FilePage {
        files = List.copyOf(files);
    }

    public boolean hasNext() {
        return (long) pageNo * pageSize < total;
    }
}
