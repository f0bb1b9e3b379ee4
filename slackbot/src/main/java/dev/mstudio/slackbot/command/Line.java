package dev.mstudio.slackbot.command;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a user typed after the slash command, sorted before anything runs: which command it names
 * (exact name, else unique prefix, as the core language resolves it) and what kind of handling it
 * needs: the bot's own commands, REPL-only ones, and the destructive ones that only admins may run.
 *
 * @param text      the command line to run, with Slack's escaping undone and the sharing flag removed
 * @param inChannel the user asked to share the answer ({@code --public} or {@code --in-channel})
 * @param command   the command word resolved (e.g. "imports"), or null when unknown or ambiguous
 * @param matches   every name the first word could mean, when it is ambiguous
 */
record Line(String text, boolean inChannel, Kind kind, String command, List<String> words, List<String> matches) {

    enum Kind { EMPTY, HELP, BOT, REPL_ONLY, FOLLOW, AMBIGUOUS, DESTRUCTIVE, CORE }

    static final List<String> BOT_COMMANDS = List.of("watch", "unwatch", "watches", "subscribe", "unsubscribe",
            "subscriptions");
    static final List<String> REPL_ONLY = List.of("history", "open", "exit", "set");
    private static final Pattern SHARE = Pattern.compile("(?<=^|\\s)--(public|in-channel)(?=\\s|$)");
    private static final Pattern YES = Pattern.compile("(?<=^|\\s)--yes(?=\\s|$)");

    Line {
        words = List.copyOf(words);
        matches = List.copyOf(matches);
    }

    /** Sorts {@code raw} (as Slack sends it) against the core language's {@code coreNames} ("imports", ...). */
    static Line parse(String raw, Collection<String> coreNames) {
        String text = unescape(raw == null ? "" : raw).strip();
        boolean shared = SHARE.matcher(text).find();
        text = SHARE.matcher(text).replaceAll("").replaceAll("\\s{2,}", " ").strip();
        if (text.startsWith("/")) {
            text = text.substring(1);
        }
        List<String> words = text.isEmpty() ? List.of() : Arrays.asList(text.split("\\s+"));
        if (words.isEmpty()) {
            return new Line(text, shared, Kind.EMPTY, null, words, List.of());
        }
        List<String> names = resolve(words.get(0), coreNames);
        if (names.size() != 1) {
            return new Line(text, shared, names.isEmpty() ? Kind.CORE : Kind.AMBIGUOUS, null, words, names);
        }
        String command = names.get(0);
        return new Line(text, shared, kindOf(command, words), command, words, List.of());
    }

    /** True when {@code raw} asks to share the answer with the channel; cheap enough for the request thread. */
    static boolean shared(String raw) {
        return raw != null && SHARE.matcher(raw).find();
    }

    /** The subcommand word ("delete" in "import delete ID"), lower case, or "" when there is none. */
    String second() {
        return words.size() > 1 ? words.get(1).toLowerCase(Locale.ROOT) : "";
    }

    /** This line without any {@code --yes}, so that the core language asks for confirmation. */
    String withoutYes() {
        return YES.matcher(text).replaceAll("").replaceAll("\\s{2,}", " ").strip();
    }

    /** The words after the command word. */
    List<String> arguments() {
        return words.subList(1, words.size());
    }

    private static Kind kindOf(String command, List<String> words) {
        if (command.equals("help")) {
            return Kind.HELP;
        }
        if (BOT_COMMANDS.contains(command)) {
            return Kind.BOT;
        }
        if (REPL_ONLY.contains(command)) {
            return Kind.REPL_ONLY;
        }
        String second = words.size() > 1 ? words.get(1).toLowerCase(Locale.ROOT) : "";
        if (command.equals("import") && abbreviates(second, "create", "delete")) {
            return Kind.DESTRUCTIVE;
        }
        if (command.equals("finetune") && abbreviates(second, "cancel", "delete")) {
            return Kind.DESTRUCTIVE;
        }
        if (command.equals("finetune") && words.stream().anyMatch(word -> word.startsWith("--f"))) {
            return Kind.FOLLOW;
        }
        return Kind.CORE;
    }

    /** True when {@code word} is a (prefix of a) subcommand name: conservative, so "d" counts as delete. */
    private static boolean abbreviates(String word, String... subcommands) {
        if (word.isEmpty() || word.startsWith("-")) {
            return false;
        }
        for (String subcommand : subcommands) {
            if (subcommand.startsWith(word)) {
                return true;
            }
        }
        return false;
    }

    /** An exact name wins; else every name the word is a prefix of. */
    private static List<String> resolve(String word, Collection<String> coreNames) {
        String lower = word.toLowerCase(Locale.ROOT);
        Set<String> names = new LinkedHashSet<>();
        coreNames.forEach(name -> names.add(name.startsWith("/") ? name.substring(1) : name));
        names.addAll(BOT_COMMANDS);
        if (names.contains(lower)) {
            return List.of(lower);
        }
        List<String> matches = new ArrayList<>();
        for (String name : names) {
            if (name.startsWith(lower)) {
                matches.add(name);
            }
        }
        return matches;
    }

    /** Slack sends &amp;, &lt; and &gt; escaped in a slash command's text. */
    private static String unescape(String text) {
        return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }
}
