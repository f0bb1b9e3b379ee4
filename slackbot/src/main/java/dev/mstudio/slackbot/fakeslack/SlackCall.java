package dev.mstudio.slackbot.fakeslack;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;

/**
 * One request {@link FakeSlack} received.
 *
 * @param at       when it arrived
 * @param method   the Web API method ("chat.postMessage", "chat.update", ...) or "response" for a
 *                 POST to a response_url
 * @param channel  the {@code channel} parameter, or null
 * @param ts       for chat.postMessage the ts Slack assigned; otherwise the {@code ts} parameter, or null
 * @param threadTs the {@code thread_ts} parameter, or null
 * @param text     the {@code text} parameter, or null
 * @param body     every parameter as JSON (form values as strings; blocks, attachments and the like
 *                 parsed); a token parameter is never kept
 * @param error    null when the call was answered {@code ok}; otherwise the error answered, e.g.
 *                 "ratelimited" (with HTTP 429) or "channel_not_found"
 * @param responseId for a POST to a response_url (method "response"), the ID its path ends with
 *                 ({@code /response/ID}, as {@link FakeSlack#responseUrl(String)} made it); otherwise null
 */
public record SlackCall(Instant at, String method, String channel, String ts, String threadTs, String text,
        JsonNode body, String error, String responseId) {

    public SlackCall {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(body, "body");
    }

    /** True when FakeSlack answered the call with {@code "ok": true}. */
    public boolean ok() {
        return error == null;
    }

    /** A parameter as text ("" when absent), e.g. {@code param("reply_broadcast")}. */
    public String param(String name) {
        JsonNode value = body.path(name);
        return value.isValueNode() ? value.asText() : value.isMissingNode() ? "" : value.toString();
    }

    /** True when the boolean parameter is present and true ({@code true}, "true" or "1", as the SDK sends it). */
    public boolean flag(String name) {
        JsonNode value = body.path(name);
        return value.isBoolean() ? value.booleanValue() : "1".equals(value.asText()) || value.asBoolean(false);
    }
}
