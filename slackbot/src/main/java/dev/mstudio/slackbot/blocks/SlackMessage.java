package dev.mstudio.slackbot.blocks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;

/**
 * A message Slack accepts: a non-empty top-level {@code text} of at most {@link Limits#MESSAGE_TEXT}
 * characters (the notification and accessibility fallback) and at most {@link Limits#BLOCKS} blocks,
 * each within its limits. Made by {@link MessageBuilder}.
 *
 * @param text   escaped mrkdwn, never blank
 * @param blocks the Block Kit blocks (possibly empty)
 */
public record SlackMessage(String text, ArrayNode blocks) {

    public SlackMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(blocks, "blocks");
        if (text.isBlank() || text.length() > Limits.MESSAGE_TEXT) {
            throw new IllegalArgumentException("text must be 1.." + Limits.MESSAGE_TEXT + " characters");
        }
        if (blocks.size() > Limits.BLOCKS) {
            throw new IllegalArgumentException("at most " + Limits.BLOCKS + " blocks");
        }
    }
}
