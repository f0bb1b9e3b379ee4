package dev.mstudio.command;

/** A line that does not parse; carries the failure to show. Cheap: no stack trace. */
final class Rejected extends Exception {
    private final transient Result.Failure failure;

    Rejected(String message, String hint) {
        super(message, null, false, false);
        this.failure = Result.Failure.of(message, hint);
    }

    Result.Failure failure() {
        return failure;
    }
}
