package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PacerTest {
    private final Pacer pacer = new Pacer(Pacer.Intervals.defaults());

    @Test
    void afterError_retryAfterLongerThanTheBackoff_isHonouredUpToTheMaximum() {
        assertThat(pacer.afterError(true, Duration.ofSeconds(45))).isEqualTo(Duration.ofSeconds(45));
        assertThat(pacer.afterError(true, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(2));
        assertThat(pacer.afterError(false, Duration.ofSeconds(1))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void afterSuccess_resetsTheErrorCount() {
        pacer.afterError(false, null);
        pacer.afterError(false, null);

        assertThat(pacer.afterSuccess(false)).isEqualTo(Duration.ofSeconds(5));
        assertThat(pacer.consecutiveErrors()).isZero();
        assertThat(pacer.afterError(false, null)).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void intervals_outOfOrder_areRejected() {
        assertThatThrownBy(() -> new Pacer.Intervals(Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(30), Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Pacer.Intervals(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(30),
                Duration.ofMinutes(2))).isInstanceOf(IllegalArgumentException.class);
    }
}
