package dev.mstudio.slackbot.command;

/** Undoes Slack's transport escaping of a slash command's text: {@code &amp;}, {@code &lt;}, {@code &gt;}. */
final class SlackText {
    private SlackText() {
    }

    static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
