package dev.seqmind.rec;

import java.util.List;
import java.util.Objects;

/**
 * Why an item was recommended, for people: a sentence plus the evidence behind it.
 *
 * @param kind        what drove it, e.g. "rule", "co-occurrence", "popularity", "attention"
 * @param text        a one-line human explanation using dense ids resolved by the caller, e.g. "after 12, 40"
 * @param evidence    dense ids of the history items that drove the recommendation (may be empty)
 * @param confidence  the rule confidence or a similar strength in [0, 1]; NaN when not applicable
 */
public record Explanation(String kind, String text, List<Integer> evidence, double confidence) {
    public static final Explanation NONE = new Explanation("none", "", List.of(), Double.NaN);

    public Explanation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        evidence = List.copyOf(evidence);
    }
}
