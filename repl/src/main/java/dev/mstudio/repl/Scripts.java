package dev.mstudio.repl;

/** Lines of a script: blank lines and lines starting with '#' are skipped. */
final class Scripts {
    private Scripts() {
    }

    static boolean isCommand(String line) {
        String text = line == null ? "" : line.strip();
        return !text.isEmpty() && !text.startsWith("#");
    }
}
