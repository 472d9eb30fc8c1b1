package dev.seqmind.server.model;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.neural.serve.SequenceEncoder;
import dev.seqmind.rec.Explanation;
import dev.seqmind.rec.Recommender;

import java.util.List;

/**
 * One user's view of a {@link SequenceEncoder} for one request: the history is encoded only when the user's slot in
 * {@link EncodedHistories} holds no vector for exactly this history (then the new vector replaces it), and scoring
 * is the output layer's product alone. Scores equal the encoder's own {@link SequenceEncoder#score score}.
 * Explanations go to the encoder (they score altered histories, which must not touch the user's slot).
 */
final class CachedEncoderScorer implements Recommender {
    private final SequenceEncoder encoder;
    private final EncodedHistories cache;
    private final String user;

    CachedEncoderScorer(SequenceEncoder encoder, EncodedHistories cache, String user) {
        this.encoder = encoder;
        this.cache = cache;
        this.user = user;
    }

    @Override
    public String name() {
        return encoder.name();
    }

    @Override
    public IdMap items() {
        return encoder.items();
    }

    @Override
    public int numItems() {
        return encoder.numItems();
    }

    @Override
    public void score(int[] history, float[] out) {
        float[] encoded = cache.get(user, history);
        if (encoded == null) {
            encoded = new float[encoder.encodedSize()];
            encoder.encode(history, encoded);
            cache.put(user, history.clone(), encoded);
        }
        encoder.scoreEncoded(encoded, out);
    }

    @Override
    public Explanation explain(int[] history, int item) {
        return encoder.explain(history, item);
    }

    @Override
    public List<Explanation> explainAll(int[] history, int[] items) {
        return encoder.explainAll(history, items);
    }
}
