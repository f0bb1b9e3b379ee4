package dev.mstudio.slackbot.notify;

import dev.mstudio.slackbot.blocks.Limits;
import dev.mstudio.slackbot.blocks.MessageBuilder;
import dev.mstudio.slackbot.blocks.SlackMessage;
import dev.mstudio.slackbot.blocks.SlackText;
import java.util.ArrayList;
import java.util.List;

/**
 * One digest message: the first {@code count} notices of a burst, one line each, packed into as
 * many sections as they need. It stops where Slack's limits would be passed (50 blocks, 3,000
 * characters a section, 40,000 of text), so the notices after {@code count} wait for the next one;
 * no notice is ever left out. Its text, which carries every line, is also its plain-text fallback.
 *
 * @param payload what to send
 * @param count   how many of the given notices it stands for (at least one)
 */
record Digest(Payload payload, int count) {
    static final int MAX_LINE = 1_000;
    private static final int HEADER_ROOM = 200;

    Digest {
        if (count < 1) {
            throw new IllegalArgumentException("a digest stands for at least one notice");
        }
    }

    static Digest of(List<Payload> notices) {
        if (notices.isEmpty()) {
            throw new IllegalArgumentException("no notices");
        }
        List<String> sections = new ArrayList<>();
        StringBuilder section = new StringBuilder();
        StringBuilder text = new StringBuilder();
        int count = 0;
        for (Payload notice : notices) {
            String line = "• " + bullet(notice);
            boolean newSection = section.length() > 0 && section.length() + 1 + line.length() > Limits.SECTION_TEXT;
            int sectionsAfter = sections.size() + (newSection ? 2 : 1);
            if (count > 0 && (sectionsAfter > Limits.BLOCKS - 1
                    || text.length() + 1 + line.length() > Limits.MESSAGE_TEXT - HEADER_ROOM)) {
                break;
            }
            if (newSection) {
                sections.add(section.toString());
                section.setLength(0);
            }
            section.append(section.length() > 0 ? "\n" : "").append(line);
            text.append('\n').append(line);
            count++;
        }
        sections.add(section.toString());
        return new Digest(render(sections, text, count, notices.size() > count), count);
    }

    /** A notice's line, escaped and clipped; a notice without a raw line lends its (escaped) text. */
    private static String bullet(Payload notice) {
        return notice.line() != null ? SlackText.mrkdwn(notice.line(), MAX_LINE)
                : SlackText.clip(notice.text(), MAX_LINE);
    }

    private static Payload render(List<String> sections, StringBuilder lines, int count, boolean more) {
        String headline = count + " jobs finished" + (more ? " (more in the next message)" : "") + ":";
        MessageBuilder message = new MessageBuilder().escapedText(headline + lines);
        message.section("*" + headline + "*");
        sections.forEach(message::section);
        SlackMessage built = message.build();
        return new Payload(built.text(), built.blocks(), false, null);
    }
}
