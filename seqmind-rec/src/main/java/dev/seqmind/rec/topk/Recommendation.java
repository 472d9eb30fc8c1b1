package dev.seqmind.rec.topk;

import dev.seqmind.rec.Explanation;

import java.util.Objects;

/**
 * One recommended item at the edge of the system.
 *
 * @param item   the external item id
 * @param score  the model's score (only comparable within one model and one history)
 * @param why    what drove it ({@link Explanation#NONE} when the model cannot say); its evidence holds dense ids
 */
public record Recommendation(String item, float score, Explanation why) {
    public Recommendation {
        Objects.requireNonNull(item, "item");
        Objects.requireNonNull(why, "why");
    }
}
