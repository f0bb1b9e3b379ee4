package dev.mstudio.slackbot.command;

import dev.mstudio.command.Result;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Core writes commands as typed in the REPL ("/imports", "Type /help"); in Slack they are typed
 * after the slash command ("imports", "/mstudio help"). Rewrites the words of a result for Slack.
 */
final class SlackWording {
    private static final Pattern SLASHED = Pattern.compile("(^|[\\s|\\[(])/(?=[a-z])");
    private final String slashCommand;

    SlackWording(String slashCommand) {
        this.slashCommand = slashCommand;
    }

    /** A failure's message and hint reworded for Slack; other results as they are. */
    Result forSlack(Result result) {
        if (result instanceof Result.Failure failure) {
            return new Result.Failure(slackify(failure.message()), slackify(failure.hint()), failure.code(),
                    failure.requestId(), failure.exitCode());
        }
        return result;
    }

    Result.Failure forSlack(Result.Failure failure) {
        return (Result.Failure) forSlack((Result) failure);
    }

    /** "Type /help" is "Type /mstudio help" here, and commands take no "/". */
    String slackify(String text) {
        if (text == null) {
            return null;
        }
        String help = Matcher.quoteReplacement(slashCommand + " help");
        return SLASHED.matcher(text).replaceAll("$1").replaceAll("\\bType help\\b", "Type " + help)
                .replaceAll("(^|\\s)help CMD\\b", "$1" + help + " CMD");
    }
}
