package dev.mstudio.command;

/** Where a command runs: the terminal REPL or the Slack bot. Declarations say where each is allowed. */
public enum Surface {
    REPL("the REPL (./mstudio)"),
    SLACK("Slack (the mstudio bot)");

    private final String description;

    Surface(String description) {
        this.description = description;
    }

    /** "the REPL (./mstudio)". */
    public String description() {
        return description;
    }
}
