package org.marquee.server.logging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class BatchedConsoleAppenderTest {

    private final LoggerContext context = new LoggerContext();

    BatchedConsoleAppenderTest() {
        // the MDC the logging threads write to, as in the server's own context
        context.setMDCAdapter(MDC.getMDCAdapter());
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    /** Standard output as the test sees it: what was written, and how many writes it took. */
    private static final class Output extends OutputStream {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final AtomicInteger writes = new AtomicInteger();
        private final AtomicBoolean broken = new AtomicBoolean();

        @Override
        public synchronized void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (broken.get()) {
                throw new IOException("Broken pipe");
            }
            writes.incrementAndGet();
            bytes.write(b, off, len);
        }

        synchronized List<String> lines() {
            String text = bytes.toString(StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
        }
    }

    private Logger logger(Output output, int queueSize) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern("requestId=%X{requestId:--} %msg%n");
        encoder.start();
        BatchedConsoleAppender appender = new BatchedConsoleAppender(output);
        appender.setContext(context);
        appender.setName("STDOUT");
        appender.setEncoder(encoder);
        appender.setQueueSize(queueSize);
        appender.start();
        Logger logger = context.getLogger("test");
        logger.addAppender(appender);
        return logger;
    }

    @Test
    void everyLineOfManyThreadsIsWrittenOnceInEachThreadsOrderWithItsOwnRequestId() throws Exception {
        Output output = new Output();
        // a small queue, so that loggers wait for room: nothing may be dropped when they do
        Logger logger = logger(output, 64);
        int threads = 8;
        int perThread = 5_000;
        List<Thread> loggers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            loggers.add(Thread.ofVirtual().start(() -> {
                for (int i = 0; i < perThread; i++) {
                    MDC.put("requestId", "r" + id + "-" + i);
                    logger.info("event=request thread={} n={}", id, i);
                    MDC.clear();
                }
            }));
        }
        for (Thread thread : loggers) {
            thread.join();
        }
        context.stop();

        List<String> lines = output.lines();
        assertThat(lines).hasSize(threads * perThread);
        int[] next = new int[threads];
        for (String line : lines) {
            String[] parts = line.split(" ");
            int thread = Integer.parseInt(parts[2].substring("thread=".length()));
            int n = Integer.parseInt(parts[3].substring("n=".length()));
            assertThat(n).as("line %s in its thread's order", line).isEqualTo(next[thread]);
            assertThat(parts[0]).isEqualTo("requestId=r" + thread + "-" + n);
            next[thread]++;
        }
        assertThat(output.writes.get())
                .as("lines that came in while the writer wrote share a write")
                .isLessThan(lines.size());
    }

    @Test
    void aLineLoggedAtIdleIsWrittenWithoutWaitingForMore() {
        Output output = new Output();
        Logger logger = logger(output, 8192);
        logger.info("event=server_started port=21700");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> output.lines().equals(List.of("requestId=- event=server_started port=21700")));
    }

    @Test
    void linesStillQueuedWhenLogbackStopsAreWrittenBeforeStopReturns() {
        Output output = new Output();
        Logger logger = logger(output, 100_000);
        for (int i = 0; i < 50_000; i++) {
            logger.info("event=request n={}", i);
        }
        context.stop();
        assertThat(output.lines()).hasSize(50_000).last().isEqualTo("requestId=- event=request n=49999");
    }

    @Test
    void aFailingOutputIsReportedOnceAndLinesAfterItRecoversAreWritten() {
        Output output = new Output();
        Logger logger = logger(output, 8192);
        output.broken.set(true);
        for (int i = 0; i < 100; i++) {
            logger.info("event=lost n={}", i);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> errors().size() == 1);
        assertThat(errors().getFirst().getMessage())
                .startsWith("Could not write")
                .endsWith("log lines to standard output");

        output.broken.set(false);
        logger.info("event=back");
        await().atMost(Duration.ofSeconds(5)).until(() -> output.lines().contains("requestId=- event=back"));
        assertThat(errors()).hasSize(1);
    }

    @Test
    void aWriterKilledByAnErrorNeverHangsTheThreadsThatLog() {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder() {
            @Override
            public byte[] encode(ILoggingEvent event) {
                throw new OutOfMemoryError("Java heap space");
            }
        };
        encoder.setContext(context);
        encoder.setPattern("%msg%n");
        encoder.start();
        BatchedConsoleAppender appender = new BatchedConsoleAppender(new Output());
        appender.setContext(context);
        appender.setName("STDOUT");
        appender.setEncoder(encoder);
        appender.setQueueSize(16);
        appender.start();
        Logger logger = context.getLogger("test");
        logger.addAppender(appender);

        List<Throwable> escaped = new CopyOnWriteArrayList<>();
        Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
        Thread.setDefaultUncaughtExceptionHandler((thread, error) -> escaped.add(error));
        try {
            Thread logging = Thread.ofVirtual().start(() -> {
                for (int i = 0; i < 1_000; i++) {
                    logger.info("event=request n={}", i);
                }
            });
            await().atMost(Duration.ofSeconds(10)).dontCatchUncaughtExceptions().until(() -> !logging.isAlive());
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(before);
        }
        assertThat(errors())
                .extracting(Status::getMessage)
                .as("reported once, when the writer died")
                .containsOnlyOnce(BatchedConsoleAppender.WRITER_LOST);
        assertThat(errors().getFirst().getThrowable()).isInstanceOf(OutOfMemoryError.class);
        // before, the Error reached the default handler: under awaitility, which rethrows what it catches there, it
        // ended the whole test run (a surefire fork lost to "OutOfMemoryError: Java heap space")
        assertThat(escaped).as("errors that left the writer thread").isEmpty();
    }

    @Test
    void withoutAnEncoderTheAppenderSaysSoAndDoesNotStart() {
        BatchedConsoleAppender appender = new BatchedConsoleAppender(new Output());
        appender.setContext(context);
        appender.setName("STDOUT");
        appender.start();
        assertThat(appender.isStarted()).isFalse();
        assertThat(errors())
                .extracting(Status::getMessage)
                .containsExactly("No encoder set for the appender named \"STDOUT\".");
    }

    private List<Status> errors() {
        return context.getStatusManager().getCopyOfStatusList().stream()
                .filter(status -> status.getLevel() == Status.ERROR)
                .toList();
    }
}
