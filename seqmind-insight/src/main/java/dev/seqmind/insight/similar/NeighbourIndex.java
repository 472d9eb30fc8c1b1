package dev.seqmind.insight.similar;

import java.util.List;

/** Nearest rows of a vector table by cosine similarity: exact ({@link CosineNeighbours}) or approximate. */
public interface NeighbourIndex {
    /** The {@code k} rows most similar to row {@code query}, the query itself excluded, most similar first. */
    List<Neighbour> nearest(int query, int k);

    /** Rows searched. */
    int size();
}
