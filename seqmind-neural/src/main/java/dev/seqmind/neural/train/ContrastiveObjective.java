package dev.seqmind.neural.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.neural.nn.Layers;

import java.util.SplittableRandom;

/**
 * CL4SRec's contrastive term (Xie et al., 2022), added to a network's next-item loss: every training sequence of a
 * batch gives two views, each made by one augmentation operator of {@code views} chosen at random (always applied,
 * unlike {@code --augment}'s replacement); the network encodes both ({@link SequenceNetwork#sequenceRepresentation},
 * dropout on), and the {@code 2n} representations {@code z} enter the NT-Xent / InfoNCE loss: each view must pick its
 * partner out of the other {@code 2n - 2} views of the batch by the score {@code z_i . z_j / temperature} (dot
 * product, as in CL4SRec). The step's loss is {@code next-item loss + weight * InfoNCE}.
 *
 * @param weight       lambda, the contrastive term's weight; 0 = off
 * @param temperature  tau, in (0, 100]
 * @param views        the operators that make the views (their probability is ignored: a view is always made)
 */
public record ContrastiveObjective(float weight, float temperature, Augmentation views) {
    public static final ContrastiveObjective OFF = new ContrastiveObjective(0, 1, Augmentation.NONE);

    private static final float MASKED = -1e9f;

    public ContrastiveObjective {
        if (!(weight >= 0 && weight <= 100)) {
            throw new InvalidParameterException("contrastive", weight, "in [0, 100]");
        }
        if (!(temperature > 0 && temperature <= 100)) {
            throw new InvalidParameterException("contrastive-temperature", temperature, "in (0, 100]");
        }
        views = views == null ? Augmentation.NONE : new Augmentation(1, views.crop(), views.reorder(), views.drop());
        if (weight > 0 && !views.enabled()) {
            throw new InvalidParameterException("contrastive", weight, "a view operator from --augment",
                    "e.g. --augment crop:0.6,reorder:0.3,drop:0.3");
        }
    }

    public boolean enabled() {
        return weight > 0;
    }

    /** {@code weight * InfoNCE} of two views of each of {@code rows[from, to)}. */
    public NDArray loss(NDManager m, SequenceNetwork network, int[][] rows, int from, int to, SplittableRandom rng) {
        int[][] first = views.apply(rows, from, to, rng);
        int[][] second = views.apply(rows, from, to, rng);
        NDArray z1 = network.sequenceRepresentation(m, first, 0, first.length, rng);
        NDArray z2 = network.sequenceRepresentation(m, second, 0, second.length, rng);
        return Layers.scale(infoNce(m, z1, z2, temperature), weight);
    }

    /**
     * NT-Xent of paired rows: {@code z = [z1; z2]}, logits {@code z z^T / tau} with the diagonal masked, the target
     * of row {@code i} its partner {@code i + n} (and back); the mean cross-entropy over the {@code 2n} rows.
     */
    public static NDArray infoNce(NDManager m, NDArray z1, NDArray z2, float tau) {
        int n = (int) z1.getShape().get(0);
        NDArray z = z1.concat(z2, 0);
        float[] diag = new float[4 * n * n];
        long[] partner = new long[2 * n];
        for (int i = 0; i < 2 * n; i++) {
            diag[i * 2 * n + i] = MASKED;
            partner[i] = i < n ? i + n : i - n;
        }
        NDArray logits = Layers.scale(z.matMul(z.transpose()), 1f / tau).add(m.create(diag, new Shape(2L * n, 2L * n)));
        return Layers.crossEntropy(logits, m.create(partner));
    }
}
