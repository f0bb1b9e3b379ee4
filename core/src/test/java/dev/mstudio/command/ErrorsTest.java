package dev.mstudio.command;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mstudio.client.ApiException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One error line and one hint that fits: no usage for a server's fault, no Java class names, nothing said twice. */
class ErrorsTest {
    private final CommandLanguage language = CommandLanguage.standard();
    private final Session session = Session.builder(
            () -> { throw new IllegalStateException("no service in this test"); },
            () -> { throw new IllegalStateException("no service in this test"); }).build();

    private Result.Failure failure(Throwable thrown, String line) {
        return Errors.of(thrown, language.parse(line).command(), session);
    }

    static Stream<Arguments> serverFaults() {
        return Stream.of(
                Arguments.of(new ApiException(500, "InternalError", "Internal server error", "r1"), "The service failed"),
                Arguments.of(new ApiException(500, "InternalError.Algo", "Algorithm error", "r2"), "The service failed"),
                Arguments.of(new ApiException(503, null, "Service Unavailable", "r3"), "The service failed"),
                Arguments.of(new ApiException(501, "NotImplemented", "Not implemented", "r4"), "The service failed"),
                Arguments.of(new ApiException(502, "InvalidParameter", "Bad gateway", "r5"), "The service failed"),
                Arguments.of(new ApiException(429, "Throttling.RateQuota", "Too many", "r6"), "Too many requests"),
                Arguments.of(new ApiException(429, null, "Too many", "r7"), "Too many requests"),
                Arguments.of(new ApiException(200, null, "Unexpected response from http://h/api/v1/fine-tunes/x: "
                        + "HTTP 200, output is not a fine-tune job (ARRAY)", "r8"), "The service's answer"));
    }

    @ParameterizedTest
    @MethodSource("serverFaults")
    void of_serverFault_hintsToRetry_neverUsage(ApiException fault, String hint) {
        Result.Failure failure = failure(fault, "/finetune ft-202410291653-1c7f");

        assertThat(failure.hint()).startsWith(hint).doesNotContain("Usage:");
        assertThat(failure.message()).doesNotStartWith("Error");
    }

    @Test
    void of_badArgumentFromTheService_stillShowsUsage() {
        Result.Failure failure = failure(new ApiException(400, "InvalidParameter", "page_size too big", "r9"),
                "/imports --size 5");

        assertThat(failure.hint()).startsWith("Usage: /imports");
    }

    @Test
    void unexpected_namesNoJavaClass() {
        Result.Failure outOfRange = Errors.unexpected(new IndexOutOfBoundsException("Index 0 out of bounds for length 0"));
        Result.Failure cast = Errors.unexpected(new ClassCastException(
                "class java.lang.String cannot be cast to class java.lang.Integer"));
        Result.Failure bare = Errors.unexpected(new IllegalStateException());

        assertThat(outOfRange.message()).isEqualTo("Internal error: Index 0 out of bounds for length 0.");
        assertThat(cast.message()).isEqualTo("Internal error: a value had the wrong type.");
        assertThat(bare.message()).isEqualTo("Internal error: something failed that should not have.");
        assertThat(Stream.of(outOfRange, cast, bare).map(Result.Failure::message))
                .noneMatch(message -> message.contains("Exception") || message.contains("java."));
    }

    @Test
    void parse_emptyId_isAClearParseError() {
        for (String line : new String[] {"/import ''", "/finetune \"\"", "import ''"}) {
            Result.Failure failure = language.parse(line).failure();

            assertThat(failure.message()).as(line).matches("Empty job ID for /(import|finetune): '' names nothing\\.");
            assertThat(failure.hint()).as(line).startsWith("Usage: /");
        }
    }
}
