package dev.seqmind.server.experiment;

import dev.seqmind.rec.abtest.AbAnalysis;
import dev.seqmind.rec.abtest.Attribution;
import dev.seqmind.rec.abtest.Bucketing;
import dev.seqmind.rec.abtest.Msprt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One experiment in service: its definition, status, per-variant counters (exposures, clicks, conversions), the
 * bucketing, the attribution of events to its recommendations (and what of it changed since the last save, so the
 * recommendations awaiting attribution outlive a restart), and the running always-valid p-values. Thread-safe
 * (atomic counters and queues; looks, status changes and exposure bookkeeping synchronised).
 */
public final class Experiment {
    /** Recommendations kept per user for attribution. */
    static final int PER_USER = 32;

    private final Definition definition;
    private final Bucketing bucketing;
    private final Attribution attribution;
    private final AbAnalysis analysis;
    private final AtomicLongArray exposures;
    private final AtomicLongArray clicks;
    private final AtomicLongArray conversions;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Exposure> added = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Attribution.Hit> credited = new ConcurrentLinkedQueue<>();
    /** The oldest {@code at} the stored exposures may still have ({@link Long#MAX_VALUE}: none stored). */
    private long storedOldest = Long.MAX_VALUE;
    private long lastShown = Long.MIN_VALUE;
    private long expireBefore = Long.MIN_VALUE;
    private volatile Status status;
    private long startedAt;
    private long stoppedAt;
    private double[] pValues;

    /** What is persisted besides the definition. */
    public record Snapshot(String id, Status status, long startedAt, long stoppedAt, long[] exposures, long[] clicks,
                           long[] conversions, double[] pValues) {
    }

    /**
     * A recommendation awaiting attribution as it is stored: its user (the stored id), what was shown, and whether it
     * was already clicked and converted.
     */
    public record Exposure(String user, Attribution.Shown shown, boolean clicked, boolean converted) {
    }

    /**
     * What the stored exposures of one experiment need since the last save: the new ones, the credits given, and the
     * time before which stored ones have left the window ({@link Long#MIN_VALUE}: none to delete); all of them go
     * once the experiment is stopped.
     */
    public record ExposureChanges(String experimentId, List<Exposure> added, List<Attribution.Hit> credited,
                                  long expireBefore, boolean stopped) {
    }

    Experiment(Definition definition) {
        this(new Snapshot(definition.id(), Status.CREATED, 0, 0, new long[definition.variants().size()],
                new long[definition.variants().size()], new long[definition.variants().size()], null), definition,
                List.of());
    }

    /** An experiment as stored, with its recommendations awaiting attribution (oldest first). */
    Experiment(Snapshot s, Definition definition, List<Exposure> exposures) {
        this.definition = definition;
        int n = definition.variants().size();
        this.bucketing = new Bucketing(definition.salt(), definition.shares());
        this.attribution = new Attribution(definition.windowMillis(), definition.clickActions(),
                definition.conversionActions(), PER_USER);
        this.analysis = new AbAnalysis(definition.alpha(), 0.95, new Msprt(definition.mixingSd()));
        this.exposures = new AtomicLongArray(Arrays.copyOf(s.exposures(), n));
        this.clicks = new AtomicLongArray(Arrays.copyOf(s.clicks(), n));
        this.conversions = new AtomicLongArray(Arrays.copyOf(s.conversions(), n));
        this.status = s.status();
        this.startedAt = s.startedAt();
        this.stoppedAt = s.stoppedAt();
        this.pValues = s.pValues() == null ? null : s.pValues().clone();
        for (Exposure x : exposures) {
            attribution.restore(x.user(), x.shown(), x.clicked(), x.converted());
            storedOldest = Math.min(storedOldest, x.shown().at());
            lastShown = Math.max(lastShown, x.shown().at());
        }
    }

    public Definition definition() {
        return definition;
    }

    public String id() {
        return definition.id();
    }

    public Status status() {
        return status;
    }

    /** The index of {@code user}'s variant (sticky). */
    public int variant(String user) {
        return bucketing.variant(user);
    }

    /** {@code user} was shown {@code items} by {@code variant}: one exposure. */
    void shown(String user, String recommendationId, int variant, Collection<String> items, long now) {
        exposures.incrementAndGet(variant);
        Attribution.Shown shown = new Attribution.Shown(recommendationId, variant, Set.copyOf(items), now);
        attribution.restore(user, shown, false, false);
        added.add(new Exposure(user, shown, false, false));
        dirty.set(true);
    }

    /** Credits an event, if it follows one of this experiment's recommendations. */
    void event(String user, String item, String action, long now) {
        attribution.event(user, item, action, now).ifPresent(h -> {
            if (h.click()) {
                clicks.incrementAndGet(h.variant());
            }
            if (h.conversion()) {
                conversions.incrementAndGet(h.variant());
            }
            credited.add(h);
            dirty.set(true);
        });
    }

    void forget(String user) {
        attribution.forget(user);
        added.removeIf(x -> x.user().equals(user));
    }

    /** Drops recommendations past the window; asks for a save when stored ones have passed it too. */
    synchronized void expire(long now) {
        attribution.expire(now);
        long cutoff = now - definition.windowMillis();
        if (storedOldest < cutoff) {
            expireBefore = cutoff;
            dirty.set(true);
        }
    }

    /** The exposure changes to save now (taken: {@link #putBack} them when the save fails). */
    synchronized ExposureChanges takeExposures() {
        List<Exposure> a = new ArrayList<>();
        for (Exposure x; (x = added.poll()) != null; ) {
            a.add(x);
            storedOldest = Math.min(storedOldest, x.shown().at());
            lastShown = Math.max(lastShown, x.shown().at());
        }
        List<Attribution.Hit> c = new ArrayList<>();
        for (Attribution.Hit h; (h = credited.poll()) != null; ) {
            c.add(h);
        }
        long before = expireBefore;
        expireBefore = Long.MIN_VALUE;
        if (before != Long.MIN_VALUE) {
            storedOldest = lastShown < before ? Long.MAX_VALUE : before; // every stored one gone, or some left
        }
        boolean stopped = status == Status.STOPPED;
        if (stopped) {
            storedOldest = Long.MAX_VALUE;
        }
        return new ExposureChanges(id(), a, c, before, stopped);
    }

    /** Queues changes again whose save failed. */
    synchronized void putBack(ExposureChanges x) {
        added.addAll(x.added());
        credited.addAll(x.credited());
        if (x.expireBefore() != Long.MIN_VALUE) {
            expireBefore = Math.max(expireBefore, x.expireBefore());
            storedOldest = Math.min(storedOldest, x.expireBefore() - 1);
        }
        dirty.set(true);
    }

    synchronized void status(Status next, long now) {
        if (next == Status.RUNNING && startedAt == 0) {
            startedAt = now;
        }
        if (next == Status.STOPPED) {
            stoppedAt = now;
        }
        status = next;
        dirty.set(true);
    }

    /** Looks at the counts now (the running p-values take this look into account). */
    public synchronized AbAnalysis.Result look() {
        List<AbAnalysis.Arm> arms = new ArrayList<>();
        for (int i = 0; i < definition.variants().size(); i++) {
            arms.add(new AbAnalysis.Arm(definition.variants().get(i).name(), exposures.get(i), clicks.get(i),
                    conversions.get(i)));
        }
        AbAnalysis.Result r = analysis.analyze(arms, pValues);
        if (!Arrays.equals(pValues, r.pValues())) {
            pValues = r.pValues();
            dirty.set(true);
        }
        return r;
    }

    /** The persisted state now; {@code clearDirty} marks it saved. */
    synchronized Snapshot snapshot() {
        int n = definition.variants().size();
        long[] e = new long[n];
        long[] c = new long[n];
        long[] v = new long[n];
        for (int i = 0; i < n; i++) {
            e[i] = exposures.get(i);
            c[i] = clicks.get(i);
            v[i] = conversions.get(i);
        }
        return new Snapshot(id(), status, startedAt, stoppedAt, e, c, v, pValues == null ? null : pValues.clone());
    }

    /** True (and cleared) when something changed since the last call. */
    boolean takeDirty() {
        return dirty.getAndSet(false);
    }

    public synchronized long startedAt() {
        return startedAt;
    }

    public synchronized long stoppedAt() {
        return stoppedAt;
    }
}
