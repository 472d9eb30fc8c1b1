package dev.seqmind.mining.sequence;

/**
 * Picks the search for {@link SequenceAlgorithm#AUTO} from the data's shape. Gap and window constraints always go to
 * the projection search (it tracks every occurrence). Otherwise the bitmap search wins where few frequent items meet
 * long sequences (dense data: every bitmap word is busy and projections are long), and projection wins on sparse data
 * with many items and short sequences. The thresholds come from {@code seqmind bench mine} on the reference datasets.
 * Stateless.
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
        boolean dense = frequentItems <= 64 && avgLength >= 20;
        return dense ? SequenceAlgorithm.SPAM : SequenceAlgorithm.PREFIXSPAN;
    }
}
