package dev.mstudio.slackbot.command;

import java.util.regex.Pattern;

/**
 * The action_id of every button the bot renders, and the patterns its handlers listen on. Every
 * button's value is an opaque token (see {@link Buttons}) or, for More, a kept table's token and
 * an offset: never a command line.
 */
final class ActionIds {
    /** Shows the next slice of a long table; value "TOKEN:OFFSET". */
    static final String MORE = "mstudio_more";
    /** Runs a kept command (Refresh, Watch, Next page, ...); value: its token. Suffixed per button. */
    static final String RUN_PREFIX = "mstudio_run_";
    /** Runs a pending destructive action (admins only, once); value: its token. */
    static final String CONFIRMED = "mstudio_confirmed";
    /** Drops a pending confirmation; value: its token. */
    static final String DISMISS = "mstudio_dismiss";

    static final Pattern RUN = Pattern.compile("^mstudio_run_[a-z0-9_]{1,40}$");

    private ActionIds() {
    }

    /** "mstudio_run_next_page" for "Next page": unique within a message, readable in logs. */
    static String run(String label) {
        String slug = label.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_|_$", "");
        return RUN_PREFIX + (slug.isEmpty() ? "action" : slug.substring(0, Math.min(40, slug.length())));
    }
}
