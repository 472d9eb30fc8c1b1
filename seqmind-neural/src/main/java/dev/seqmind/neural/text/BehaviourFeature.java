package dev.seqmind.neural.text;

import dev.seqmind.neural.nn.HistoryFeature;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The behaviour sentence ({@link BehaviourText}, the one {@code lm-zero-shot} ranks by) as a history feature: each
 * prefix is rendered as text and embedded by the sentence model. Vectors are kept in memory by text and go through
 * the embedder's on-disk cache (keyed by the text's hash), so a sentence is encoded once across epochs and runs.
 * Thread-safe (the embedder is; the memo is a concurrent map).
 */
public final class BehaviourFeature implements HistoryFeature {
    private final BehaviourText behaviour;
    private final TextEmbedder embedder;
    private final UserText settings;
    private final Consumer<String> log;
    private final Map<String, float[]> memo = new ConcurrentHashMap<>();

    public BehaviourFeature(BehaviourText behaviour, TextEmbedder embedder, UserText settings, Consumer<String> log) {
        this.behaviour = behaviour;
        this.embedder = embedder;
        this.settings = settings;
        this.log = log;
    }

    /** How the sentences are made (saved with the model). */
    public UserText settings() {
        return settings;
    }

    @Override
    public int dimension() {
        return embedder.dimension();
    }

    @Override
    public int every() {
        return settings.every();
    }

    /** The sentence of {@code prefix} ("" when it is empty). */
    public String sentence(Prefix prefix) {
        return behaviour.render(java.util.Arrays.copyOf(prefix.items(), prefix.length()));
    }

    @Override
    public float[][] vectors(List<Prefix> prefixes) {
        String[] texts = new String[prefixes.size()];
        Set<String> missing = new LinkedHashSet<>();
        for (int i = 0; i < texts.length; i++) {
            texts[i] = sentence(prefixes.get(i));
            if (!texts[i].isBlank() && !memo.containsKey(texts[i])) {
                missing.add(texts[i]);
            }
        }
        embedMissing(missing);
        float[][] out = new float[texts.length][];
        for (int i = 0; i < texts.length; i++) {
            out[i] = texts[i].isBlank() ? null : memo.get(texts[i]);
        }
        return out;
    }

    /** Embeds every checkpoint's sentence now, in one batch over the encoder's workers, and logs the cost. */
    @Override
    public void prepare(List<Prefix> checkpoints) {
        long t0 = System.nanoTime();
        Set<String> texts = new LinkedHashSet<>();
        for (Prefix p : checkpoints) {
            String t = sentence(p);
            if (!t.isBlank() && !memo.containsKey(t)) {
                texts.add(t);
            }
        }
        TextEmbedder.Embedded e = embedMissing(texts);
        log.accept(String.format("user text: %,d training checkpoints (every %d items), %,d distinct sentences: "
                        + "%,d from the cache, %,d encoded (%,d truncated) in %.1f s",
                checkpoints.size(), settings.every(), texts.size(), e == null ? 0 : e.cacheHits(),
                e == null ? 0 : e.encoded(), e == null ? 0 : e.truncated(), (System.nanoTime() - t0) / 1e9));
    }

    private TextEmbedder.Embedded embedMissing(Set<String> texts) {
        if (texts.isEmpty()) {
            return null;
        }
        List<String> list = new ArrayList<>(texts);
        TextEmbedder.Embedded e = embedder.embed(list);
        for (int i = 0; i < list.size(); i++) {
            memo.put(list.get(i), e.vectors()[i]);
        }
        return e;
    }
}
