package dev.mstudio.sandbox.http;

/** Answers one routed request; failures are thrown as {@link ApiError}. */
@FunctionalInterface
public interface RouteHandler {
    HttpReply handle(HttpCall call);
}
