package dev.mstudio.slackbot.command;

import java.util.regex.Pattern;

/** The action_id of every button the bot renders, and the patterns its handlers listen on. */
final class ActionIds {
    /** Shows the next slice of a long table; value "TOKEN:OFFSET". */
    static final String MORE = "mstudio_more";
    /** Re-runs a job's detail; value: the command line, e.g. "import ID". */
    static final String REFRESH = "mstudio_run_refresh";
    /** Watches a job in this channel; value: "watch ID". */
    static final String WATCH = "mstudio_run_watch";
    /** The listing's next page from the service; value "next". */
    static final String NEXT = "mstudio_run_next";
    /** Runs a destructive line after confirmation (admins only); value: the confirmed line. */
    static final String CONFIRMED = "mstudio_confirmed";
    static final String CONFIRMED_CANCEL = "mstudio_confirmed_cancel";
    static final String CONFIRMED_DELETE = "mstudio_confirmed_delete";
    /** Drops a confirmation prompt. */
    static final String DISMISS = "mstudio_dismiss";

    static final Pattern RUN = Pattern.compile("^mstudio_run_[a-z]+$");
    static final Pattern CONFIRMED_ANY = Pattern.compile("^mstudio_confirmed(_[a-z]+)?$");

    private ActionIds() {
    }
}
