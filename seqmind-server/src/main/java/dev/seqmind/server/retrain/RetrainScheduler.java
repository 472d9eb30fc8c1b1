package dev.seqmind.server.retrain;

import dev.seqmind.data.progress.Progress;
import dev.seqmind.server.model.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a {@link RetrainCycle} every period on one background thread of its own (store, append, fit, compare, swap):
 * request threads never wait for it. The serving model is leased for the comparison, so a swap meanwhile cannot
 * close it; a win is promoted through the registry's atomic swap. A cycle that fails is logged and the current
 * model keeps serving; the next cycle runs on time. Cycles never overlap.
 */
public final class RetrainScheduler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RetrainScheduler.class);

    private final RetrainCycle cycle;
    private final ModelRegistry models;
    private final ScheduledExecutorService executor;
    private final AtomicReference<String> last = new AtomicReference<>("no cycle yet");

    public RetrainScheduler(RetrainCycle cycle, ModelRegistry models) {
        this.cycle = cycle;
        this.models = models;
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seqmind-retrain");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
    }

    /** Starts the schedule: the first cycle after one period, then every period. */
    public RetrainScheduler start(Duration every) {
        long ms = every.toMillis();
        executor.scheduleWithFixedDelay(this::runOnce, ms, ms, TimeUnit.MILLISECONDS);
        LOG.info("retraining {} every {} (dataset {}, stores {})", cycle.name(), every, cycle.dataset(),
                cycle.stores());
        return this;
    }

    /** One cycle now, on the caller's thread; never throws. Returns a line saying what happened. */
    public String runOnce() {
        String outcome;
        try (var lease = models.lease(cycle.name()).orElseThrow(() -> new IllegalStateException(
                "no model called '" + cycle.name() + "' is served"))) {
            RetrainCycle.Result r = cycle.run(lease.model().loaded(), this::promote, Progress.NONE);
            outcome = "retrain " + cycle.name() + ": +" + r.appended() + " events; " + r.decision().reason()
                    + (r.promotedAs() == null ? "" : "; now serving " + r.promotedAs()) + " (record "
                    + r.decisionFile() + ")";
            LOG.info(outcome);
        } catch (Exception | LinkageError e) {
            outcome = "retrain " + cycle.name() + " failed, the current model keeps serving: " + e;
            LOG.warn(outcome);
        }
        last.set(outcome);
        return outcome;
    }

    private String promote(String name, java.nio.file.Path dir) throws java.io.IOException {
        var m = models.load(name, dir);
        return name + " version " + m.version();
    }

    /** What the last cycle did. */
    public String last() {
        return last.get();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
