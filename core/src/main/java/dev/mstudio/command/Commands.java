package dev.mstudio.command;

import dev.mstudio.client.JobKind;

/**
 * Runs parsed invocations: one handler per command path, exceptions mapped by {@link Errors}.
 * Dispatch is a switch on the path rather than a map of lambdas: linking two dozen lambdas costs
 * start-up time that a run of one command ({@code /help}) would otherwise wait for.
 */
final class Commands {
    private final ListCommands lists = new ListCommands();
    private final JobCommands jobs = new JobCommands();
    private final LogCommand logs = new LogCommand();
    private final WatchCommands watches = new WatchCommands();
    private final WaitCommand waits = new WaitCommand();
    private final SessionCommands settings;

    Commands(HelpText helpText) {
        this.settings = new SessionCommands(helpText);
    }

    Result run(Session session, Invocation invocation) {
        Result result;
        try {
            result = handle(session, invocation);
        } catch (Exception e) {
            boolean interrupted = Thread.interrupted();
            return interrupted || e instanceof InterruptedException ? Errors.interrupted()
                    : Errors.of(e, invocation, session);
        }
        Thread.interrupted();
        return result;
    }

    /** Runs one command; may throw what the client throws, mapped to a failure by the caller. */
    private Result handle(Session session, Invocation inv) throws Exception {
        return switch (inv.path()) {
            case "imports" -> lists.list(session, inv, JobKind.IMPORT);
            case "finetunes" -> lists.list(session, inv, JobKind.FINETUNE);
            case "next" -> lists.next(session, inv);
            case "prev" -> lists.prev(session, inv);
            case "import" -> jobs.show(session, inv, JobKind.IMPORT);
            case "import create" -> jobs.create(session, inv);
            case "import delete" -> jobs.delete(session, inv, JobKind.IMPORT);
            case "finetune" -> jobs.show(session, inv, JobKind.FINETUNE);
            case "finetune cancel" -> jobs.cancel(session, inv);
            case "finetune delete" -> jobs.delete(session, inv, JobKind.FINETUNE);
            case "finetune checkpoints" -> jobs.checkpoints(session, inv);
            case "finetune logs" -> logs.run(session, inv);
            case "watch" -> watches.watch(session, inv);
            case "unwatch" -> watches.unwatch(session, inv);
            case "watches" -> watches.list(session, inv);
            case "wait" -> waits.run(session, inv);
            case "set output" -> settings.output(session, inv);
            case "set region" -> settings.region(session, inv);
            case "history" -> settings.history(session, inv);
            case "open" -> settings.open(session, inv);
            case "help" -> settings.help(session, inv);
            case "exit" -> settings.exit(session, inv);
            default -> Errors.unexpected(new IllegalStateException("no handler for " + inv.path()));
        };
    }
}
