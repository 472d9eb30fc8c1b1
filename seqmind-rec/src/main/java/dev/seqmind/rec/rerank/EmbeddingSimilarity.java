package dev.seqmind.rec.rerank;

/**
 * Cosine similarity of item vectors (e.g. a neural model's item embeddings or text embeddings), clipped to
 * {@code [0, 1]}: opposite vectors count as unlike, not as "negatively" alike. A zero vector is unlike every item.
 * The vectors are copied and normalised once; immutable and thread-safe.
 */
public final class EmbeddingSimilarity implements ItemSimilarity {
    private final float[][] unit;

    /**
     * @param vectors one row per dense item, all of the same length
     * @throws IllegalArgumentException if rows differ in length
     */
    public EmbeddingSimilarity(float[][] vectors) {
        unit = new float[vectors.length][];
        int dim = vectors.length == 0 ? 0 : vectors[0].length;
        for (int i = 0; i < vectors.length; i++) {
            float[] v = vectors[i];
            if (v.length != dim) {
                throw new IllegalArgumentException("item " + i + " has a vector of length " + v.length
                        + ", item 0 one of length " + dim);
            }
            double norm = 0;
            for (float x : v) {
                norm += (double) x * x;
            }
            norm = Math.sqrt(norm);
            float[] u = new float[dim];
            if (norm > 0) {
                for (int d = 0; d < dim; d++) {
                    u[d] = (float) (v[d] / norm);
                }
            }
            unit[i] = u;
        }
    }

    @Override
    public int numItems() {
        return unit.length;
    }

    @Override
    public double similarity(int a, int b) {
        float[] x = unit[a];
        float[] y = unit[b];
        double dot = 0;
        for (int d = 0; d < x.length; d++) {
            dot += (double) x[d] * y[d];
        }
        return Math.max(0, Math.min(1, dot));
    }
}
