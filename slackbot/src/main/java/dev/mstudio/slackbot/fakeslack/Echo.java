package dev.mstudio.slackbot.fakeslack;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One readable line per call, for {@code ./mstudio bot --sandbox}. */
final class Echo {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int MAX_TEXT = 300;

    private Echo() {
    }

    static String line(SlackCall call) {
        StringBuilder line = new StringBuilder("[fake-slack ").append(TIME.format(call.at())).append("] ")
                .append(call.method());
        if (call.channel() != null) {
            line.append(" #").append(call.channel());
        }
        if (call.ts() != null) {
            line.append(" ts=").append(call.ts());
        }
        if (call.threadTs() != null) {
            line.append(" thread=").append(call.threadTs());
        }
        if (call.flag("reply_broadcast")) {
            line.append(" (broadcast)");
        }
        if (!call.ok()) {
            line.append(" -> ").append(call.error());
        }
        if (call.text() != null) {
            line.append(": ").append(shorten(call.text()));
        }
        int blocks = call.body().path("blocks").size();
        if (blocks > 0) {
            line.append(" [+").append(blocks).append(" blocks]");
        }
        return line.toString();
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\s*\\n\\s*", " | ");
        return flat.length() <= MAX_TEXT ? flat : flat.substring(0, MAX_TEXT) + "...";
    }
}
