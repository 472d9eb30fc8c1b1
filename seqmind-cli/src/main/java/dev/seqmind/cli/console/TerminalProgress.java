package dev.seqmind.cli.console;

import dev.seqmind.data.progress.Progress;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on stderr: a redrawn bar with rate and ETA on a terminal, a log line every few seconds otherwise (CI,
 * pipes), nothing with {@code --quiet}. Thread-safe: workers advance concurrently, drawing is throttled.
 */
public final class TerminalProgress implements Progress {
    private static final long REDRAW_NANOS = 200_000_000L;
    private static final long LOG_NANOS = 5_000_000_000L;

    private final PrintStream err;
    private final boolean interactive;
    private final boolean quiet;

    public TerminalProgress(PrintStream err, boolean quiet) {
        this.err = err;
        this.interactive = System.console() != null && System.getenv("CI") == null;
        this.quiet = quiet;
    }

    public static TerminalProgress stderr(boolean quiet) {
        return new TerminalProgress(System.err, quiet);
    }

    @Override
    public Task start(String name, long total, String unit) {
        return quiet ? Task.NONE : new Bar(name, total, unit);
    }

    @Override
    public void note(String line) {
        if (!quiet) {
            synchronized (err) {
                err.println(line);
            }
        }
    }

    private final class Bar implements Task {
        private final String name;
        private final long total;
        private final String unit;
        private final long started = System.nanoTime();
        private final AtomicLong done = new AtomicLong();
        private volatile String status = "";
        private long lastDraw;

        Bar(String name, long total, String unit) {
            this.name = name;
            this.total = total;
            this.unit = unit;
        }

        @Override
        public void advance(long units) {
            done.addAndGet(units);
            maybeDraw(false);
        }

        @Override
        public void status(String text) {
            status = text;
            maybeDraw(false);
        }

        @Override
        public void close() {
            maybeDraw(true);
            if (interactive) {
                err.println();
            }
        }

        /** Counts in the task's unit; bytes as MiB. */
        private String amount(long n) {
            return "bytes".equals(unit) ? String.format("%,.1f MiB", n / 1048576.0) : String.format("%,d %s", n, unit);
        }

        private synchronized void maybeDraw(boolean last) {
            long now = System.nanoTime();
            if (!last && now - lastDraw < (interactive ? REDRAW_NANOS : LOG_NANOS)) {
                return;
            }
            if (lastDraw == 0 && !last && !interactive) {
                lastDraw = now; // no line for work that finishes within the first interval
                return;
            }
            lastDraw = now;
            long d = done.get();
            double secs = Math.max(1e-9, (now - started) / 1e9);
            double rate = d / secs;
            StringBuilder sb = new StringBuilder();
            sb.append(name).append(' ');
            if (total > 0) {
                double f = Math.min(1, d / (double) total);
                int width = 24;
                int filled = (int) Math.round(f * width);
                sb.append('[').append("#".repeat(filled)).append("-".repeat(width - filled)).append("] ");
                sb.append(String.format("%3.0f%% %s/%s", f * 100, amount(d), amount(total)));
                if (!last && rate > 0 && d < total) {
                    sb.append(String.format(" ETA %s", eta((total - d) / rate)));
                }
            } else {
                sb.append(amount(d));
            }
            sb.append(' ').append(amount((long) rate)).append("/s ").append(elapsed(secs));
            if (!status.isEmpty()) {
                sb.append("  ").append(status);
            }
            if (interactive) {
                err.print("\r\u001b[2K" + sb);
            } else {
                err.println(sb);
            }
            err.flush();
        }
    }

    private static String eta(double seconds) {
        long s = (long) seconds;
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
    }

    private static String elapsed(double seconds) {
        return String.format("(%.1fs)", seconds);
    }
}
