package dev.mstudio.slackbot.notify;

import java.time.Duration;
import java.util.Set;

/**
 * How one Slack call went.
 *
 * @param outcome    what to do next
 * @param ts         the message ts Slack returned (for a post), or null
 * @param error      Slack's error code or a one-line transport failure, or null
 * @param retryAfter for RATE_LIMITED: how long Slack asked to wait
 * @param scope      for {@code missing_scope}: the OAuth scope the refused call needs, or null
 */
record SendResult(Outcome outcome, String ts, String error, Duration retryAfter, String scope) {

    enum Outcome {
        OK,
        /** HTTP 429: wait Retry-After, then send the same entry again. */
        RATE_LIMITED,
        /** Worth retrying after a backoff: transport failures, 5xx, Slack's own trouble, auth trouble. */
        TRANSIENT,
        /** Sending again cannot help: record and drop the entry. */
        PERMANENT
    }

    static final String MISSING_SCOPE = "missing_scope";

    /** Errors that may go away by themselves (or once an operator fixes the token). */
    private static final Set<String> TRANSIENT_ERRORS = Set.of("internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "ratelimited", "rate_limited", "team_added_to_org",
            "invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "missing_scope",
            "no_permission", "ekm_access_denied");

    static SendResult ok(String ts) {
        return new SendResult(Outcome.OK, ts, null, null, null);
    }

    static SendResult rateLimited(Duration retryAfter) {
        return new SendResult(Outcome.RATE_LIMITED, null, "ratelimited", retryAfter, null);
    }

    static SendResult transientFailure(String error) {
        return new SendResult(Outcome.TRANSIENT, null, error, null, null);
    }

    /** Classifies an {@code ok:false} answer by its error code. */
    static SendResult slackError(String error) {
        return slackError(error, null);
    }

    /** As {@link #slackError(String)}, naming the scope the call needs should the error be {@code missing_scope}. */
    static SendResult slackError(String error, String scope) {
        String code = error == null || error.isBlank() ? "unknown_error" : error;
        return new SendResult(TRANSIENT_ERRORS.contains(code) ? Outcome.TRANSIENT : Outcome.PERMANENT, null, code,
                null, MISSING_SCOPE.equals(code) ? scope : null);
    }
}
