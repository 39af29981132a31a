package org.marquee.server.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import ch.qos.logback.core.encoder.Encoder;
import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes log lines to standard output from one writer thread that wakes every {@value #INTERVAL_MS} ms and writes
 * what came in meanwhile in one {@code write}. A logging thread only adds its line to a lock-free queue: it takes no
 * lock, makes no system call and wakes nobody. logback's {@code ConsoleAppender} formats and writes every line on the
 * thread that logs it, under a lock, one system call per line; with a line per request, the request log cost 17–29 %
 * of the throughput on the contended hold workload, and this appender takes the lock and the system call off the
 * request threads (docs/BENCHMARKS.md, issue 17, tenth session; decision 0036).
 *
 * <p>Nothing is dropped: when {@code queueSize} lines wait, a logging thread waits for room (unless the writer itself
 * has died, when lines are dropped and that is reported once: logging never hangs the server). A line appears at most
 * {@value #INTERVAL_MS} ms after it is logged. Lines still queued when logback stops (the server's shutdown, see
 * {@code ServerMain}) are written before {@link #stop()} returns; a {@code kill -9} loses what is queued, at most the
 * last {@value #INTERVAL_MS} ms of lines.
 */
public final class BatchedConsoleAppender extends UnsynchronizedAppenderBase<ILoggingEvent> {

    static final long INTERVAL_MS = 20;
    static final String WRITER_LOST = "The log writer has stopped; log lines are lost from now on";
    private static final long STOP_WAIT_MS = 5_000;

    private final OutputStream out;
    private final Queue<ILoggingEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private Encoder<ILoggingEvent> encoder;
    private int queueSize = 65_536;
    private volatile boolean stopping;
    private volatile boolean writerLost;
    private Thread writer;

    public BatchedConsoleAppender() {
        this(new FileOutputStream(FileDescriptor.out));
    }

    BatchedConsoleAppender(OutputStream out) {
        this.out = out;
    }

    public void setEncoder(Encoder<ILoggingEvent> encoder) {
        this.encoder = encoder;
    }

    /** How many lines may wait for the writer before logging threads wait for room. */
    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    @Override
    public void start() {
        if (encoder == null) {
            addError("No encoder set for the appender named \"" + name + "\".");
            return;
        }
        if (queueSize < 1) {
            addError("queueSize must be at least 1, was " + queueSize);
            return;
        }
        stopping = false;
        writer = Thread.ofPlatform()
                .daemon()
                .name("marquee-log-writer")
                // an Error that kills the writer is reported here, once, as it happens, and goes no further: the JVM's
                // default handler would print it to stderr beside the log, and a test's would rethrow it elsewhere
                .uncaughtExceptionHandler((thread, error) -> {
                    writerLost = true;
                    addError(WRITER_LOST, error);
                })
                .start(this::writeUntilStopped);
        super.start();
    }

    @Override
    protected void append(ILoggingEvent event) {
        // the message, the MDC and the caller's thread name are taken now: the writer formats the line later
        event.prepareForDeferredProcessing();
        while (queued.get() >= queueSize && !stopping) {
            if (!writer.isAlive()) {
                // the writer died (an Error while formatting or writing): the server must not hang on its log
                if (!writerLost) {
                    writerLost = true;
                    addError(WRITER_LOST);
                }
                return;
            }
            LockSupport.unpark(writer);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        queued.incrementAndGet();
        queue.add(event);
    }

    private void writeUntilStopped() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        boolean failing = false;
        while (true) {
            boolean last = stopping;
            int lines = 0;
            for (ILoggingEvent event = queue.poll(); event != null; event = queue.poll()) {
                queued.decrementAndGet();
                lines++;
                try {
                    bytes.write(encoder.encode(event));
                } catch (IOException | RuntimeException e) {
                    addError("Could not format a log line", e);
                }
            }
            if (lines > 0) {
                try {
                    bytes.writeTo(out);
                    out.flush();
                    failing = false;
                } catch (IOException | RuntimeException e) {
                    // one report per run of failures, not one per line; the next batch tries again
                    if (!failing) {
                        addError("Could not write " + lines + " log lines to standard output", e);
                    }
                    failing = true;
                } finally {
                    bytes.reset();
                }
            }
            if (last) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        stopping = true;
        LockSupport.unpark(writer);
        try {
            writer.join(STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            addWarn("The log writer did not finish within " + STOP_WAIT_MS + " ms; lines may be missing");
        }
    }
}
