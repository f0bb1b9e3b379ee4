package dev.mstudio.slackbot;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A request as Slack sends it to an app: a form body, signed with the app's signing secret
 * ({@code v0=HMAC-SHA256("v0:" + timestamp + ":" + body)}, by Bolt's {@link SlackSignature.Generator}).
 * Used by {@code ./mstudio bot send}, the tests and the benchmark to talk to a running bot.
 *
 * @param body      the {@code application/x-www-form-urlencoded} body
 * @param timestamp the {@code X-Slack-Request-Timestamp} header (epoch seconds)
 * @param signature the {@code X-Slack-Signature} header
 */
public record SignedRequest(String body, String timestamp, String signature) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Signs {@code body} as sent at {@code at}. */
    public static SignedRequest sign(String signingSecret, String body, Instant at) {
        String timestamp = Long.toString(at.getEpochSecond());
        return new SignedRequest(body, timestamp, new SlackSignature.Generator(signingSecret).generate(timestamp, body));
    }

    /** The body of a slash command invocation, e.g. {@code /mstudio imports --status RUNNING}. */
    public static String slashCommand(String command, String text, String userId, String channelId,
            String responseUrl) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "unused");
        form.put("team_id", "T0SANDBOX");
        form.put("team_domain", "sandbox");
        form.put("channel_id", channelId);
        form.put("channel_name", "sandbox");
        form.put("user_id", userId);
        form.put("user_name", userId.toLowerCase(java.util.Locale.ROOT));
        form.put("command", command);
        form.put("text", text);
        form.put("api_app_id", "A0SANDBOX");
        form.put("response_url", responseUrl);
        form.put("trigger_id", "0.0.sandbox");
        return encode(form);
    }

    /** The body of a {@code block_actions} interaction: a click on button {@code actionId} carrying {@code value}. */
    public static String buttonClick(String actionId, String value, String userId, String channelId,
            String responseUrl) {
        ObjectNode payload = JSON.createObjectNode().put("type", "block_actions").put("trigger_id", "0.0.sandbox")
                .put("api_app_id", "A0SANDBOX").put("response_url", responseUrl);
        payload.putObject("team").put("id", "T0SANDBOX").put("domain", "sandbox");
        payload.putObject("user").put("id", userId).put("username", userId.toLowerCase(java.util.Locale.ROOT));
        payload.putObject("channel").put("id", channelId).put("name", "sandbox");
        payload.putObject("container").put("type", "message").put("channel_id", channelId).put("is_ephemeral", true);
        payload.putArray("actions").addObject().put("type", "button").put("action_id", actionId)
                .put("block_id", "b0").put("value", value).put("action_ts", Long.toString(Instant.now().getEpochSecond()));
        return encode(Map.of("payload", payload.toString()));
    }

    /** A POST of this request to the bot's events URL. */
    public HttpRequest toHttp(URI eventsUrl, Duration timeout) {
        return HttpRequest.newBuilder(eventsUrl).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, timestamp)
                .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, signature)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private static String encode(Map<String, String> form) {
        StringJoiner body = new StringJoiner("&");
        form.forEach((name, value) -> body.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8)));
        return body.toString();
    }

    @Override
    public String toString() {
        return "SignedRequest[timestamp=" + timestamp + ", " + body.length() + " bytes]";
    }
}
