package dev.seqmind.spark.rec;

import java.util.HashMap;
import java.util.List;

/** Dense item numbering shipped to executors: external id to its index in a list of names. Stateless. */
final class DenseItems {
    private DenseItems() {
    }

    /** {@code names.get(i) -> i}, as a serializable map. */
    static HashMap<String, Integer> idsOf(List<String> names) {
        HashMap<String, Integer> ids = new HashMap<>(names.size() * 2);
        for (int i = 0; i < names.size(); i++) {
            ids.put(names.get(i), i);
        }
        return ids;
    }
}
