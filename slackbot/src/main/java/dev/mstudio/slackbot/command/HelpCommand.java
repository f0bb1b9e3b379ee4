package dev.mstudio.slackbot.command;

import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Result;
import dev.mstudio.command.Session;
import dev.mstudio.slackbot.command.BlockFormatter.View;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code help} in Slack: the core commands that make sense here, the bot's own, and each one's usage. */
final class HelpCommand {
    private static final Pattern SLASHED = Pattern.compile("(^|[\\s|\\[(])/(?=[a-z])");
    private static final List<String> HIDDEN = List.of("watch", "unwatch", "watches", "history", "open", "exit",
            "set");
    private static final Map<String, String[]> BOT_USAGE = botUsage();

    private final CommandLanguage language;
    private final String slashCommand;
    private final BlockFormatter formatter;

    HelpCommand(CommandLanguage language, String slashCommand, BlockFormatter formatter) {
        this.language = language;
        this.slashCommand = slashCommand;
        this.formatter = formatter;
    }

    Reply reply(Line line, View view, Session session) {
        if (line.kind() == Line.Kind.EMPTY || line.arguments().isEmpty()) {
            return overview(view, session);
        }
        String topic = String.join(" ", line.arguments());
        Line about = Line.parse(topic, language.commandNames());
        if (about.kind() == Line.Kind.BOT) {
            String[] usage = BOT_USAGE.get(about.command());
            return usage(usage[0], usage[1], view);
        }
        if (about.kind() == Line.Kind.REPL_ONLY) {
            return formatter.problem("`" + about.command() + "` works in the REPL only (./mstudio).", null, view);
        }
        Optional<String> usage = language.help(topic);
        if (usage.isEmpty()) {
            return formatter.problem("Unknown command " + topic + ".", "Type `" + slashCommand + " help` for the list.",
                    view);
        }
        return usage(unslash(usage.get()), null, view);
    }

    /** Rewrites a core hint for Slack: "/help" is "/mstudio help" here, and commands take no "/". */
    String slackify(String hint) {
        if (hint == null) {
            return null;
        }
        String help = Matcher.quoteReplacement("`" + slashCommand + " help");
        return unslash(hint).replaceAll("\\bType help\\b", "Type " + help + "`")
                .replaceAll("(^|\\s)help CMD\\b", "$1" + help + " CMD`");
    }

    private Reply overview(View view, Session session) {
        List<String> lines = new ArrayList<>();
        lines.add("*Ask about DashScope jobs:* `" + slashCommand + " COMMAND`, e.g. `" + slashCommand
                + " imports --status RUNNING`");
        Result result = language.run(session, "help");
        if (result instanceof Result.Table table) {
            for (List<Object> row : table.rows()) {
                String synopsis = String.valueOf(row.get(0));
                String name = synopsis.replaceFirst("^/", "").split("[\\s|]")[0];
                if (!HIDDEN.contains(name)) {
                    lines.add(entry(unslash(synopsis), String.valueOf(row.get(1))));
                }
            }
        }
        lines.add("*In this channel:*");
        for (String name : List.of("watch", "subscribe", "unsubscribe", "subscriptions")) {
            lines.add(entry(BOT_USAGE.get(name)[0], BOT_USAGE.get(name)[1]));
        }
        lines.add("_Any unique prefix works. `" + slashCommand + " help CMD` shows one command. Answers are "
                + "for you alone; add `--public` to share one. import create/delete and finetune cancel/delete "
                + "are for admins, after a confirmation._");
        return formatter.note(String.join("\n", lines), view);
    }

    private Reply usage(String usage, String description, View view) {
        String text = "```" + Kit.escape(usage) + "```" + (description == null ? "" : "\n" + Kit.escape(description));
        return formatter.note(text, view);
    }

    private static String entry(String synopsis, String description) {
        return "`" + Kit.escape(synopsis).replace("`", "'") + "`  " + Kit.escape(description);
    }

    private static String unslash(String text) {
        return SLASHED.matcher(text).replaceAll("$1");
    }

    private static Map<String, String[]> botUsage() {
        Map<String, String[]> usage = new LinkedHashMap<>();
        usage.put("watch", new String[] {"watch ID...", "post a message here that follows each job until it ends"});
        usage.put("subscribe", new String[] {"subscribe imports|finetunes [--model M] [--only failures]",
                "post here whenever such a job ends"});
        usage.put("unsubscribe", new String[] {"unsubscribe ID|imports|finetunes",
                "stop a subscription or a watch of this channel"});
        usage.put("subscriptions", new String[] {"subscriptions", "what this channel watches and subscribes to"});
        usage.put("unwatch", new String[] {"unwatch ID", "stop following a job here (as unsubscribe ID)"});
        usage.put("watches", new String[] {"watches", "as subscriptions"});
        return usage;
    }
}
