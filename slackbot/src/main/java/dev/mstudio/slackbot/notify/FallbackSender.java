package dev.mstudio.slackbot.notify;

import dev.mstudio.slackbot.blocks.Limits;
import dev.mstudio.slackbot.blocks.SlackText;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Never lets a notification go for its form alone. When Slack refuses a message's form
 * ({@code invalid_blocks}, {@code msg_too_long}), the message is sent again as plain text (its
 * fallback text, which carries everything), and when that is still too long, as several messages.
 * An update, which cannot be split, falls back to its text clipped to what Slack takes. If a later
 * piece of a split fails, the whole message is tried again: a duplicate rather than a loss.
 */
final class FallbackSender implements SlackSender {
    private static final Logger LOG = LoggerFactory.getLogger(FallbackSender.class);
    private static final Set<String> FORM_ERRORS = Set.of("invalid_blocks", "invalid_blocks_format", "msg_too_long",
            "too_many_attachments", "invalid_attachments");
    /** What a piece is cut to when Slack refuses even a text within its documented limit. */
    static final int SAFE_TEXT = 4_000;

    private final SlackSender delegate;

    FallbackSender(SlackSender delegate) {
        this.delegate = delegate;
    }

    @Override
    public SendResult post(String channel, String threadTs, boolean broadcast, Payload payload) {
        SendResult result = delegate.post(channel, threadTs, broadcast, payload);
        if (!refusedForm(result)) {
            return result;
        }
        LOG.info("Slack refused a message for channel {} ({}); sending it as plain text", channel, result.error());
        if (payload.blocksJson() != null && payload.text().length() <= Limits.MESSAGE_TEXT) {
            SendResult plain = delegate.post(channel, threadTs, broadcast, textOnly(payload, payload.text()));
            if (!refusedForm(plain)) {
                return plain;
            }
        }
        int size = payload.text().length() <= Limits.MESSAGE_TEXT ? SAFE_TEXT : Limits.MESSAGE_TEXT;
        return postPieces(channel, threadTs, broadcast, payload, SlackText.split(payload.text(), size));
    }

    @Override
    public SendResult update(String channel, String ts, Payload payload) {
        SendResult result = delegate.update(channel, ts, payload);
        if (!refusedForm(result)) {
            return result;
        }
        LOG.info("Slack refused an update for channel {} ({}); updating with plain text", channel, result.error());
        SendResult plain = delegate.update(channel, ts, textOnly(payload,
                SlackText.clip(payload.text(), Limits.MESSAGE_TEXT)));
        return refusedForm(plain)
                ? delegate.update(channel, ts, textOnly(payload, SlackText.clip(payload.text(), SAFE_TEXT)))
                : plain;
    }

    @Override
    public Lookup find(String channel, String threadTs, java.time.Instant since, long entryId) {
        return delegate.find(channel, threadTs, since, entryId);
    }

    @Override
    public SendResult upload(String channel, String threadTs, String filename, String title, byte[] bytes) {
        return delegate.upload(channel, threadTs, filename, title, bytes);
    }

    @Override
    public java.util.Optional<String> cannotPost(String channel) {
        return delegate.cannotPost(channel);
    }

    private SendResult postPieces(String channel, String threadTs, boolean broadcast, Payload payload,
            List<String> pieces) {
        SendResult first = null;
        for (String piece : pieces) {
            SendResult sent = delegate.post(channel, threadTs, broadcast, textOnly(payload, piece));
            if (sent.outcome() != SendResult.Outcome.OK) {
                return sent;
            }
            first = first == null ? sent : first;
        }
        LOG.info("Sent a refused message for channel {} as {} plain-text messages", channel, pieces.size());
        return first;
    }

    private static Payload textOnly(Payload payload, String text) {
        return new Payload(text.isBlank() ? SlackText.ELLIPSIS : text, null, payload.broadcast(), payload.line(),
                payload.stamp());
    }

    private static boolean refusedForm(SendResult result) {
        return result.outcome() == SendResult.Outcome.PERMANENT && FORM_ERRORS.contains(result.error());
    }
}
