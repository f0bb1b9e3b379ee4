package dev.mstudio.sandbox.http;

/** Query parameters shared by the list endpoints and logs. */
public final class QueryParams {

    static final int MAX_PAGE_SIZE = 100;

    private QueryParams() {
    }

    public static int pageNo(HttpCall call) {
        return intParam(call, "page_no", 1, 1, Integer.MAX_VALUE,
                "page_no must be a positive integer (1 or more)");
    }

    public static int pageSize(HttpCall call) {
        return intParam(call, "page_size", 10, 1, MAX_PAGE_SIZE,
                "page_size must be between 1 and " + MAX_PAGE_SIZE);
    }

    /** An integer query parameter with a default and an inclusive range. */
    public static int intParam(HttpCall call, String name, int fallback, int min, int max, String rangeMessage) {
        String raw = call.param(name);
        if (raw == null) {
            return fallback;
        }
        long value;
        try {
            value = Long.parseLong(raw);
        } catch (NumberFormatException e) {
            throw ApiError.invalid(name + " must be an integer; got \"" + raw + "\".");
        }
        if (value < min || value > max) {
            throw ApiError.invalid(rangeMessage + "; got " + value + ".");
        }
        return (int) value;
    }
}
