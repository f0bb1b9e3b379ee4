package dev.mstudio.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

class PollLoopTest {
    private final TestScheduler scheduler = new TestScheduler();
    private final Deque<Duration> answers = new ArrayDeque<>();
    private final List<Runnable> duringCycle = new ArrayList<>();
    private int cycles;
    private final PollLoop loop = new PollLoop(scheduler, this::cycle, Duration.ofMinutes(1));

    private Duration cycle() {
        cycles++;
        List<Runnable> actions = List.copyOf(duringCycle);
        duringCycle.clear();
        actions.forEach(Runnable::run);
        return answers.poll();
    }

    @Test
    void wake_whileACycleDecidesToIdle_startsAnotherCycle() {
        duringCycle.add(() -> loop.wake(false));
        loop.wake(false);

        scheduler.runDue();

        assertThat(cycles).isEqualTo(2);
        assertThat(loop.idle()).isTrue();
    }

    @Test
    void wakeSoon_bringsAScheduledCycleForward_andTheCalledOffRunDoesNothing() {
        answers.add(Duration.ofSeconds(30));
        answers.add(Duration.ofSeconds(30));
        loop.wake(false);
        scheduler.runDue();

        loop.wake(true);
        scheduler.runDue();
        scheduler.advance(Duration.ofSeconds(29));

        assertThat(cycles).isEqualTo(2);
        assertThat(scheduler.pending()).isEqualTo(1);
    }

    @Test
    void cycleThatThrows_isRescheduledAfterTheFallback() {
        duringCycle.add(() -> {
            throw new IllegalStateException("bug");
        });
        loop.wake(false);
        scheduler.runDue();

        assertThat(scheduler.nextDelay()).contains(Duration.ofMinutes(1));
        assertThat(loop.lastDelay()).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void close_stopsForGood() {
        answers.add(Duration.ofSeconds(5));
        loop.wake(false);
        scheduler.runDue();

        loop.close();
        loop.wake(true);
        scheduler.advance(Duration.ofMinutes(5));

        assertThat(cycles).isEqualTo(1);
        assertThat(loop.idle()).isTrue();
    }
}
