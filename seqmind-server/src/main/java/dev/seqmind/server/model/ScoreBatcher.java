package dev.seqmind.server.model;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.OcclusionExplainer;
import dev.seqmind.rec.Recommender;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A recommender whose scoring calls from many request threads are gathered into batched forward passes of the
 * wrapped model on one thread of its own: the thread takes the first waiting history, then whatever else arrives
 * within {@code maxWait} (at most {@code maxBatch} in all), scores them with one
 * {@link Recommender#scoreBatch scoreBatch} call and releases the callers. Under load the queue fills while a batch
 * runs, so batches grow with the load; a lone request waits at most {@code maxWait}. Request threads (virtual)
 * park while they wait instead of holding a carrier thread inside native code.
 *
 * <p>Thread-safe. {@link #close()} stops the thread (waiting callers get an exception) and closes the model.
 */
public final class ScoreBatcher implements Recommender {
    private record Pending(int[] history, float[] out, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(new int[0], new float[0], null);

    private final Recommender model;
    private final int maxBatch;
    private final long maxWaitNanos;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread worker;
    private final LongAdder batches = new LongAdder();
    private final LongAdder scored = new LongAdder();
    private volatile boolean closed;

    /**
     * @param maxBatch      most histories in one forward pass (>= 1)
     * @param maxWaitNanos  how long the first history of a batch waits for company (>= 0)
     */
    public ScoreBatcher(Recommender model, int maxBatch, long maxWaitNanos) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be >= 1, but got " + maxBatch);
        }
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWaitNanos must be >= 0, but got " + maxWaitNanos);
        }
        this.model = model;
        this.maxBatch = maxBatch;
        this.maxWaitNanos = maxWaitNanos;
        this.worker = Thread.ofPlatform().daemon().name("seqmind-score-" + model.name()).start(this::loop);
    }

    /** The wrapped model. */
    public Recommender model() {
        return model;
    }

    /** True once {@link #close()} stopped the scoring thread. */
    public boolean closed() {
        return closed && !worker.isAlive();
    }

    /** Forward passes run so far. */
    public long batches() {
        return batches.sum();
    }

    /** Histories scored so far (the mean batch size is this over {@link #batches()}). */
    public long scored() {
        return scored.sum();
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public IdMap items() {
        return model.items();
    }

    @Override
    public int numItems() {
        return model.numItems();
    }

    @Override
    public void score(int[] history, float[] out) {
        await(List.of(submit(history, out)));
    }

    @Override
    public void scoreBatch(int[][] histories, float[][] out) {
        List<CompletableFuture<Void>> all = new ArrayList<>(histories.length);
        for (int i = 0; i < histories.length; i++) {
            all.add(submit(histories[i], out[i]));
        }
        await(all);
    }

    @Override
    public Explanation explain(int[] history, int item) {
        return OcclusionExplainer.defaults().explain(this, history, item);
    }

    @Override
    public List<Explanation> explainAll(int[] history, int[] items) {
        return OcclusionExplainer.defaults().explainAll(this, history, items);
    }

    private CompletableFuture<Void> submit(int[] history, float[] out) {
        if (out.length < model.numItems()) {
            throw new IllegalArgumentException("out has length " + out.length + " < numItems " + model.numItems());
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (closed) {
            throw new IllegalStateException("model " + model.name() + " is closed");
        }
        queue.add(new Pending(history, out, done));
        return done;
    }

    private static void await(List<CompletableFuture<Void>> all) {
        for (CompletableFuture<Void> f : all) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the model", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void loop() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (true) {
            batch.clear();
            try {
                Pending first = queue.take();
                if (first == STOP) {
                    break;
                }
                batch.add(first);
                long deadline = System.nanoTime() + maxWaitNanos;
                while (batch.size() < maxBatch) {
                    Pending p = queue.poll();
                    if (p == null) {
                        long left = deadline - System.nanoTime();
                        p = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
                    }
                    if (p == null) {
                        break;
                    }
                    if (p == STOP) {
                        queue.add(STOP);
                        break;
                    }
                    batch.add(p);
                }
            } catch (InterruptedException e) {
                break;
            }
            run(batch);
        }
        for (Pending p; (p = queue.poll()) != null; ) {
            if (p != STOP) {
                p.done().completeExceptionally(new IllegalStateException("model " + model.name() + " is closed"));
            }
        }
    }

    private void run(List<Pending> batch) {
        int[][] h = new int[batch.size()][];
        float[][] out = new float[batch.size()][];
        for (int i = 0; i < h.length; i++) {
            h[i] = batch.get(i).history();
            out[i] = batch.get(i).out();
        }
        try {
            model.scoreBatch(h, out);
            batches.increment();
            scored.add(h.length);
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException | Error e) {
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /** Stops the scoring thread, then closes the wrapped model. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            queue.add(STOP);
            try {
                worker.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            model.close();
        }
    }
}
