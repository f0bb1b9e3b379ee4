package dev.mstudio.testkit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The ways a person (or an attacker) may spell one command line so that a parser that reads text
 * differently from the command language would misjudge it: quoted and escaped words, unique
 * prefixes, case, tabs, no-break spaces and Unicode line breaks, a leading slash, {@code --yes}
 * anywhere, the sharing flags. Each is the same command to the language, or no command at all;
 * never a different, harmless-looking one.
 */
public final class Spellings {
    private static final String[] SPACES = {" ", "\t", "\u00A0", "\u2028", "\u2029", "\u202F", "  ", "\n", " \t "};

    private Spellings() {
    }

    /**
     * At least 20 spellings of {@code command} followed by {@code args}: e.g. command "import delete",
     * args "ID --yes". {@code prefixes} are shorter spellings of each command word, in order.
     */
    public static List<String> of(String command, String args, String... prefixes) {
        String[] words = command.split(" ");
        String first = words[0];
        String rest = words.length > 1 ? words[1] : "";
        String tail = args.isEmpty() ? "" : " " + args;
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(command + tail);
        all.add("/" + command + tail);
        all.add("\"" + first + "\"" + (rest.isEmpty() ? "" : " " + rest) + tail);
        all.add(rest.isEmpty() ? "'" + first + "'" + tail : first + " \"" + rest + "\"" + tail);
        all.add(escaped(first) + (rest.isEmpty() ? "" : " " + escaped(rest)) + tail);
        all.add(split(first) + (rest.isEmpty() ? "" : " " + split(rest)) + tail);
        all.add(command.toUpperCase(Locale.ROOT) + tail);
        all.add(capitalized(first) + (rest.isEmpty() ? "" : " " + capitalized(rest)) + tail);
        for (String space : SPACES) {
            all.add(command.replace(" ", space) + (args.isEmpty() ? "" : space + args.replace(" ", space)));
        }
        all.add("   " + command + tail + "   ");
        all.add(command + tail + " --public");
        all.add("--public " + command + tail);
        all.add(command + " --in-channel" + tail);
        all.add(command + tail + " --yes");
        all.add(command + " --yes" + tail);
        all.add("/" + command.toUpperCase(Locale.ROOT) + tail + " --PUBLIC");
        for (String prefix : prefixes) {
            all.add(prefix + tail);
            all.add("/" + prefix.toUpperCase(Locale.ROOT) + tail);
        }
        return new ArrayList<>(all);
    }

    /** Every destructive command in many spellings: delete an ended import, cancel and delete a fine-tune, create. */
    public static List<String> destructive(String endedImport, String runningFineTune) {
        List<String> lines = new ArrayList<>();
        lines.addAll(of("import delete", endedImport + " --yes", "import d", "import del"));
        lines.addAll(of("finetune cancel", runningFineTune + " --yes", "finetune ca", "finetune can"));
        lines.addAll(of("finetune delete", runningFineTune, "finetune d", "finetune dele"));
        lines.addAll(of("import create", "--base m --weight lora --bucket b --key k/ --yes", "import c"));
        return lines;
    }

    /** Every REPL-only command (and option) in many spellings. */
    public static List<String> replOnly(String fineTune) {
        List<String> lines = new ArrayList<>();
        lines.addAll(of("history", "", "hi", "hist"));
        lines.addAll(of("open", "/etc/hostname", "o", "op"));
        lines.addAll(of("set output", "json", "se o", "set out"));
        lines.addAll(of("set region", "cn", "se r", "set reg"));
        lines.addAll(of("exit", "3", "e", "ex"));
        lines.addAll(of("finetune logs", fineTune + " --follow", "finetune l"));
        lines.addAll(of("finetune logs", "--follow " + fineTune, "finetune lo"));
        return lines;
    }

    /** A random spelling of {@code line}: each word quoted, escaped, cased or spaced differently. */
    public static String mutate(String line, Random random) {
        String[] words = line.split(" ");
        StringBuilder out = new StringBuilder(random.nextInt(4) == 0 ? "/" : "");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                out.append(SPACES[random.nextInt(SPACES.length)]);
            }
            out.append(word(words[i], random));
        }
        if (random.nextInt(3) == 0) {
            out.append(SPACES[random.nextInt(SPACES.length)]).append(random.nextBoolean() ? "--yes" : "--public");
        }
        return out.toString();
    }

    private static String word(String word, Random random) {
        return switch (random.nextInt(8)) {
            case 0 -> "\"" + word + "\"";
            case 1 -> "'" + word + "'";
            case 2 -> escaped(word);
            case 3 -> word.toUpperCase(Locale.ROOT);
            case 4 -> split(word);
            case 5 -> word.length() > 3 && !word.startsWith("-") ? word.substring(0, 3 + random.nextInt(word.length() - 3))
                    : word;
            case 6 -> capitalized(word);
            default -> word;
        };
    }

    /** "de\lete": a backslash before an inner letter. */
    private static String escaped(String word) {
        return word.length() < 3 ? "\\" + word : word.substring(0, 2) + "\\" + word.substring(2);
    }

    /** "del"ete: half the word quoted. */
    private static String split(String word) {
        int half = Math.max(1, word.length() / 2);
        return "\"" + word.substring(0, half) + "\"" + word.substring(half);
    }

    private static String capitalized(String word) {
        return word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
