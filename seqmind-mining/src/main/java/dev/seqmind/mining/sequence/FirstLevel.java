package dev.seqmind.mining.sequence;

import java.util.Arrays;

/**
 * The projections of every single item (rank), built in one pass: for rank {@code r}, entries
 * {@code [from(r), to(r))} of {@code seqs}/{@code ends} list each sequence containing it and the element of its first
 * occurrence. With {@code allOccurrences}, every occurrence is listed (sequence-grouped, ascending), as the
 * gap/window search needs. Immutable once built; shared read-only by workers.
 */
final class FirstLevel {
    final int[] offsets;
    final int[] seqs;
    final int[] ends;

    private FirstLevel(int[] offsets, int[] seqs, int[] ends) {
        this.offsets = offsets;
        this.seqs = seqs;
        this.ends = ends;
    }

    int from(int rank) {
        return offsets[rank];
    }

    int to(int rank) {
        return offsets[rank + 1];
    }

    static FirstLevel build(RankedDatabase db, boolean allOccurrences) {
        int f = db.numRanks();
        int[] offsets = new int[f + 1];
        if (allOccurrences) {
            for (int c : db.codes) {
                offsets[(c & RankedDatabase.RANK_MASK) + 1]++;
            }
        } else {
            for (int r = 0; r < f; r++) {
                offsets[r + 1] = db.supportOfRank[r];
            }
        }
        for (int r = 0; r < f; r++) {
            offsets[r + 1] += offsets[r];
        }
        int[] fill = offsets.clone();
        int[] seqs = new int[offsets[f]];
        int[] ends = new int[offsets[f]];
        int[] seen = new int[f];
        Arrays.fill(seen, -1);
        for (int s = 0; s < db.numSequences; s++) {
            for (int e = db.starts[s]; e < db.starts[s + 1]; e++) {
                int r = db.codes[e] & RankedDatabase.RANK_MASK;
                if (allOccurrences || seen[r] != s) {
                    seen[r] = s;
                    int w = fill[r]++;
                    seqs[w] = s;
                    ends[w] = e;
                }
            }
        }
        return new FirstLevel(offsets, seqs, ends);
    }
}
