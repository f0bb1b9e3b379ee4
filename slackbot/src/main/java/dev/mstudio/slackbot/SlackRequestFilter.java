package dev.mstudio.slackbot;

import com.google.gson.JsonParseException;
import com.slack.api.app_backend.SlackSignature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's door for Slack requests, in front of Bolt. It reads the raw body (at most 1 MiB) and
 * checks the signature on those bytes before anything parses them: unsigned, wrongly signed or
 * stale requests get 401 and a debug line at most. A signed request that cannot be read (bad
 * %-escapes, a charset other than UTF-8, an interaction payload without {@code user} or
 * {@code actions}) gets 400 and one log line in our own words. Nothing a request carries reaches
 * the log except through {@link LogText}, and no stack trace is logged for it.
 */
final class SlackRequestFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(SlackRequestFilter.class);
    static final int MAX_BODY = 1 << 20;

    private final RequestSignature signature;

    SlackRequestFilter(RequestSignature signature) {
        this.signature = signature;
    }

    @Override
    public void init(FilterConfig config) {
        // nothing to set up
    }

    @Override
    public void destroy() {
        // nothing to release
    }

    @Override
    public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
            throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) servletRequest;
        HttpServletResponse response = (HttpServletResponse) servletResponse;
        byte[] body = readBody(request);
        if (body == null) {
            LOG.debug("Refused a request with a body over {} bytes", MAX_BODY);
            answer(response, 413, "request too large");
            return;
        }
        if (!signature.verify(request.getHeader(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP),
                request.getHeader(SlackSignature.HeaderNames.X_SLACK_SIGNATURE), body)) {
            LOG.debug("Refused a request without a valid, fresh Slack signature");
            answer(response, 401, "invalid signature");
            return;
        }
        try {
            SlackRequestCheck.check(request.getContentType(), request.getQueryString(), body);
        } catch (FormBody.Malformed e) {
            refuse(response, 400, e.getMessage());
            return;
        }
        pass(new BufferedRequest(request, body), response, chain);
    }

    /** Hands the request to Bolt; what Bolt cannot parse is a 400, anything else a 500, each one log line. */
    private static void pass(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException {
        try {
            chain.doFilter(request, response);
        } catch (JsonParseException e) {
            refuse(response, 400, "the payload does not have the shape Slack sends");
        } catch (RuntimeException | ServletException e) {
            LOG.warn("A signed Slack request failed: {}: {}", e.getClass().getName(), LogText.oneLine(e.getMessage()));
            if (!response.isCommitted()) {
                answer(response, 500, "internal error");
            }
        }
    }

    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        LOG.info("Refused a signed Slack request (HTTP {}): {}", status, LogText.oneLine(reason));
        answer(response, status, reason);
    }

    private static void answer(HttpServletResponse response, int status, String text) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        response.getOutputStream().write((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The body, or null when it is longer than {@link #MAX_BODY}. */
    private static byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BODY) {
            return null;
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            return body.length > MAX_BODY ? null : body;
        }
    }
}
