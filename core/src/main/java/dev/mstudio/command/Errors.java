package dev.mstudio.command;

import dev.mstudio.client.ApiException;
import dev.mstudio.client.ClientConfig;
import dev.mstudio.client.ConfigurationException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/** Maps what running a command threw to a {@link Result.Failure}: one line, a hint, never a stack trace. */
final class Errors {
    static final int INTERRUPTED_EXIT = 130;
    private static final int MAX_REASON = 200;
    /** A qualified Java name (java.lang.String) or an exception's class name (IndexOutOfBoundsException). */
    private static final Pattern JAVA_NAMES = Pattern.compile(
            "\\b[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+\\.[A-Z]\\w*|\\b[A-Z]\\w*(Exception|Error)\\b");

    private Errors() {
    }

    static Result.Failure of(Throwable thrown, Command invocation, Session session) {
        Throwable error = unwrap(thrown);
        if (error instanceof InterruptedException || error instanceof InterruptedIOException io && !timedOut(io)) {
            return interrupted();
        }
        if (error instanceof ApiException api) {
            return new Result.Failure(api.describe(), apiHint(api, invocation), api.code(), api.requestId(), 1);
        }
        if (error instanceof ConfigurationException config) {
            return Result.Failure.of(config.getMessage(), "Set " + ClientConfig.ENV_API_KEY + " (or "
                    + ClientConfig.ENV_BASE_URL + "), or run ./mstudio --sandbox to try mstudio without an account.");
        }
        if (error instanceof dev.mstudio.dataset.InvalidDatasetException invalid) {
            return Result.Failure.of(sentence(invalid.getMessage()), String.join("\n", invalid.lines()));
        }
        if (error instanceof IllegalArgumentException bad) {
            return Result.Failure.of(sentence(bad.getMessage()), invocation.usage());
        }
        if (error instanceof IOException io) {
            return Result.Failure.of(transport(io, session),
                    "Check the network and " + ClientConfig.ENV_BASE_URL + " / " + ClientConfig.ENV_REGION
                            + "; ./mstudio --sandbox works without a cloud account.");
        }
        return unexpected(error);
    }

    static Result.Failure interrupted() {
        return new Result.Failure("interrupted", "The command was stopped before it finished (Ctrl-C).",
                null, null, INTERRUPTED_EXIT);
    }

    /** A bug: "Internal error: " and a short reason, never a Java class name. */
    static Result.Failure unexpected(Throwable error) {
        return Result.Failure.of("Internal error: " + shortReason(error) + ".",
                "This is a bug in mstudio; please report it with the command you ran.");
    }

    /** The exception's message when it reads as a sentence for people, else what kind of failure it was. */
    private static String shortReason(Throwable error) {
        String message = error.getMessage();
        if (message != null && !message.isBlank() && !JAVA_NAMES.matcher(message).find()) {
            String clipped = ParseErrors.clip(message.strip());
            return clipped.endsWith(".") ? clipped.substring(0, clipped.length() - 1) : clipped;
        }
        if (error instanceof NullPointerException) {
            return "a value was missing";
        }
        if (error instanceof IndexOutOfBoundsException) {
            return "an index was out of range";
        }
        if (error instanceof ClassCastException) {
            return "a value had the wrong type";
        }
        if (error instanceof StackOverflowError || error instanceof OutOfMemoryError) {
            return "it ran out of stack or memory";
        }
        return "something failed that should not have";
    }

    private static String apiHint(ApiException api, Command invocation) {
        String code = api.code() == null ? "" : api.code();
        String path = invocation.path();
        String slash = invocation.slash() ? "/" : "";
        if (api.isThrottling() || api.httpStatus() == 429) {
            return "Too many requests; retry later"
                    + api.retryAfter().map(after -> " (the service asks to wait " + after.toSeconds() + " s)").orElse("")
                    + ".";
        }
        if (api.isServerError() || api.httpStatus() >= 500) {
            return "The service failed; retry later, and quote the request_id if it keeps failing.";
        }
        if (api.code() == null) {
            return "The service's answer was not what mstudio expects; retry later, and quote the request_id "
                    + "if it keeps happening.";
        }
        if (code.equals("InvalidApiKey")) {
            return "Set a valid key: export " + ClientConfig.ENV_API_KEY + "=sk-... or write it to "
                    + "~/.dashscope/api_key; keys belong to one region (" + ClientConfig.ENV_REGION + ").";
        }
        if (code.equals("NotFound") && invocation.values().containsKey("ID")) {
            return path.startsWith("finetune") ? slash + "finetunes lists fine-tune job IDs (Tab completes them)."
                    : path.startsWith("import") ? slash + "imports lists import job IDs (Tab completes them)."
                    : slash + "imports and " + slash + "finetunes list job IDs (Tab completes them).";
        }
        if (code.equals("OperationDenied")) {
            return deniedHint(path, slash);
        }
        return invocation.usage();
    }

    private static String deniedHint(String path, String slash) {
        if (path.equals("finetune cancel")) {
            return "Only PENDING or RUNNING fine-tune jobs can be canceled.";
        }
        if (path.equals("finetune delete")) {
            return "A running fine-tune job cannot be deleted; cancel it first with " + slash + "finetune cancel ID.";
        }
        return "Only SUCCESSED or FAILED import jobs can be deleted; " + slash + "wait ID waits for the job to end.";
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable error = thrown;
        while ((error instanceof UncheckedIOException || error instanceof CompletionException
                || error instanceof ExecutionException) && error.getCause() != null) {
            error = error.getCause();
        }
        return error;
    }

    private static String baseUrl(Session session) {
        try {
            return session.jobs().client().baseUrl();
        } catch (RuntimeException e) {
            return "the DashScope API";
        }
    }

    /**
     * The client already words transport failures for people ("Cannot reach HOST: connection
     * refused"); said as it is, in one line, never with a Java class name.
     */
    private static String transport(IOException io, Session session) {
        String message = io.getMessage() == null ? "" : io.getMessage().replaceAll("\\s+", " ").strip();
        if (timedOut(io) && !message.contains("answer")) {
            return "Cannot reach " + baseUrl(session) + ": no answer in time.";
        }
        if (message.isEmpty()) {
            return "Cannot reach " + baseUrl(session) + ": the connection failed.";
        }
        String reason = message.replaceFirst("^Cannot reach \\S+: ", "").replaceFirst("^\\S+ did not answer: ", "");
        reason = reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON) + "…";
        String line = "Cannot reach " + baseUrl(session) + ": " + reason.replaceAll("\\p{Cntrl}", "?");
        return line.endsWith(".") ? line : line + ".";
    }

    /**
     * A timeout, not a Ctrl-C: both are InterruptedIOExceptions. Socket timeouts have their own
     * class; OkHttp reports its whole-call timeout as a plain one with the message "timeout".
     */
    private static boolean timedOut(IOException io) {
        return io instanceof SocketTimeoutException
                || io instanceof InterruptedIOException && "timeout".equals(io.getMessage());
    }

    private static String sentence(String message) {
        if (message == null || message.isBlank()) {
            return "Invalid arguments.";
        }
        String firstWord = message.split(" ", 2)[0];
        // "page_size must be ..." and "storage_info.object_key ..." name a field: keep it as spelled
        String text = firstWord.chars().allMatch(Character::isLowerCase)
                ? Character.toUpperCase(message.charAt(0)) + message.substring(1) : message;
        return text.endsWith(".") ? text : text + ".";
    }
}
