package dev.seqmind.spark.cli;

import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Adds up what the finished tasks of a session wrote to shuffle files and the most execution memory one task took
 * (Spark's own task metrics), for {@code bench}. {@link #take()} returns the figures since the last call. Thread-safe.
 */
final class ShuffleMeter extends SparkListener {
    private final AtomicLong shuffleBytes = new AtomicLong();
    private final AtomicLong shuffleRecords = new AtomicLong();
    private final AtomicLong peakTaskBytes = new AtomicLong();
    private final AtomicLong tasks = new AtomicLong();

    /** Shuffle bytes and records written, the largest peak execution memory of a task, and the tasks counted. */
    record Figures(long shuffleBytes, long shuffleRecords, long peakTaskBytes, long tasks) {
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        TaskMetrics m = end.taskMetrics();
        if (m == null) {
            return;
        }
        shuffleBytes.addAndGet(m.shuffleWriteMetrics().bytesWritten());
        shuffleRecords.addAndGet(m.shuffleWriteMetrics().recordsWritten());
        peakTaskBytes.accumulateAndGet(m.peakExecutionMemory(), Math::max);
        tasks.incrementAndGet();
    }

    /** The figures since the last call; waits briefly for the listener bus to deliver the last task ends. */
    Figures take() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return new Figures(shuffleBytes.getAndSet(0), shuffleRecords.getAndSet(0), peakTaskBytes.getAndSet(0),
                tasks.getAndSet(0));
    }
}
