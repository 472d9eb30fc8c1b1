package dev.seqmind.cli.train;

import dev.seqmind.data.progress.Progress;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress on a terminal (a redrawn bar) or, when output is not a terminal, a line every {@code intervalMillis}.
 * Thread-safe.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream out;
    private final boolean terminal;
    private final long intervalMillis;

    ConsoleProgress(PrintStream out, boolean terminal, long intervalMillis) {
        this.out = out;
        this.terminal = terminal;
        this.intervalMillis = intervalMillis;
    }

    @Override
    public Task start(String name, long total, String unit) {
        return new Task() {
            private final AtomicLong done = new AtomicLong();
            private volatile String status = "";
            private volatile long lastDraw;

            @Override
            public void advance(long units) {
                done.addAndGet(units);
                draw(false);
            }

            @Override
            public void status(String text) {
                status = text;
                draw(false);
            }

            private synchronized void draw(boolean last) {
                long now = System.currentTimeMillis();
                long every = terminal ? 200 : intervalMillis;
                if (!last && now - lastDraw < every) {
                    return;
                }
                lastDraw = now;
                long d = done.get();
                String pct = total > 0 ? String.format("%3d%%", 100 * d / total) : "";
                if (terminal) {
                    int width = 30;
                    int fill = total > 0 ? (int) (width * d / total) : 0;
                    out.print("\r" + name + " [" + "#".repeat(fill) + " ".repeat(width - fill) + "] " + pct + " "
                            + status + "   ");
                    if (last) {
                        out.println();
                    }
                } else {
                    out.println(name + " " + pct + " " + d + "/" + total + " " + unit + " " + status);
                }
                out.flush();
            }

            @Override
            public void close() {
                draw(true);
            }
        };
    }
}
