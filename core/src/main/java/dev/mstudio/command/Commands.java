package dev.mstudio.command;

import dev.mstudio.client.JobKind;
import java.util.HashMap;
import java.util.Map;

/** Runs parsed invocations: one handler per command path, exceptions mapped by {@link Errors}. */
final class Commands {

    /** Runs one command; may throw what the client throws, mapped to a failure by the caller. */
    @FunctionalInterface
    interface Handler {
        Result run(Session session, Invocation invocation) throws Exception;
    }

    private final Map<String, Handler> handlers = new HashMap<>();

    Commands(HelpText helpText) {
        ListCommands lists = new ListCommands();
        handlers.put("imports", (session, inv) -> lists.list(session, inv, JobKind.IMPORT));
        handlers.put("finetunes", (session, inv) -> lists.list(session, inv, JobKind.FINETUNE));
        handlers.put("next", lists::next);
        handlers.put("prev", lists::prev);
        JobCommands jobs = new JobCommands();
        handlers.put("import", (session, inv) -> jobs.show(session, inv, JobKind.IMPORT));
        handlers.put("import create", jobs::create);
        handlers.put("import delete", (session, inv) -> jobs.delete(session, inv, JobKind.IMPORT));
        handlers.put("finetune", (session, inv) -> jobs.show(session, inv, JobKind.FINETUNE));
        handlers.put("finetune cancel", jobs::cancel);
        handlers.put("finetune delete", (session, inv) -> jobs.delete(session, inv, JobKind.FINETUNE));
        handlers.put("finetune checkpoints", jobs::checkpoints);
        handlers.put("finetune logs", new LogCommand()::run);
        WatchCommands watches = new WatchCommands();
        handlers.put("watch", watches::watch);
        handlers.put("unwatch", watches::unwatch);
        handlers.put("watches", watches::list);
        handlers.put("wait", new WaitCommand()::run);
        SessionCommands settings = new SessionCommands(helpText);
        handlers.put("set output", settings::output);
        handlers.put("set region", settings::region);
        handlers.put("history", settings::history);
        handlers.put("open", settings::open);
        handlers.put("help", settings::help);
        handlers.put("exit", settings::exit);
    }

    Result run(Session session, Invocation invocation) {
        Handler handler = handlers.get(invocation.path());
        if (handler == null) {
            return Errors.unexpected(new IllegalStateException("no handler for " + invocation.path()));
        }
        Result result;
        try {
            result = handler.run(session, invocation);
        } catch (Exception e) {
            boolean interrupted = Thread.interrupted();
            return interrupted || e instanceof InterruptedException ? Errors.interrupted()
                    : Errors.of(e, invocation, session);
        }
        Thread.interrupted();
        return result;
    }
}
