package dev.seqmind.mining.sequence;

import dev.seqmind.data.error.InvalidParameterException;

/**
 * Vertical bitmaps for the SPAM search: one bit per itemset of every sequence, sequence {@code s} owning words
 * {@code [wordStart[s], wordStart[s + 1])} (bit {@code k} of the sequence is bit {@code k & 63} of its word
 * {@code k >>> 6}). Item bitmaps are dense (every sequence has its words, mostly zero), so a step looks words up
 * directly instead of merging sequence lists; that costs {@code items x words} longs, which is why the bitmap search
 * is meant for dense data with few frequent items. Immutable once built; shared read-only by workers.
 */
final class SpamBitmaps {
    /** Most longs the item bitmaps may take together (256 MiB). */
    static final long MAX_WORDS = 32L << 20;

    final int[] wordStart;
    final long[][] itemWords;

    private SpamBitmaps(int[] wordStart, long[][] itemWords) {
        this.wordStart = wordStart;
        this.itemWords = itemWords;
    }

    /** Total words of one bitmap over all sequences. */
    static long wordsPerItem(RankedDatabase db) {
        long words = 0;
        for (int s = 0; s < db.numSequences; s++) {
            int sets = 0;
            for (int e = db.starts[s]; e < db.starts[s + 1]; e++) {
                if (db.codes[e] < 0) {
                    sets++;
                }
            }
            words += (sets + 63) >>> 6;
        }
        return words;
    }

    static boolean fits(RankedDatabase db) {
        return wordsPerItem(db) * db.numRanks() <= MAX_WORDS;
    }

    static SpamBitmaps build(RankedDatabase db) {
        long perItem = wordsPerItem(db);
        if (perItem * db.numRanks() > MAX_WORDS) {
            throw new InvalidParameterException("algorithm", "SPAM",
                    "used on data whose item bitmaps fit in " + (MAX_WORDS >> 17) + " MiB (here "
                            + (perItem * db.numRanks() >> 17) + " MiB)", "use PREFIXSPAN or AUTO for this data");
        }
        int n = db.numSequences;
        int[] wordStart = new int[n + 1];
        long[][] itemWords = new long[db.numRanks()][(int) perItem];
        for (int s = 0; s < n; s++) {
            int set = -1;
            int base = wordStart[s];
            for (int e = db.starts[s]; e < db.starts[s + 1]; e++) {
                int c = db.codes[e];
                if (c < 0) {
                    set++;
                }
                itemWords[c & RankedDatabase.RANK_MASK][base + (set >>> 6)] |= 1L << (set & 63);
            }
            wordStart[s + 1] = base + ((set + 1 + 63) >>> 6);
        }
        return new SpamBitmaps(wordStart, itemWords);
    }
}
