package dev.mstudio.command;

import java.util.Objects;

/**
 * Who runs a command, and where: what the one policy check ({@link CommandLanguage#run(Session,
 * Command, Context)}) decides on, together with the parsed command.
 *
 * @param surface     the front end
 * @param admin       whether the person may run destructive commands (always true in the REPL,
 *                    where the user acts with their own key)
 * @param user        who asked (a Slack user ID; "" in the REPL)
 * @param place       where (a Slack channel ID; "" in the REPL)
 * @param adminHint   what a refused non-admin is told, e.g. "Ask an admin: @ana."
 */
public record Context(Surface surface, boolean admin, String user, String place, String adminHint) {

    public Context {
        Objects.requireNonNull(surface, "surface");
        user = user == null ? "" : user;
        place = place == null ? "" : place;
        adminHint = adminHint == null ? "" : adminHint;
    }

    private static final Context REPL = new Context(Surface.REPL, true, "", "", "");

    /** The terminal: one user, acting with their own API key. */
    public static Context repl() {
        return REPL;
    }

    /** A Slack user in a channel. */
    public static Context slack(String user, String channel, boolean admin, String adminHint) {
        return new Context(Surface.SLACK, admin, user, channel, adminHint);
    }
}
