package dev.seqmind.rec.model.knn;

/**
 * Each item's neighbours in CSR layout: item {@code i}'s neighbours are {@code ids[start[i], start[i+1])} with
 * similarities {@code sims}, most similar first (ties: lower id first). Immutable; arrays adopted, package-private.
 */
record NeighbourTable(int[] start, int[] ids, float[] sims) {
    int numItems() {
        return start.length - 1;
    }
}
