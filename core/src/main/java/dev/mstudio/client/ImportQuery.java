package dev.mstudio.client;

/**
 * Filters for listing import jobs. Null means "not sent" (the service's default applies).
 * Validated on construction: page_no >= 1, page_size 1..100.
 */
public record ImportQuery(Integer pageNo, Integer pageSize, String status, String modelName) {
    public ImportQuery {
        Validation.page(pageNo, pageSize);
    }

    public static ImportQuery all() {
        return new ImportQuery(null, null, null, null);
    }

    public ImportQuery withPage(int pageNo, int pageSize) {
        return new ImportQuery(pageNo, pageSize, status, modelName);
    }
}
