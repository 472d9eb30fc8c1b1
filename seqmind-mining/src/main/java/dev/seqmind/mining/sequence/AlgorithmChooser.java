package dev.seqmind.mining.sequence;

/**
 * Picks the search for {@link SequenceAlgorithm#AUTO} from the data's shape. Gap and window constraints always go to
 * the projection search (it tracks every occurrence). Measured with {@code seqmind bench mine --algorithm ...} on the
 * 26 reference rows (sparse click data and dense text/sign data alike), the projection search was 2-10x faster than
 * the bitmap search everywhere, so the bitmap search is only chosen for very dense data (at most 8 frequent items,
 * sequences of 64+ itemsets on average, bitmaps within {@link SpamBitmaps#MAX_WORDS}), where every bitmap word is
 * busy and projections are long. Stateless.
 */
final class AlgorithmChooser {
    private AlgorithmChooser() {
    }

    static SequenceAlgorithm choose(RankedDatabase db, SequenceMiningParams params) {
        if (params.algorithm() != SequenceAlgorithm.AUTO) {
            return params.algorithm();
        }
        if (params.constraints().needsOccurrences()) {
            return SequenceAlgorithm.PREFIXSPAN;
        }
        double avgLength = db.numSequences == 0 ? 0 : (double) db.codes.length / db.numSequences;
        int frequentItems = db.numRanks();
        boolean dense = frequentItems <= 8 && avgLength >= 64 && SpamBitmaps.fits(db);
        return dense ? SequenceAlgorithm.SPAM : SequenceAlgorithm.PREFIXSPAN;
    }
}
