package dev.mstudio.slackbot.command;

import dev.mstudio.command.Command;
import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Context;
import dev.mstudio.command.Result;
import dev.mstudio.slackbot.blocks.SlackText;
import dev.mstudio.slackbot.command.BlockFormatter.View;
import dev.mstudio.slackbot.metrics.BotMetrics;
import dev.mstudio.slackbot.notify.ButtonAction;
import dev.mstudio.slackbot.notify.ChartUploads;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns what a user typed, or a button they pressed, into a reply. Everything goes through the
 * command language: it parses the text once, and its one policy check decides, on the parsed
 * command and on who asks (admin or not, in Slack), whether it runs, is refused or is confirmed
 * first. This class only says who is asking and renders the answer; it never reads command words.
 */
final class CommandRunner {
    private final CommandLanguage language;
    private final Sessions sessions;
    private final Admins admins;
    private final BlockFormatter formatter;
    private final SlackWording wording;
    private final TablePages pages;
    private final Buttons buttons;
    private final Clock clock;
    private final BotMetrics metrics;
    private final ChartUploads charts;

    CommandRunner(CommandLanguage language, Sessions sessions, Admins admins, BlockFormatter formatter,
            SlackWording wording, TablePages pages, Buttons buttons, Clock clock, BotMetrics metrics,
            ChartUploads charts) {
        this.metrics = metrics;
        this.charts = charts;
        this.language = language;
        this.sessions = sessions;
        this.admins = admins;
        this.formatter = formatter;
        this.wording = wording;
        this.pages = pages;
        this.buttons = buttons;
        this.clock = clock;
    }

    View view(Caller caller) {
        return new View(caller, admins.contains(caller.user()), false, clock.instant());
    }

    /** Parses a slash command's text (as Slack sends it); cheap enough for the request thread. */
    CommandLanguage.Parsed parse(String text) {
        return language.parse(SlackText.unescape(text == null ? "" : text));
    }

    /** Runs what {@link #parse} gave; never throws. A blank line shows the help. */
    CommandReply run(Caller caller, CommandLanguage.Parsed parsed) {
        View view = view(caller);
        if (parsed.failure() != null) {
            metrics.command("unparsed", "failed");
            return formatter.format(wording.forSlack(parsed.failure()), view);
        }
        if (parsed.command() == null) {
            return run(caller, parse("help"));
        }
        Command command = parsed.command();
        Result result = language.run(sessions.of(caller.channel(), caller.user()), command, context(caller));
        metrics.command(command.path(), outcome(result));
        View shown = view.shared(command.shared());
        CommandReply reply = result instanceof Result.Chart chart
                ? formatter.chart(chart, image(chart, caller, command.shared()), shown)
                : formatter.format(wording.forSlack(result), shown);
        return reply.inChannel(command.shared());
    }

    /**
     * Uploads a chart's PNG where the asker sees it: into the channel for a shared answer, else into
     * their direct message with the bot, since an ephemeral reply cannot carry a file. A reply sent
     * to a response_url has no ts to thread under, so a shared chart goes into the channel itself.
     * Done before the reply is sent, so that the reply can say where the image went or why it is missing.
     */
    private ChartImage image(Result.Chart chart, Caller caller, boolean shared) {
        String jobId = chart.json() == null ? null : chart.json().path("job_id").asText(null);
        Optional<String> missing = charts.upload(shared ? caller.channel() : caller.user(), jobId, chart.title(),
                chart.curve());
        return new ChartImage(!shared, missing.orElse(null));
    }

    /** Runs the command kept behind a button (Refresh, Watch, Next page), as {@code clicker}, under their rights. */
    CommandReply runButton(Caller clicker, String token) {
        View view = view(clicker);
        Optional<ButtonAction> action = buttons.find(token).filter(found -> found.kind() == ButtonAction.Kind.RUN);
        if (action.isEmpty() || action.get().expired(buttons.now())) {
            return formatter.problem("This button has expired.", "Run the command again.", view);
        }
        return run(clicker, language.parse(action.get().line()));
    }

    /**
     * Runs a pending destructive action once: the presser must be an admin (checked again here, and
     * once more by the command language), the action must be one the bot kept for this channel, not
     * expired and not used. A second press answers "already done".
     */
    CommandReply confirm(Caller presser, String token) {
        View view = view(presser);
        Optional<ButtonAction> action = buttons.find(token).filter(found -> found.kind() == ButtonAction.Kind.CONFIRM
                && found.channel().equals(presser.channel()));
        if (action.isEmpty()) {
            return formatter.problem("This confirmation is not one I asked for here.",
                    "Run the command again to be asked anew.", view);
        }
        if (!view.admin()) {
            return formatter.format(wording.forSlack(notAdmin()), view);
        }
        if (!buttons.claim(token)) {
            boolean used = buttons.find(token).map(ButtonAction::usedAt).isPresent();
            return used ? formatter.note(":ballot_box_with_check: Already done: this confirmation was used.", view)
                    : formatter.problem("This confirmation expired after " + Buttons.CONFIRM_TTL.toMinutes()
                            + " minutes.", "Run the command again to be asked anew.", view);
        }
        CommandLanguage.Parsed parsed = language.parse(action.get().line());
        if (parsed.command() == null) {
            return formatter.format(wording.forSlack(parsed.failure()), view);
        }
        Result result = language.runConfirmed(sessions.of(presser.channel(), presser.user()), parsed.command(),
                context(presser));
        return formatter.format(wording.forSlack(result), view);
    }

    /** Drops a pending confirmation (its owner or an admin): the action can no longer run. */
    CommandReply dismiss(Caller presser, String token) {
        View view = view(presser);
        Optional<ButtonAction> action = buttons.find(token).filter(found -> found.kind() == ButtonAction.Kind.CONFIRM);
        if (action.isPresent() && (action.get().owner().equals(presser.user()) || view.admin())) {
            buttons.claim(token);
        }
        return formatter.note(":ok_hand: Nothing was changed.", view);
    }

    /** The next slice of a table kept for the More button ({@code value} is "TOKEN:OFFSET"). */
    CommandReply more(Caller caller, String value) {
        View view = view(caller);
        int colon = value == null ? -1 : value.lastIndexOf(':');
        Optional<TablePages.Kept> kept = colon < 0 ? Optional.empty() : pages.find(value.substring(0, colon));
        int offset = colon < 0 ? 0 : parseOffset(value.substring(colon + 1));
        if (kept.isEmpty() || offset < 0) {
            return formatter.problem("This list is no longer available.",
                    "Lists are kept for " + TablePages.KEEP.toMinutes() + " minutes; run the command again.", view);
        }
        return formatter.tablePage(kept.get().table(), value.substring(0, colon), offset, view);
    }

    /** Whether a click by {@code clicker} may replace the message of {@code token}'s owner. */
    boolean owns(Caller clicker, String token) {
        Optional<ButtonAction> action = buttons.find(token);
        if (action.isPresent()) {
            return action.get().owner().equals(clicker.user());
        }
        int colon = token == null ? -1 : token.lastIndexOf(':');
        return colon > 0 && pages.find(token.substring(0, colon)).map(kept -> kept.owner().equals(clicker.user()))
                .orElse(false);
    }

    /** "ok", "confirm" (asked first), "refused" (policy), or "failed". */
    private static String outcome(Result result) {
        if (result instanceof Result.Confirm) {
            return "confirm";
        }
        if (result instanceof Result.Failure failure) {
            return "NotAdmin".equals(failure.code()) || failure.message().contains(" works only in ") ? "refused"
                    : "failed";
        }
        return "ok";
    }

    private Context context(Caller caller) {
        return Context.slack(caller.user(), caller.channel(), admins.contains(caller.user()), adminHint());
    }

    private Result.Failure notAdmin() {
        return new Result.Failure("Only admins can confirm this.", "It changes jobs for everyone. " + adminHint(),
                "NotAdmin", null, 1);
    }

    private String adminHint() {
        return admins.isEmpty()
                ? "No admins are configured: the bot's operator lists Slack user IDs in MSTUDIO_ADMINS."
                : "Ask an admin to run it: " + admins.names() + ".";
    }

    private static int parseOffset(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
