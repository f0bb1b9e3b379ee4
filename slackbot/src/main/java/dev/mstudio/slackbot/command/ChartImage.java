package dev.mstudio.slackbot.command;

/**
 * What became of a chart's image (a PNG uploaded beside the reply, which cannot carry files).
 *
 * @param direct  sent to the asker's direct message with the bot (the reply is ephemeral), rather
 *                than shared in the channel
 * @param problem null when it arrived; otherwise why not and how to fix it (mrkdwn, one sentence)
 */
record ChartImage(boolean direct, String problem) {

    /** The reply's line about it. */
    String line() {
        if (problem != null) {
            return ":warning: No chart image: " + problem;
        }
        return direct ? ":frame_with_picture: Loss chart sent to you in a direct message."
                : ":frame_with_picture: Loss chart shared in this channel.";
    }
}
