package dev.mstudio.repl;

/** Lines of a script: blank lines and lines starting with '#' are skipped. */
final class Scripts {
    private Scripts() {
    }

    static boolean isCommand(String line) {
        String text = withoutBom(line).strip();
        return !text.isEmpty() && !text.startsWith("#");
    }

    /** The line without a leading byte-order mark (the first line of a file saved by some editors). */
    static String withoutBom(String line) {
        return line == null ? "" : line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** True for the literal {@code /exit} (with or without a status), the only way a script may end itself. */
    static boolean isLiteralExit(String line) {
        String text = withoutBom(line).strip();
        return text.equals("/exit") || text.startsWith("/exit ") || text.startsWith("/exit\t");
    }
}
