package dev.mstudio.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mstudio.client.JobKind;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Core never prints: a closed Jobs must fail quietly, without Caffeine logging refused tasks. */
class JobsClosedTest {
    private final Logger caffeineLog = Logger.getLogger("com.github.benmanes.caffeine");
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        caffeineLog.addHandler(recorder);
    }

    @AfterEach
    void stopListening() {
        caffeineLog.removeHandler(recorder);
    }

    @Test
    void page_afterExecutorShutDown_failsQuietlyWithoutLogging() throws Exception {
        ClosingExecutor executor = new ClosingExecutor();
        FakeClient client = new FakeClient().withImports(30);
        Jobs jobs = Jobs.builder(client).executor(executor).build();
        jobs.page(JobQuery.of(JobKind.IMPORT));

        executor.closed = true;

        assertThatThrownBy(() -> jobs.page(JobQuery.of(JobKind.IMPORT).withPage(2)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("job paging is closed");
        assertThat(jobs.page(JobQuery.of(JobKind.IMPORT)).items()).hasSize(10);
        assertThat(logged).filteredOn(r -> r.getLevel().intValue() >= Level.WARNING.intValue()).isEmpty();
    }

    /** Runs tasks inline until closed, then refuses them as a shut-down pool does. */
    private static final class ClosingExecutor implements Executor {
        volatile boolean closed;

        @Override
        public void execute(Runnable task) {
            if (closed) {
                throw new RejectedExecutionException("shut down");
            }
            task.run();
        }
    }
}
