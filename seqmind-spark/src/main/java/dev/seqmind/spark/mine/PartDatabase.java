package dev.seqmind.spark.mine;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.mining.SequenceDatabase;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The sequences one partition received, as the mining module's {@link SequenceDatabase} (job-global item ids). */
final class PartDatabase {
    private PartDatabase() {
    }

    /** The values of a partition's (owner, sequence) pairs. */
    static SequenceDatabase of(String name, Iterator<Tuple2<Integer, EncodedSequence>> it, int numItems) {
        List<EncodedSequence> seqs = new ArrayList<>();
        int elements = 0;
        while (it.hasNext()) {
            EncodedSequence s = it.next()._2();
            seqs.add(s);
            elements += s.items().length;
        }
        int[] starts = new int[seqs.size() + 1];
        int[] items = new int[elements];
        int[] itemsets = new int[elements];
        long[] times = new long[elements];
        int w = 0;
        for (int k = 0; k < seqs.size(); k++) {
            EncodedSequence s = seqs.get(k);
            System.arraycopy(s.items(), 0, items, w, s.items().length);
            System.arraycopy(s.itemsets(), 0, itemsets, w, s.items().length);
            System.arraycopy(s.times(), 0, times, w, s.items().length);
            w += s.items().length;
            starts[k + 1] = w;
        }
        seqs.clear();
        return new SequenceDatabase(name, starts, items, itemsets, times, IdMap.sequential(numItems, 0),
                new ItemCatalog(Map.of()));
    }
}
