package dev.mstudio.slackbot.command;

import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/**
 * One message for Slack: Block Kit blocks plus the plain {@code text} Slack shows in notifications
 * and where blocks cannot be shown.
 *
 * @param inChannel       visible to the whole channel ({@code response_type: in_channel}) instead of
 *                        to the requester alone ({@code ephemeral}, the default)
 * @param replaceOriginal replaces the message whose button was clicked, instead of adding one
 */
record CommandReply(String text, List<LayoutBlock> blocks, boolean inChannel, boolean replaceOriginal) {

    CommandReply {
        text = Kit.clip(text == null || text.isBlank() ? "mstudio" : text, Kit.MAX_TEXT);
        blocks = List.copyOf(blocks);
        if (blocks.size() > Kit.MAX_BLOCKS) {
            throw new IllegalArgumentException("a Slack message holds at most 50 blocks, got " + blocks.size());
        }
    }

    static CommandReply of(String text, List<LayoutBlock> blocks) {
        return new CommandReply(text, blocks, false, false);
    }

    CommandReply inChannel(boolean shared) {
        return new CommandReply(text, blocks, shared, replaceOriginal);
    }

    CommandReply replacing() {
        return new CommandReply(text, blocks, inChannel, true);
    }

    String responseType() {
        return inChannel ? "in_channel" : "ephemeral";
    }
}
