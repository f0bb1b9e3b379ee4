package dev.mstudio.slackbot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.servlet.ReadListener;
import javax.servlet.ServletInputStream;
import javax.servlet.http.HttpServletRequest;
import org.junit.jupiter.api.Test;

/** A body read once (to check its signature) is served again, to blocking and to non-blocking readers. */
class BufferedRequestTest {
    private final byte[] body = "token=x&text=%2Fimports".getBytes(StandardCharsets.UTF_8);
    private final BufferedRequest request = new BufferedRequest(mock(HttpServletRequest.class), body);

    @Test
    void inputStream_andReader_serveTheWholeBodyAgain() throws Exception {
        assertThat(request.getInputStream().readAllBytes()).isEqualTo(body);
        assertThat(request.getReader().readLine()).isEqualTo("token=x&text=%2Fimports");
    }

    @Test
    void readListener_isToldTheBodyIsAvailable_thenAllRead() throws Exception {
        ServletInputStream in = request.getInputStream();
        List<String> events = new ArrayList<>();
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws java.io.IOException {
                events.add("available " + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }

            @Override
            public void onAllDataRead() {
                events.add("all read, finished " + in.isFinished());
            }

            @Override
            public void onError(Throwable t) {
                events.add("error " + t.getMessage());
            }
        });

        assertThat(events).containsExactly("available token=x&text=%2Fimports", "all read, finished true");
    }

    @Test
    void readListener_failingToRead_isToldTheError() throws Exception {
        List<String> events = new ArrayList<>();
        request.getInputStream().setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws java.io.IOException {
                throw new java.io.IOException("client went away");
            }

            @Override
            public void onAllDataRead() {
                events.add("all read");
            }

            @Override
            public void onError(Throwable t) {
                events.add("error " + t.getMessage());
            }
        });

        assertThat(events).containsExactly("error client went away");
    }
}
