package dev.seqmind.cli.rec;

import dev.seqmind.data.progress.Progress;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/** Logs a line per task start and end, and at most one progress line every few seconds. Thread-safe. */
final class StderrProgress implements Progress {
    private final PrintStream out;

    StderrProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public Task start(String name, long total, String unit) {
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        AtomicLong lastLog = new AtomicLong(t0);
        return new Task() {
            @Override
            public void advance(long units) {
                long d = done.addAndGet(units);
                long now = System.nanoTime();
                long last = lastLog.get();
                if (now - last > 5_000_000_000L && lastLog.compareAndSet(last, now)) {
                    out.printf(Locale.ROOT, "  %s: %d/%d %s%n", name, d, total, unit);
                }
            }

            @Override
            public void status(String text) {
            }

            @Override
            public void close() {
                out.printf(Locale.ROOT, "  %s: %d %s in %.1fs%n", name, done.get(), unit,
                        (System.nanoTime() - t0) / 1e9);
            }
        };
    }
}
