package dev.seqmind.rec.retrain;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Recommender;

/**
 * A model fitted on an older dataset seen through a newer dataset's item ids: histories are translated into the
 * model's ids (items it never saw are left out) and its scores are copied back; items it does not know score
 * {@link Float#NEGATIVE_INFINITY}. Lets the evaluator rank both models over the same items. Does not own the model
 * ({@link #close()} leaves it open). Thread-safe when the model is.
 */
public final class ItemSpaceAdapter implements Recommender {
    private final Recommender model;
    private final IdMap items;
    private final int[] toModel;

    public ItemSpaceAdapter(Recommender model, IdMap items) {
        this.model = model;
        this.items = items;
        this.toModel = new int[items.size()];
        for (int i = 0; i < toModel.length; i++) {
            toModel[i] = model.items().denseId(items.externalId(i));
        }
    }

    @Override
    public String name() {
        return model.name();
    }

    @Override
    public IdMap items() {
        return items;
    }

    private int[] translate(int[] history) {
        int[] out = new int[history.length];
        int n = 0;
        for (int h : history) {
            int m = h >= 0 && h < toModel.length ? toModel[h] : IdMap.ABSENT;
            if (m >= 0) {
                out[n++] = m;
            }
        }
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    @Override
    public void score(int[] history, float[] out) {
        float[] s = new float[model.numItems()];
        model.score(translate(history), s);
        copyBack(s, out);
    }

    @Override
    public void scoreBatch(int[][] histories, float[][] out) {
        int[][] h = new int[histories.length][];
        float[][] s = new float[histories.length][model.numItems()];
        for (int i = 0; i < h.length; i++) {
            h[i] = translate(histories[i]);
        }
        model.scoreBatch(h, s);
        for (int i = 0; i < h.length; i++) {
            copyBack(s[i], out[i]);
        }
    }

    private void copyBack(float[] s, float[] out) {
        for (int i = 0; i < toModel.length; i++) {
            out[i] = toModel[i] >= 0 ? s[toModel[i]] : Float.NEGATIVE_INFINITY;
        }
    }

    @Override
    public void close() {
        // the caller owns the model
    }
}
