package org.marquee.kiosk.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Background work handed back on the UI thread, and what becomes of work asked for while the terminal closes. */
class TasksTest {

    @Test
    void workAskedForAfterCloseIsDroppedWithoutAnErrorAndTheTerminalIsNotLeftBusy() {
        Tasks tasks = new Tasks(UiThread.DIRECT);
        tasks.close();
        List<String> answers = new ArrayList<>();

        // what a reconnect queued on the UI thread just before the window closed asks for
        assertThatCode(() -> tasks.run(() -> "showtimes", answers::add, problem -> answers.add("failed")))
                .doesNotThrowAnyException();
        assertThatCode(() -> tasks.fireAndForget(() -> answers.add("released"))).doesNotThrowAnyException();

        assertThat(tasks.busyProperty().get()).isFalse();
        assertThat(answers).isEmpty();
    }

    @Test
    void workAskedForBeforeCloseAnswersOnTheUiThreadAndEndsBusy() throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(1);
        List<String> answers = new ArrayList<>();
        try (Tasks tasks = new Tasks(UiThread.DIRECT)) {
            tasks.run(
                    () -> "showtimes",
                    answer -> {
                        answers.add(answer);
                        answered.countDown();
                    },
                    problem -> answered.countDown());
            assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(answers).containsExactly("showtimes");
            assertThat(tasks.busyProperty().get()).isFalse();
        }
    }
}
