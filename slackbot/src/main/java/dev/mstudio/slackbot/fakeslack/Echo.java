package dev.mstudio.slackbot.fakeslack;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A call as {@code ./mstudio bot --sandbox} prints it: one header line (time, method, where it
 * went, the outcome when refused), then what Slack would show, indented, with Block Kit rendered by
 * {@link BlockText} (buttons with their action_id and value). Tokens are never printed: they are not
 * recorded, and anything shaped like one is masked besides.
 */
final class Echo {
    static final int MAX_LINE = 300;
    static final int MAX_LINES = 80;
    private static final String INDENT = "  ";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final Pattern TOKEN = Pattern.compile("\\b(?:xox[a-z]|xapp)-[A-Za-z0-9-]+");

    private Echo() {
    }

    /** The header line and the message's lines, joined with '\n'. */
    static String render(SlackCall call) {
        List<String> lines = new ArrayList<>();
        lines.add(header(call));
        List<String> body = body(call);
        for (String line : body.subList(0, Math.min(body.size(), MAX_LINES))) {
            lines.add(INDENT + clip(line));
        }
        if (body.size() > MAX_LINES) {
            lines.add(INDENT + "… " + (body.size() - MAX_LINES) + " more lines");
        }
        return TOKEN.matcher(String.join("\n", lines)).replaceAll("[token]");
    }

    /** "[fake-slack 12:00:01] chat.postMessage #C1 ts=... thread_ts=... reply_broadcast" */
    static String header(SlackCall call) {
        StringBuilder line = new StringBuilder("[fake-slack ").append(TIME.format(call.at())).append("] ")
                .append(call.method());
        if (call.responseId() != null) {
            line.append(' ').append(call.responseId());
        }
        if (call.channel() != null) {
            line.append(" #").append(call.channel());
        }
        appendParam(line, call, "user");
        appendParam(line, call, "users");
        appendParam(line, call, "channel_id");
        if (call.ts() != null) {
            line.append(" ts=").append(call.ts());
        }
        if (call.threadTs() != null) {
            line.append(" thread_ts=").append(call.threadTs());
        }
        appendParam(line, call, "response_type");
        appendFlag(line, call, "reply_broadcast");
        appendFlag(line, call, "replace_original");
        appendFlag(line, call, "delete_original");
        if (!call.ok()) {
            line.append(" -> ").append(call.error());
        }
        return line.toString();
    }

    /** The blocks as text; without blocks, the text de-marked. */
    private static List<String> body(SlackCall call) {
        List<String> lines = new ArrayList<>(BlockText.lines(call.body().path("blocks")));
        if (lines.isEmpty() && call.text() != null) {
            lines.addAll(Mrkdwn.plain(call.text()).lines().toList());
        }
        int attachments = call.body().path("attachments").size();
        if (attachments > 0) {
            lines.add("[+" + attachments + (attachments == 1 ? " attachment]" : " attachments]"));
        }
        return lines;
    }

    private static void appendParam(StringBuilder line, SlackCall call, String name) {
        String value = Params.text(call.body(), name);
        if (value != null && !value.isBlank()) {
            line.append(' ').append(name).append('=').append(value);
        }
    }

    private static void appendFlag(StringBuilder line, SlackCall call, String name) {
        if (call.flag(name)) {
            line.append(' ').append(name);
        }
    }

    private static String clip(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE - 1) + "…";
    }
}
