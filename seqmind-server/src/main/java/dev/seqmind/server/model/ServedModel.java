package dev.seqmind.server.model;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.serve.SequenceEncoder;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;
import dev.seqmind.rec.topk.Recommendations;
import dev.seqmind.server.live.ItemDictionary;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One loaded model directory in service: the model, its metadata and catalog, a shared {@link Recommendations}
 * (pooled scratch), items by category, and the translation from server item ids to the model's dense ids (extended
 * as new items arrive). Reference-counted: the registry holds one reference, each request one more; the model is
 * closed when the count reaches zero. Thread-safe.
 */
public final class ServedModel {
    private final String name;
    private final ModelDirectory.Loaded loaded;
    private final Recommender scorer;
    private final Recommendations recommendations;
    private final Instant loadedAt;
    private final long version;
    private final Map<String, int[]> byCategory;
    private final AtomicInteger refs = new AtomicInteger(1);
    private final EncodedHistories encoded;
    private volatile int[] toModel = new int[0];
    private final boolean hasText;
    private TextSide text;
    private boolean textOpened;

    public ServedModel(String name, ModelDirectory.Loaded loaded, long version) {
        this(name, loaded, loaded.model(), version);
    }

    /**
     * @param scorer  what scores for requests: the loaded model itself or a wrapper of it (a {@link ScoreBatcher}),
     *                closed before the directory when the model retires
     */
    public ServedModel(String name, ModelDirectory.Loaded loaded, Recommender scorer, long version) {
        this(name, loaded, scorer, version, 0);
    }

    /**
     * @param encodedUsers  when the scorer is a {@link SequenceEncoder}: most users whose encoded live history is
     *                      kept between requests ({@link #scorerFor}); 0 keeps none
     */
    public ServedModel(String name, ModelDirectory.Loaded loaded, Recommender scorer, long version,
                       int encodedUsers) {
        if (encodedUsers < 0) {
            throw new IllegalArgumentException("encodedUsers must be >= 0, but got " + encodedUsers);
        }
        this.encoded = encodedUsers > 0 && scorer instanceof SequenceEncoder ? new EncodedHistories(encodedUsers)
                : null;
        this.name = name;
        this.loaded = loaded;
        this.scorer = scorer;
        this.recommendations = new Recommendations(scorer);
        this.loadedAt = Instant.now();
        this.version = version;
        IdMap items = loaded.model().items();
        Map<String, List<Integer>> cats = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            int dense = i;
            loaded.catalog().get(items.externalId(i)).categories()
                    .forEach(c -> cats.computeIfAbsent(c, k -> new java.util.ArrayList<>()).add(dense));
        }
        Map<String, int[]> m = new HashMap<>();
        cats.forEach((c, l) -> m.put(c, l.stream().mapToInt(Integer::intValue).toArray()));
        this.byCategory = Map.copyOf(m);
        this.hasText = TextSide.supports(loaded.model(), loaded.dir());
    }

    public String name() {
        return name;
    }

    /** The model requests score with (the loaded model, or the batcher in front of it). */
    public Recommender model() {
        return scorer;
    }

    public ModelDirectory.Loaded loaded() {
        return loaded;
    }

    public Recommendations recommendations() {
        return recommendations;
    }

    /**
     * What scores {@code user}'s live history: a view that keeps the user's encoded history between requests when
     * this model is a sequence encoder served with a cache, else {@link #model()} itself. Scores are the same either
     * way.
     *
     * @param user the user as stored (pseudonym when pseudonymisation is on)
     */
    public Recommender scorerFor(String user) {
        return encoded == null ? scorer : new CachedEncoderScorer((SequenceEncoder) scorer, encoded, user);
    }

    /** The users' encoded histories kept between requests, or {@code null} when none are. */
    public EncodedHistories encodedHistories() {
        return encoded;
    }

    /** Drops whatever is kept for {@code user} (on erasure). */
    public void forget(String user) {
        if (encoded != null) {
            encoded.forget(user);
        }
    }

    public Instant loadedAt() {
        return loadedAt;
    }

    public long version() {
        return version;
    }

    /** Dense ids of the model's items in {@code category}, or {@code null} when no item has it. */
    public int[] category(String category) {
        return byCategory.get(category);
    }

    /** {@code history} (server item ids) as the model's dense ids, items the model does not know dropped. */
    public int[] translate(int[] history, ItemDictionary dict) {
        int[] map = toModel;
        int max = -1;
        for (int h : history) {
            max = Math.max(max, h);
        }
        if (max >= map.length) {
            map = extend(dict);
        }
        int[] out = new int[history.length];
        int n = 0;
        for (int h : history) {
            int d = map[h];
            if (d >= 0) {
                out[n++] = d;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    private synchronized int[] extend(ItemDictionary dict) {
        int[] old = toModel;
        int size = dict.size();
        if (old.length >= size) {
            return old;
        }
        int[] map = java.util.Arrays.copyOf(old, size);
        IdMap items = loaded.model().items();
        for (int i = old.length; i < size; i++) {
            map[i] = items.denseId(dict.name(i));
        }
        toModel = map;
        return map;
    }

    /** Whether the model has a text side (content-knn, lm-zero-shot, sasrec-text): queries and the cold blend. */
    public boolean hasText() {
        return hasText;
    }

    /**
     * The model's text side, opened at the first call (its item vectors come through the vector cache); empty for a
     * model without one. Call it only under a lease.
     *
     * @param rules the server's mined rules, for the cold-start blend
     */
    public synchronized java.util.Optional<TextSide> text(RuleIndex rules) throws java.io.IOException {
        if (!textOpened) {
            text = hasText() ? TextSide.open(loaded.model(), loaded.dir(), loaded.catalog(), null, rules) : null;
            textOpened = true;
        }
        return java.util.Optional.ofNullable(text);
    }

    private synchronized void closeText() {
        if (text != null) {
            text.close();
            text = null;
        }
    }

    /** Takes a reference unless the model was already retired and closed; false then. */
    boolean retain() {
        while (true) {
            int r = refs.get();
            if (r <= 0) {
                return false;
            }
            if (refs.compareAndSet(r, r + 1)) {
                return true;
            }
        }
    }

    /** Drops a reference; the last one closes the model. */
    void release() {
        if (refs.decrementAndGet() == 0) {
            closeText();
            if (scorer != loaded.model()) {
                scorer.close();
            }
            loaded.close();
        }
    }

    /** True once closed. */
    public boolean closed() {
        return refs.get() <= 0;
    }
}
