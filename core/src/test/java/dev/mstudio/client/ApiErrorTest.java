package dev.mstudio.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every documented error, and every kind of broken body, surfaces as a clear exception. */
class ApiErrorTest {
    private final TestServer test = new TestServer();
    private final DashScopeClient client = test.builder().maxAttempts(1).build();

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        test.close();
    }

    private String importsUrl() {
        return test.baseUrl() + "/custom_models/import";
    }

    @ParameterizedTest(name = "{0} HTTP {1}")
    @CsvSource({
        "InvalidParameter, 400, Missing training files",
        "UnsupportedOperation, 400, The fine-tune job cannot be deleted because its status is SUCCEEDED",
        "OperationDenied, 400, The import job is currently running and cannot be deleted.",
        "InvalidApiKey, 401, Invalid API-key provided.",
        "NotFound, 404, Not found!",
        "Conflict, 409, 'Model instance xxxxx already exists, please specify a suffix'",
        "Throttling, 429, Too many fine-tune jobs are running. Please retry later.",
        "InternalError, 500, Internal server error!",
    })
    void getFineTune_documentedError_surfacesAllFourFields(String code, int status, String message) {
        test.enqueue(status, TestServer.error(code, message, "req-" + code));

        assertThatThrownBy(() -> client.getFineTune("ft-202410291653-1c7f"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isEqualTo(message);
                    assertThat(e.requestId()).isEqualTo("req-" + code);
                    assertThat(e.describe()).isEqualTo(code + ": " + message + " (HTTP " + status + ", request_id req-" + code + ")");
                });
    }

    @Test
    void listImports_htmlBadGateway_saysBodyIsNotJson() {
        test.server.enqueue(new MockResponse().setResponseCode(502)
                .setHeader("Content-Type", "text/html")
                .setBody("<html><body><h1>502 Bad Gateway</h1></body></html>"));

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.code()).isNull();
                    assertThat(e.getMessage()).isEqualTo("Unexpected response from DashScope: body is not JSON"
                            + " (\"<html><body><h1>502 Bad Gateway</h1></body></html>\") (HTTP 502 from " + importsUrl() + ")");
                });
    }

    @Test
    void listImports_emptyBody_saysBodyIsEmpty() {
        test.enqueue(200, "");

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ApiException.class)
                .hasMessage("Unexpected response from DashScope: body is empty (HTTP 200 from " + importsUrl() + ")");
    }

    @Test
    void listImports_truncatedJson_saysTruncatedWithoutParserNoise() {
        test.enqueue(200, "{\"request_id\":\"r-1\",\"output\":{\"total\":2,\"list\":[");

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Unexpected response from DashScope: body is truncated JSON")
                .hasMessageEndingWith("(HTTP 200 from " + importsUrl() + ")")
                .hasMessageNotContaining("jackson")
                .hasMessageNotContaining("line:");
    }

    @Test
    void listImports_plainTextOk_saysBodyIsNotJson() {
        test.enqueue(200, "OK then");

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ApiException.class)
                .hasMessage("Unexpected response from DashScope: body is not JSON (\"OK then\") (HTTP 200 from " + importsUrl() + ")");
    }

    @Test
    void listImports_jsonArray_saysNotAnObject() {
        test.enqueue(200, "[1,2]");

        assertThatThrownBy(() -> client.listImports(ImportQuery.all()))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Unexpected response from DashScope: body is not a JSON object");
    }

    @Test
    void getImport_okWithCodeAndNoOutput_isAnApiError() {
        test.enqueue(200, TestServer.error("InvalidParameter", "page_size must be 1..100", "r-9"));

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(200);
                    assertThat(e.code()).isEqualTo("InvalidParameter");
                    assertThat(e.getMessage()).isEqualTo("page_size must be 1..100");
                    assertThat(e.requestId()).isEqualTo("r-9");
                });
    }

    @Test
    void getImport_okWithoutOutput_saysSo() {
        test.enqueue(200, "{\"request_id\":\"r-8\"}");

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getMessage()).startsWith("Unexpected response from DashScope: body has no output");
                    assertThat(e.requestId()).isEqualTo("r-8");
                });
    }

    @Test
    void getImport_errorStatusWithoutCode_saysSo() {
        test.enqueue(404, "{}");

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Unexpected response from DashScope: body has no error code")
                .hasMessageContaining("HTTP 404");
    }

    @Test
    void getImport_bodyCutOffMidStream_isAnIOExceptionSayingSo() {
        test.server.enqueue(TestServer.json(200, TestServer.seed("import-get.json"))
                .setSocketPolicy(SocketPolicy.DISCONNECT_DURING_RESPONSE_BODY));

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("was cut off before its end: the connection closed");
    }

    @Test
    void getImport_redirect_namesTheTarget() {
        test.server.enqueue(new MockResponse().setResponseCode(301)
                .setHeader("Location", "https://ops:hunter2@elsewhere.invalid/api/v1?token=t0ps3cret"));

        assertThatThrownBy(() -> client.getImport("imp-1"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("redirected to https://elsewhere.invalid/api/v1 ")
                .hasMessageContaining("HTTP 301")
                .hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("t0ps3cret");
    }

    @Test
    void apiException_classification_decidesOnCodeBeforeStatus() {
        assertThat(new ApiException(400, "Throttling", "slow down", "r").isThrottling()).isTrue();
        assertThat(new ApiException(400, "Throttling.RateQuota", "slow down", "r").isThrottling()).isTrue();
        assertThat(new ApiException(429, "InvalidParameter", "odd", "r").isThrottling()).isFalse();
        assertThat(new ApiException(429, null, "no code", "r").isThrottling()).isTrue();
        assertThat(new ApiException(200, "InternalError", "oops", "r").isServerError()).isTrue();
        assertThat(new ApiException(503, null, "gateway", "r").isServerError()).isTrue();
        assertThat(new ApiException(500, "NotFound", "odd", "r").isServerError()).isFalse();
    }
}
