package dev.mstudio.repl;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.ConfigurationException;
import dev.mstudio.command.Result;
import java.io.UncheckedIOException;

/** Anything thrown at the top, turned into a one-line failure: no stack traces reach people. */
final class TopLevelErrors {
    private TopLevelErrors() {
    }

    static Result.Failure failure(Throwable error) {
        if (error instanceof ConfigurationException config) {
            return new Result.Failure(config.getMessage(), null, null, null, 2);
        }
        if (error instanceof ApiException api) {
            return new Result.Failure(api.getMessage(), null, api.code(), api.requestId(), 1);
        }
        if (error instanceof UncheckedIOException io && io.getCause() != null) {
            return Result.Failure.of(describe(io.getCause()), "Check the network, or try again.");
        }
        return Result.Failure.of(describe(error), null);
    }

    /** "Message" or the exception's simple name when it has none; never a stack trace. */
    static String describe(Throwable error) {
        String message = error.getMessage();
        String name = error.getClass().getSimpleName();
        return message == null || message.isBlank() ? name : message;
    }
}
