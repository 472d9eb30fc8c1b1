package dev.seqmind.neural.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Which parts of a training history longer than the network's window become training rows. */
public enum TrainingWindows {
    /** Only the most recent window (the published SASRec/BERT4Rec recipes). */
    LAST,
    /**
     * The history cut into consecutive windows from its end, so every transition is a training target once; on ML-1M
     * (length 200) this trains on all 981k transitions instead of the last window's 647k.
     */
    ALL;

    /**
     * The training rows of {@code sequences}: each row holds up to {@code window + 1} items (a window of inputs and
     * the item after each); rows with fewer than 2 items are dropped.
     */
    public int[][] rows(int[][] sequences, int window) {
        List<int[]> out = new ArrayList<>(sequences.length);
        for (int[] s : sequences) {
            for (int end = s.length; end >= 2; end -= window) {
                int from = Math.max(0, end - window - 1);
                out.add(from == 0 && end == s.length ? s : Arrays.copyOfRange(s, from, end));
                if (this == LAST) {
                    break;
                }
            }
        }
        return out.toArray(new int[0][]);
    }

    /**
     * The same rows as {@link #rows}, each kept with every event before it: row {@code i} here ends where row
     * {@code i} of {@link #rows} ends and starts at the sequence's first event, so a network that reads older events
     * gets a row's own past and nothing after its last target.
     */
    public int[][] rowsWithOlderEvents(int[][] sequences, int window) {
        List<int[]> out = new ArrayList<>(sequences.length);
        for (int[] s : sequences) {
            for (int end = s.length; end >= 2; end -= window) {
                out.add(end == s.length ? s : Arrays.copyOf(s, end));
                if (this == LAST) {
                    break;
                }
            }
        }
        return out.toArray(new int[0][]);
    }
}
