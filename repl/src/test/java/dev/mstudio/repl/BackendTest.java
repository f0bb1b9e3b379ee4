package dev.mstudio.repl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.command.CommandLanguage;
import dev.mstudio.command.Result;
import dev.mstudio.command.Session;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which service a session talks to, and what may change it. */
class BackendTest {
    @TempDir
    Path home;

    @Test
    void setRegion_withAnExplicitBaseUrl_refusesAndKeepsIt() {
        Map<String, String> env = Map.of("DASHSCOPE_API_KEY", "sk-test",
                "DASHSCOPE_HTTP_BASE_URL", "http://127.0.0.1:9/api/v1");
        try (Backend backend = Backend.choose(false, env, home);
             Session session = backend.session(result -> { }, Clock.systemUTC())) {
            Result result = CommandLanguage.standard().run(session, "/set region cn");

            assertThat(result).isInstanceOf(Result.Failure.class);
            Result.Failure failure = (Result.Failure) result;
            assertThat(failure.message()).isEqualTo(
                    "This session's base URL is fixed (http://127.0.0.1:9/api/v1), so its region cannot change.");
            assertThat(failure.hint()).isEqualTo("Regions apply only without --sandbox and without "
                    + "DASHSCOPE_HTTP_BASE_URL: unset it and start mstudio with DASHSCOPE_REGION=cn.");
            assertThat(session.jobs().client().baseUrl()).isEqualTo("http://127.0.0.1:9/api/v1");
        }
    }

    @Test
    void setRegion_withoutABaseUrl_switches() {
        Map<String, String> env = Map.of("DASHSCOPE_API_KEY", "sk-test");
        try (Backend backend = Backend.choose(false, env, home);
             Session session = backend.session(result -> { }, Clock.systemUTC())) {
            Result result = CommandLanguage.standard().run(session, "/set region cn");

            assertThat(result).isEqualTo(Result.Message.info("Now using region cn (https://dashscope.aliyuncs.com/api/v1)."));
            assertThat(session.jobs().client().baseUrl()).isEqualTo("https://dashscope.aliyuncs.com/api/v1");
        }
    }
}
