package dev.seqmind.server.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.server.store.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The experiments of one server: creates, starts and stops them, assigns a user of a recommendation request to the
 * oldest running experiment and its variant, records what was shown, credits committed events, and saves counters
 * to the {@link ExperimentStore} every {@code flushMillis} (and at every status change and at close), together with
 * the recommendations awaiting attribution (who was shown what, when, and whether it was already credited), so both
 * survive a restart: an event after it is still credited to a recommendation served before it, within the window.
 * A crash loses at most the last interval's counts and recommendations. Thread-safe.
 */
public final class Experiments implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Experiments.class);

    private final ExperimentStore store;
    private final Supplier<Set<String>> models;
    private final LongSupplier clock;
    private final SecureRandom random = new SecureRandom();
    private final CopyOnWriteArrayList<Experiment> all = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.ConcurrentLinkedQueue<String> erased =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService flusher;

    /** A request's experiment, variant index, variant name and the model that serves it. */
    public record Assignment(Experiment experiment, int variant, String name, String model) {
    }

    /**
     * @param store        where experiments are kept; those stored are loaded now
     * @param models       the names of the loaded models (checked when defining and starting)
     * @param clock        epoch milliseconds, for attribution windows
     * @param flushMillis  how often counters are saved
     */
    public Experiments(ExperimentStore store, Supplier<Set<String>> models, LongSupplier clock, long flushMillis) {
        this.store = store;
        this.models = models;
        this.clock = clock;
        for (ExperimentStore.Stored s : store.load()) {
            all.add(new Experiment(s.snapshot(), s.definition(), s.exposures()));
        }
        this.flusher = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                .name("seqmind-experiments").unstarted(r));
        flusher.scheduleWithFixedDelay(this::tick, flushMillis, flushMillis, TimeUnit.MILLISECONDS);
    }

    /** Defines a new experiment (status created) from a request body; refuses a bad field by name. */
    public Experiment create(JsonNode body) {
        byte[] id = new byte[6];
        random.nextBytes(id);
        Definition d = new DefinitionParser(models.get(), random).parse(body, "exp-" + HexFormat.of().formatHex(id),
                clock.getAsLong());
        store.insert(d);
        Experiment e = new Experiment(d);
        all.add(e);
        return e;
    }

    /** Starts bucketing and counting; refused once stopped or when a variant's model is no longer loaded. */
    public Experiment start(String id) {
        Experiment e = require(id);
        synchronized (e) {
            if (e.status() == Status.STOPPED) {
                throw new IllegalStateException("experiment " + id + " is stopped; define a new one");
            }
            Set<String> loaded = models.get();
            for (int i = 0; i < e.definition().variants().size(); i++) {
                String m = e.definition().variants().get(i).model();
                if (!loaded.contains(m)) {
                    throw new InvalidDefinitionException("variants[" + i + "].model", "model '" + m
                            + "' is not loaded any more");
                }
            }
            e.status(Status.RUNNING, clock.getAsLong());
        }
        save(e);
        return e;
    }

    /** Stops an experiment for good (its counts and verdict stay). */
    public Experiment stop(String id) {
        Experiment e = require(id);
        synchronized (e) {
            if (e.status() != Status.STOPPED) {
                e.status(Status.STOPPED, clock.getAsLong());
            }
        }
        save(e);
        return e;
    }

    public List<Experiment> list() {
        return List.copyOf(all);
    }

    public Optional<Experiment> get(String id) {
        return all.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private Experiment require(String id) {
        return get(id).orElseThrow(() -> new java.util.NoSuchElementException("no experiment '" + id + "'"));
    }

    /**
     * The oldest running experiment's variant for {@code user} (the stored id), or {@code null} when none runs. An
     * experiment whose variant's model is not loaded (the server restarted without it) is passed over, so the request
     * is still answered.
     */
    public Assignment assign(String user) {
        Set<String> loaded = null;
        for (Experiment e : all) {
            if (e.status() == Status.RUNNING) {
                int v = e.variant(user);
                Definition.Variant var = e.definition().variants().get(v);
                loaded = loaded == null ? models.get() : loaded;
                if (loaded.contains(var.model())) {
                    return new Assignment(e, v, var.name(), var.model());
                }
            }
        }
        return null;
    }

    /** What a recommendation served inside an experiment carries back to the caller. */
    public record Served(String recommendationId, String experiment, String variant) {
    }

    /** Records that the assigned variant served {@code items} to {@code user}; returns the ids the answer carries. */
    public Served served(Assignment a, String user, List<String> items) {
        byte[] rid = new byte[12];
        random.nextBytes(rid);
        String id = "rec-" + HexFormat.of().formatHex(rid);
        a.experiment().shown(user, id, a.variant(), items, clock.getAsLong());
        return new Served(id, a.experiment().id(), a.name());
    }

    /** Credits committed events to the running experiments' recommendations. */
    public void observe(List<Event> events) {
        long now = clock.getAsLong();
        for (Experiment e : all) {
            if (e.status() == Status.RUNNING) {
                for (Event ev : events) {
                    e.event(ev.user(), ev.item(), ev.action(), now);
                }
            }
        }
    }

    /** Forgets an erased user's recommendations, in memory and (now, or at the next save if that fails) stored. */
    public void forget(String user) {
        all.forEach(e -> e.forget(user));
        erased.add(user);
        try {
            flush();
        } catch (RuntimeException ex) {
            LOG.warn("erasing stored recommendations failed (retried at the next interval): {}", ex.getMessage());
        }
    }

    /** A scheduled look, expiry and save (package-private so tests can run one at a chosen clock). */
    void tick() {
        try {
            long now = clock.getAsLong();
            for (Experiment e : all) {
                if (e.status() == Status.RUNNING) {
                    e.look(); // a scheduled look: the running p-value sees the data as it arrives
                    e.expire(now);
                }
            }
            flush();
        } catch (RuntimeException ex) {
            LOG.warn("saving experiment counters failed (retried at the next interval): {}", ex.getMessage());
        }
    }

    /**
     * Saves every experiment that changed, with its exposure changes, and pending erasures. One save at a time (the
     * flusher, an erasure, a start or stop), so an older snapshot never overwrites a newer one.
     */
    public synchronized void flush() {
        List<Experiment.Snapshot> changed = new ArrayList<>();
        List<Experiment.ExposureChanges> exposures = new ArrayList<>();
        List<Experiment> taken = new ArrayList<>();
        for (Experiment e : all) {
            if (e.takeDirty()) {
                changed.add(e.snapshot());
                exposures.add(e.takeExposures());
                taken.add(e);
            }
        }
        List<String> users = new ArrayList<>();
        for (String u; (u = erased.poll()) != null; ) {
            users.add(u);
        }
        try {
            store.save(changed, exposures, users);
        } catch (RuntimeException ex) {
            for (int i = 0; i < taken.size(); i++) {
                taken.get(i).putBack(exposures.get(i));
            }
            erased.addAll(users);
            throw ex;
        }
    }

    private synchronized void save(Experiment e) {
        e.takeDirty();
        Experiment.ExposureChanges x = e.takeExposures();
        try {
            store.save(List.of(e.snapshot()), List.of(x), List.of());
        } catch (RuntimeException ex) {
            e.putBack(x);
            throw ex;
        }
    }

    @Override
    public void close() {
        flusher.shutdownNow();
        try {
            flusher.awaitTermination(5, TimeUnit.SECONDS);
            flush();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("saving experiment counters at close failed: {}", e.getMessage());
        } finally {
            store.close();
        }
    }
}
