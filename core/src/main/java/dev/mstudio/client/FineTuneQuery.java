package dev.mstudio.client;

/**
 * Filters for listing fine-tune jobs. Null means "not sent". {@code model} is the base model;
 * {@code status} is sent only where given. Validated on construction: page_no >= 1, page_size 1..100.
 */
public record FineTuneQuery(Integer pageNo, Integer pageSize, String model, String status) {
    public FineTuneQuery {
        Validation.page(pageNo, pageSize);
    }

    public static FineTuneQuery all() {
        return new FineTuneQuery(null, null, null, null);
    }

    public FineTuneQuery withPage(int pageNo, int pageSize) {
        return new FineTuneQuery(pageNo, pageSize, model, status);
    }
}
