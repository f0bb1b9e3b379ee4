package dev.mstudio.sandbox;

/** Answers one routed request; failures are thrown as {@link ApiError}. */
@FunctionalInterface
interface Handler {
    Reply handle(HttpCall call);
}
