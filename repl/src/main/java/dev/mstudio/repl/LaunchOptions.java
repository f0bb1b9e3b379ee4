package dev.mstudio.repl;

import java.util.ArrayList;
import java.util.List;

/**
 * The launcher's own arguments: {@code [--sandbox] [-c COMMAND]... [--help] [--version]}, or
 * {@code config} (show the configuration and where each setting comes from).
 */
record LaunchOptions(List<String> commands, boolean sandbox, boolean help, boolean version, boolean config) {
    static final String USAGE = String.join("\n",
            "Usage: mstudio [--sandbox] [-c COMMAND]... [--help] [--version]",
            "       mstudio config       show each setting and where it comes from (secrets masked)",
            "  (no options)         the interactive console; stdin that is not a terminal is read",
            "                       as a script, one command per line",
            "  -c, --command CMD    run CMD and exit; repeatable, run in order, stopping at the",
            "                       first command that fails",
            "  --sandbox            use the embedded sandbox even when an API key is configured",
            "  -h, --help           show this help",
            "  -V, --version        show the version",
            "Exit status: 0 on success, else the failing command's (/wait: 1 failed or canceled,",
            "2 timed out); 2 for bad options or configuration.",
            "Configuration: DASHSCOPE_API_KEY (or the file DASHSCOPE_API_KEY_FILE_PATH names, or",
            "~/.dashscope/api_key, ~ being $HOME), DASHSCOPE_REGION, DASHSCOPE_HTTP_BASE_URL,",
            "DASHSCOPE_WORKSPACE; NO_COLOR turns colours off. With none of them, the demo sandbox.",
            "Inside the console, /help lists the commands.");

    LaunchOptions {
        commands = List.copyOf(commands);
    }

    /** @throws IllegalArgumentException with a one-line reason for an unknown or incomplete option */
    static LaunchOptions parse(String[] args) {
        if (args.length > 0 && args[0].equals("config")) {
            if (args.length > 1) {
                throw new IllegalArgumentException("config takes no arguments, got '" + args[1] + "'");
            }
            return new LaunchOptions(List.of(), false, false, false, true);
        }
        List<String> commands = new ArrayList<>();
        boolean sandbox = false;
        boolean help = false;
        boolean version = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "-c", "--command" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a command, e.g. " + arg + " /imports");
                    }
                    commands.add(args[++i]);
                }
                case "--sandbox" -> sandbox = true;
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                default -> commands.add(inline(arg));
            }
        }
        return new LaunchOptions(commands, sandbox, help, version, false);
    }

    private static String inline(String arg) {
        if (arg.startsWith("--command=")) {
            return arg.substring("--command=".length());
        }
        if (arg.startsWith("-c") && arg.length() > 2 && !arg.startsWith("--")) {
            return arg.substring(2);
        }
        if (arg.startsWith("-")) {
            throw new IllegalArgumentException("unknown option '" + arg + "'");
        }
        throw new IllegalArgumentException("unexpected argument '" + arg + "' (commands go after -c, e.g. -c '" + arg + "')");
    }
}
