package dev.mstudio.slackbot.notify;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/** {@link SlackSender} over the Slack SDK's {@link MethodsClient} (which holds the token). */
final class MethodsSender implements SlackSender {
    static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);

    private final MethodsClient client;

    MethodsSender(MethodsClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public SendResult post(String channel, String threadTs, boolean broadcast, Payload payload) {
        try {
            ChatPostMessageResponse response = client.chatPostMessage(r -> r.channel(channel)
                    .text(payload.text())
                    .blocksAsString(payload.blocksJson())
                    .threadTs(threadTs)
                    .replyBroadcast(threadTs != null && broadcast)
                    .unfurlLinks(false)
                    .unfurlMedia(false));
            return response.isOk() ? SendResult.ok(response.getTs()) : SendResult.slackError(response.getError());
        } catch (SlackApiException e) {
            return fromException(e);
        } catch (IOException | RuntimeException e) {
            return SendResult.transientFailure(describe(e));
        }
    }

    @Override
    public SendResult update(String channel, String ts, Payload payload) {
        try {
            ChatUpdateResponse response = client.chatUpdate(r -> r.channel(channel)
                    .ts(ts)
                    .text(payload.text())
                    .blocksAsString(payload.blocksJson()));
            return response.isOk() ? SendResult.ok(response.getTs()) : SendResult.slackError(response.getError());
        } catch (SlackApiException e) {
            return fromException(e);
        } catch (IOException | RuntimeException e) {
            return SendResult.transientFailure(describe(e));
        }
    }

    /** A non-2xx answer: 429 with Retry-After, 5xx transient, others by Slack's error code. */
    static SendResult fromException(SlackApiException e) {
        int status = e.getResponse() == null ? 0 : e.getResponse().code();
        if (status == 429) {
            return SendResult.rateLimited(retryAfter(e.getResponse().header("Retry-After")));
        }
        if (status >= 500 || status == 0) {
            return SendResult.transientFailure("HTTP " + status);
        }
        String code = e.getError() == null ? null : e.getError().getError();
        return code == null ? SendResult.transientFailure("HTTP " + status) : SendResult.slackError(code);
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_RETRY_AFTER;
        }
        try {
            long seconds = Long.parseLong(header.trim());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3600)));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().replaceAll("\\s+", " ");
        String line = e.getClass().getSimpleName() + message;
        return line.length() <= 200 ? line : line.substring(0, 200);
    }
}
