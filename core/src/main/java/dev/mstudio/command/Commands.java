package dev.mstudio.command;

import java.util.Optional;

/**
 * Runs parsed commands: first the one policy check, on the parsed command and who runs it, then the
 * handler bound in the command's declaration, its exceptions mapped by {@link Errors}. Nothing else
 * decides who may do what: no handler runs before {@link #policy} has passed.
 */
final class Commands {

    /**
     * The policy check and the handler. {@code confirmed}: the person already said yes to this very
     * command (REPL: answered y; Slack: pressed the button of a pending action), so it is not asked again.
     */
    Result run(Session session, Command command, Context context, boolean confirmed) {
        Optional<Result> stop;
        try {
            stop = policy(session, command, context, confirmed);
        } catch (Exception e) {
            return failure(e, command, session);
        }
        if (stop.isPresent()) {
            return stop.get();
        }
        Handler handler = command.declaration().handler();
        if (handler == null) {
            return Result.Failure.of("/" + command.path() + " has nothing to run it here.",
                    "This is a bug in mstudio; please report it with the command you ran.");
        }
        Result result;
        try {
            result = handler.run(session, command, context);
        } catch (Exception e) {
            return failure(e, command, session);
        }
        Thread.interrupted();
        return result;
    }

    /**
     * Where the command may run, who may run it, and whether to ask first: a refusal, a
     * confirmation to ask, or empty to run it now. Destructive commands are admin-only in Slack and
     * asked about everywhere; in Slack even {@code --yes} asks, since the answer is a button press.
     */
    private static Optional<Result> policy(Session session, Command command, Context context, boolean confirmed)
            throws Exception {
        if (!command.allowedIn(context.surface())) {
            return Optional.of(elsewhere(command, context.surface()));
        }
        Optional<Result> local = LocalPaths.refusal(command, context.surface());
        if (local.isPresent()) {
            return local;
        }
        if (!command.destructive() || dryRun(command)) {
            return Optional.empty();
        }
        if (context.surface() == Surface.SLACK && !context.admin()) {
            return Optional.of(new Result.Failure("Only admins can run " + command.written(command.path()) + ".",
                    "It changes jobs for everyone. " + context.adminHint(), "NotAdmin", null, 1));
        }
        if (confirmed || context.surface() == Surface.REPL && yes(command)) {
            return Optional.empty();
        }
        return Optional.of(new Result.Confirm(question(session, command), command.with(yesOf(command), true)));
    }

    private static Result.Failure elsewhere(Command command, Surface surface) {
        Surface other = surface == Surface.REPL ? Surface.SLACK : Surface.REPL;
        String what = command.written(command.path());
        if (!command.declaration().policy().allowedIn(surface)) {
            return Result.Failure.of(what + " works only in " + other.description() + ".",
                    surface == Surface.SLACK ? "In Slack each answer goes to you alone; add --public to share one."
                            : "Ask the mstudio bot in Slack.");
        }
        if (command.shared() && surface != Surface.SLACK) {
            return Result.Failure.of("--public works only in Slack.", "Drop it; the REPL shows answers to you alone.");
        }
        return Result.Failure.of("An option of " + what + " works only in " + other.description() + ".",
                surface == Surface.SLACK ? "In Slack, use finetune logs ID --tail N, or watch ID to hear when "
                        + "the job ends." : "Drop the option; " + command.written("help") + " "
                        + command.path() + " lists them.");
    }

    private static boolean yes(Command command) {
        return command.declaration().arg(Declarations.YES).isPresent() && command.has(Declarations.YES);
    }

    /** A destructive command told --dry-run changes nothing: it runs unasked, for anyone. */
    private static boolean dryRun(Command command) {
        return command.declaration().arg(WorkflowDeclarations.DRY_RUN).isPresent()
                && command.has(WorkflowDeclarations.DRY_RUN);
    }

    private static Param<Boolean> yesOf(Command command) {
        return Declarations.YES;
    }

    private static String question(Session session, Command command) throws Exception {
        Declaration.Asker asker = command.declaration().policy().asker();
        return asker != null ? asker.question(session, command) : "Run " + command.canonical() + "?";
    }

    private static Result failure(Exception e, Command command, Session session) {
        boolean interrupted = Thread.interrupted();
        return interrupted || e instanceof InterruptedException ? Errors.interrupted()
                : Errors.of(e, command, session);
    }
}
