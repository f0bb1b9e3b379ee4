package dev.mstudio.slackbot.notify;

import com.slack.api.methods.MethodsClient;
import dev.mstudio.training.TrainingCurve;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fine-tune's loss chart for whoever asks for it ({@code finetune metrics} in Slack): the PNG a
 * watched job's thread gets when it ends ({@link ChartPng}), uploaded the way Slack takes files.
 * When it cannot arrive, one sentence says why and how to fix it; nothing is thrown. Thread-safe.
 *
 * <pre>{@code
 * ChartUploads charts = new ChartUploads(slack.methods(botToken));
 * Optional<String> missing = charts.upload("U042", "ft-1", "Training loss of fine-tune job ft-1", curve);
 * }</pre>
 */
public final class ChartUploads {
    private static final Logger LOG = LoggerFactory.getLogger(ChartUploads.class);
    /** Slack's error codes; anything else is a transport failure of ours. */
    private static final Pattern SLACK_CODE = Pattern.compile("[a-z_]+");

    private final SlackSender sender;

    /** {@code slack}: a Web API client holding the bot token. */
    public ChartUploads(MethodsClient slack) {
        this(new MethodsSender(Objects.requireNonNull(slack, "slack")));
    }

    ChartUploads(SlackSender sender) {
        this.sender = sender;
    }

    /**
     * Draws {@code curve} and uploads it into {@code conversation}: a channel's ID, or a user's ID
     * for the bot's direct message with that user (opened if need be).
     *
     * @return empty when the image arrived; otherwise why it did not and how to fix that, one
     *         sentence of mrkdwn starting in lower case
     */
    public Optional<String> upload(String conversation, String jobId, String title, TrainingCurve curve) {
        byte[] png;
        try {
            png = ChartPng.render(title, curve);
        } catch (RuntimeException e) {
            LOG.warn("A loss chart could not be drawn: {}", MethodsSender.describe(e));
            return Optional.of("the chart could not be drawn (a bug in the mstudio bot; its log has the details).");
        }
        if (png == null) {
            return Optional.of("the log has no finite loss value to draw.");
        }
        SendResult result = sender.upload(conversation, null, ChartPng.filename(jobId), title, png);
        if (result.outcome() == SendResult.Outcome.OK) {
            return Optional.empty();
        }
        LOG.warn("A loss chart could not be uploaded to {}: {}", conversation, result.error());
        return Optional.of(why(result));
    }

    /** Why an upload failed, and the fix, for the person who asked. */
    static String why(SendResult result) {
        String code = result.error() == null ? "unknown_error" : result.error();
        if (result.outcome() == SendResult.Outcome.RATE_LIMITED) {
            return "Slack is rate-limiting me (ask again in " + result.retryAfter().toSeconds() + " s).";
        }
        if (!SLACK_CODE.matcher(code).matches()) {
            return "the upload did not reach Slack (ask again in a minute).";
        }
        return switch (code) {
            case SendResult.MISSING_SCOPE -> "the mstudio app lacks the `"
                    + (result.scope() == null ? MethodsSender.FILES_WRITE : result.scope())
                    + "` scope (add it under OAuth & Permissions at api.slack.com/apps, then reinstall the app).";
            case "not_in_channel", "channel_not_found" -> "I am not in this channel (type `/invite @mstudio`, "
                    + "then ask again).";
            case "user_not_found", "user_not_visible", "user_disabled", "cannot_dm_bot" -> "Slack would not open a "
                    + "direct message with you, `" + code + "` (add `--in-channel` to share the chart here).";
            case "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive" -> "Slack "
                    + "refused my token, `" + code + "` (the bot's operator must check SLACK_BOT_TOKEN).";
            default -> "Slack refused the upload, `" + code + "` (ask again; if it keeps failing, the bot's log "
                    + "has the details).";
        };
    }
}
