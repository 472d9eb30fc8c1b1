package dev.seqmind.neural.store;

import dev.seqmind.data.model.IdMap;

import java.util.Arrays;

/**
 * A saved model's learned item vectors: row {@code i} ({@code vectors[i*dim, (i+1)*dim)}) belongs to dense item
 * {@code i} of {@code items}. The array is adopted, not copied; callers must not modify it.
 *
 * @param items   the model's item map
 * @param dim     the vector length
 * @param vectors {@code items.size() * dim} values, row-major
 */
public record ItemEmbeddings(IdMap items, int dim, float[] vectors) {
    public ItemEmbeddings {
        if (dim <= 0 || vectors.length != (long) items.size() * dim) {
            throw new IllegalArgumentException(vectors.length + " values for " + items.size() + " items of dim " + dim);
        }
    }

    /** A copy of item {@code item}'s vector. */
    public float[] row(int item) {
        return Arrays.copyOfRange(vectors, item * dim, (item + 1) * dim);
    }
}
