package dev.mstudio.slackbot.metrics;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts Slack calls by method ("chat.postMessage", or "response_url" for a reply to a slash
 * command) and result: "ok", Slack's error code, or "http_NNN" when Slack answered no JSON verdict.
 */
final class SlackCounting implements Interceptor {
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([a-z_]{1,40})\"");
    private static final Pattern OK = Pattern.compile("\"ok\"\\s*:\\s*true");
    private static final long PEEK = 16 * 1024;

    private final BotMetrics metrics;

    SlackCounting(BotMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        String path = chain.request().url().encodedPath();
        int api = path.indexOf("/api/");
        String method = api >= 0 && path.length() > api + 5 ? path.substring(api + 5) : "response_url";
        try {
            Response response = chain.proceed(chain.request());
            metrics.slackCall(method, result(response));
            return response;
        } catch (IOException e) {
            metrics.slackCall(method, "no_answer");
            throw e;
        }
    }

    private static String result(Response response) throws IOException {
        if (!response.isSuccessful()) {
            return "http_" + response.code();
        }
        String body = response.peekBody(PEEK).string();
        Matcher error = ERROR.matcher(body);
        if (error.find()) {
            return error.group(1);
        }
        return OK.matcher(body).find() || body.isBlank() || body.equals("ok") ? "ok" : "http_" + response.code();
    }
}
