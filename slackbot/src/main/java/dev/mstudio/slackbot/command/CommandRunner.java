package dev.mstudio.slackbot.command;

import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Result;
import dev.mstudio.slackbot.command.BlockFormatter.View;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Turns what a user typed into a reply: the bot's own commands, refusals for REPL-only and
 * non-admin destructive commands, confirmation for admins, everything else through the core
 * command language in the user's session for that channel.
 */
final class CommandRunner {
    private final CommandLanguage language;
    private final List<String> coreNames;
    private final Sessions sessions;
    private final ChannelCommands channelCommands;
    private final HelpCommand help;
    private final Admins admins;
    private final BlockFormatter formatter;
    private final TablePages pages;
    private final Clock clock;

    CommandRunner(CommandLanguage language, Sessions sessions, ChannelCommands channelCommands, HelpCommand help,
            Admins admins, BlockFormatter formatter, TablePages pages, Clock clock) {
        this.language = language;
        this.coreNames = language.commandNames();
        this.sessions = sessions;
        this.channelCommands = channelCommands;
        this.help = help;
        this.admins = admins;
        this.formatter = formatter;
        this.pages = pages;
        this.clock = clock;
    }

    View view(Caller caller) {
        return new View(admins.contains(caller.user()), clock.instant());
    }

    /** Runs a slash command's text; never throws. */
    Reply run(Caller caller, String text) {
        Line line = Line.parse(text, coreNames);
        View view = view(caller);
        Reply reply = switch (line.kind()) {
            case EMPTY, HELP -> help.reply(line, view, sessions.of(caller.channel(), caller.user()));
            case BOT -> channelCommands.run(caller, line, view);
            case REPL_ONLY -> formatter.problem("`" + line.command() + "` works in the REPL only (./mstudio).",
                    "In Slack each answer goes to you alone; add --public to share one with the channel.", view);
            case FOLLOW -> formatter.problem("--follow keeps streaming, which a Slack message cannot do.",
                    "Use `finetune logs ID --tail N`, or `watch ID` to hear here when the job ends.", view);
            case AMBIGUOUS -> formatter.problem("Ambiguous command " + line.words().get(0) + ": it could be "
                    + String.join(", ", line.matches()) + ".", "Type more of the name.", view);
            case DESTRUCTIVE -> destructive(caller, line, view);
            case CORE -> core(caller, line.text(), view);
        };
        return reply.inChannel(line.inChannel());
    }

    /** Runs a line confirmed with a button: admins only, checked again at the click. */
    Reply runConfirmed(Caller caller, String text) {
        View view = view(caller);
        Line line = Line.parse(text, coreNames);
        if (line.kind() != Line.Kind.DESTRUCTIVE) {
            return run(caller, text);
        }
        if (!view.admin()) {
            return refuse(line, view);
        }
        return core(caller, line.text(), view);
    }

    /** The next slice of a table kept for the More button ({@code value} is "TOKEN:OFFSET"). */
    Reply more(Caller caller, String value) {
        View view = view(caller);
        int colon = value == null ? -1 : value.lastIndexOf(':');
        Optional<Result.Table> table = colon < 0 ? Optional.empty() : pages.find(value.substring(0, colon));
        int offset = colon < 0 ? 0 : parseOffset(value.substring(colon + 1));
        if (table.isEmpty() || offset < 0) {
            return formatter.problem("This list is no longer available.",
                    "Lists are kept for " + TablePages.KEEP.toMinutes() + " minutes; run the command again.", view);
        }
        return formatter.tablePage(table.get(), value.substring(0, colon), offset, view);
    }

    private Reply destructive(Caller caller, Line line, View view) {
        if (!view.admin()) {
            return refuse(line, view);
        }
        if (line.command().equals("import") && "create".startsWith(line.second())) {
            return formatter.format(new Result.Confirm("Create an import job: `" + line.text() + "`?",
                    line.text()), view);
        }
        return core(caller, line.withoutYes(), view);
    }

    private Reply refuse(Line line, View view) {
        String hint = admins.isEmpty()
                ? "No admins are configured: the bot's operator lists Slack user IDs in MSTUDIO_ADMINS."
                : "Ask an admin to run it: " + admins.mentions() + ".";
        return formatter.note(":no_entry: *Only admins can run `" + Kit.escape(describe(line)) + "`.*\n"
                + "It changes jobs for everyone. " + hint, view);
    }

    private Reply core(Caller caller, String text, View view) {
        Result result = language.run(sessions.of(caller.channel(), caller.user()), text);
        return formatter.format(forSlack(result), view);
    }

    /** Core failures write commands with "/" and name "/help"; in Slack that is "/mstudio help". */
    private Result forSlack(Result result) {
        if (result instanceof Result.Failure failure) {
            return new Result.Failure(help.slackify(failure.message()),
                    failure.hint() == null ? null : help.slackify(failure.hint()), failure.code(),
                    failure.requestId(), failure.exitCode());
        }
        return result;
    }

    /** "import delete", "finetune cancel", ... */
    private static String describe(Line line) {
        String second = line.second();
        List<String> subs = line.command().equals("import") ? List.of("create", "delete") : List.of("cancel", "delete");
        for (String sub : subs) {
            if (!second.isEmpty() && sub.startsWith(second)) {
                return line.command() + " " + sub;
            }
        }
        return line.command();
    }

    private static int parseOffset(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
