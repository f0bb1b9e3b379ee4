package dev.mstudio.command;

/**
 * What a declared command does, bound in its declaration. Runs only after the one policy check
 * (where the command is allowed, who may run it, confirmation) has passed. May throw what the
 * client throws; the language turns that into a {@link Result.Failure}.
 */
@FunctionalInterface
public interface Handler {
    Result run(Session session, Command command, Context context) throws Exception;
}
