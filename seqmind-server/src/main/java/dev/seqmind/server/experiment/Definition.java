package dev.seqmind.server.experiment;

import java.util.List;
import java.util.Objects;

/**
 * What an experiment tests, fixed at creation.
 *
 * @param id                 the server-assigned id
 * @param name               a name for people
 * @param variants           the variants in order; the first is the control
 * @param windowMillis       how long after a recommendation events on its items are credited to it
 * @param clickActions       actions that count as a click (empty: every action)
 * @param conversionActions  actions that count as a conversion
 * @param alpha              the test's false-positive rate
 * @param mixingSd           the mSPRT's mixing standard deviation (absolute CTR difference)
 * @param salt               the bucketing key (secret; never sent back)
 * @param createdAt          epoch milliseconds
 */
public record Definition(String id, String name, List<Variant> variants, long windowMillis, List<String> clickActions,
                         List<String> conversionActions, double alpha, double mixingSd, byte[] salt, long createdAt) {
    /** One arm: its name, the served model it maps to, and its share of the traffic. */
    public record Variant(String name, String model, double share) {
        public Variant {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(model, "model");
        }
    }

    public Definition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        variants = List.copyOf(variants);
        clickActions = List.copyOf(clickActions);
        conversionActions = List.copyOf(conversionActions);
        salt = salt.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    /** The shares in variant order. */
    public double[] shares() {
        return variants.stream().mapToDouble(Variant::share).toArray();
    }
}
