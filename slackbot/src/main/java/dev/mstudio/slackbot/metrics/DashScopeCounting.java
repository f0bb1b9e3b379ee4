package dev.mstudio.slackbot.metrics;

import java.io.IOException;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/** Counts DashScope requests by endpoint template ("GET /api/v1/fine-tunes/{id}") and HTTP status. */
final class DashScopeCounting implements Interceptor {
    /** A path segment that names one thing: an ID, a checkpoint, a file. */
    private static final Pattern ID = Pattern.compile("(ft-.*|.*\\d.*\\d.*|[0-9a-f-]{16,})");

    private final BotMetrics metrics;

    DashScopeCounting(BotMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        String endpoint = request.method() + " " + template(request.url().encodedPath());
        try {
            Response response = chain.proceed(request);
            metrics.dashScope(endpoint, String.valueOf(response.code()));
            return response;
        } catch (IOException e) {
            metrics.dashScope(endpoint, "error");
            throw e;
        }
    }

    /** "/api/v1/fine-tunes/ft-2024.../logs" as "/api/v1/fine-tunes/{id}/logs". */
    static String template(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            out.append('/').append(ID.matcher(segment).matches() && !segment.matches("v\\d+") ? "{id}" : segment);
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
