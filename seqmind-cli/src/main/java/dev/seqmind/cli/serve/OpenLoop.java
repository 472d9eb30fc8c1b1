package dev.seqmind.cli.serve;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;

/**
 * One open-loop stream of requests: request {@code i} is due at {@code start + i / rate} whatever the answers, and
 * is sent by one of a fixed number of connections (a worker each, one request at a time, as a pooled client or a
 * proxy would). Latency counts from the due moment, so time spent waiting for a free connection (the server was
 * slow) is counted, not omitted. What the generator itself adds is kept apart: how late the dispatcher handed a
 * request over ({@code dispatchLate}, its own scheduling on a busy machine) and the time from the actual send to the
 * answer ({@code service}).
 */
final class OpenLoop {
    /** The latencies of one stream. */
    record Stats(LatencyStats fromDue, LatencyStats service, LatencyStats dispatchLate) {
        Stats() {
            this(new LatencyStats(), new LatencyStats(), new LatencyStats());
        }
    }

    private record Task(long index, long due) {
    }

    private static final Task END = new Task(-1, 0);

    private final HttpClient client;
    private final int connections;
    private final int maxQueued;

    /**
     * @param connections  requests in flight at most (one worker each)
     * @param maxQueued    due requests waiting for a connection at most; more are counted as failed
     */
    OpenLoop(HttpClient client, int connections, int maxQueued) {
        this.client = client;
        this.connections = connections;
        this.maxQueued = maxQueued;
    }

    /** Starts the stream on its own threads; {@link Running#await} waits for every answer. */
    Running start(long start, int rate, long total, LongFunction<HttpRequest> request) {
        Stats stats = new Stats();
        BlockingQueue<Task> queue = new ArrayBlockingQueue<>(Math.max(1, maxQueued));
        List<Thread> workers = new ArrayList<>(connections);
        for (int c = 0; c < connections; c++) {
            workers.add(Thread.ofVirtual().start(() -> work(queue, request, stats)));
        }
        Thread dispatcher = Thread.ofPlatform().name("bench-dispatch-" + rate).start(() -> {
            for (long i = 0; i < total; i++) {
                long due = start + i * 1_000_000_000L / rate;
                long wait;
                while ((wait = due - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                stats.dispatchLate().add(System.nanoTime() - due);
                if (!queue.offer(new Task(i, due))) {
                    stats.fromDue().fail();
                }
            }
            for (int c = 0; c < connections; c++) {
                try {
                    queue.put(END);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        return new Running(stats, dispatcher, workers);
    }

    private void work(BlockingQueue<Task> queue, LongFunction<HttpRequest> request, Stats stats) {
        while (true) {
            Task t;
            try {
                t = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (t == END) {
                return;
            }
            long sent = System.nanoTime();
            try {
                HttpResponse<Void> r = client.send(request.apply(t.index()), HttpResponse.BodyHandlers.discarding());
                long now = System.nanoTime();
                if (r.statusCode() == 200) {
                    stats.fromDue().add(now - t.due());
                    stats.service().add(now - sent);
                } else {
                    stats.fromDue().fail();
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                stats.fromDue().fail();
            }
        }
    }

    /** A started stream. */
    record Running(Stats stats, Thread dispatcher, List<Thread> workers) {
        /** Waits until every request was answered or failed. */
        Stats await() throws InterruptedException {
            dispatcher.join();
            for (Thread w : workers) {
                w.join(TimeUnit.SECONDS.toMillis(60));
            }
            return stats;
        }
    }
}
