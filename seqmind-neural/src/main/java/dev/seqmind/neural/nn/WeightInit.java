package dev.seqmind.neural.nn;

/** How a Transformer block's weight matrices are drawn (biases start at 0, LayerNorm gains at 1 either way). */
public enum WeightInit {
    /** Glorot-uniform, scaled to each matrix's fan-in and fan-out. */
    XAVIER,
    /** N(0, 0.02^2) for every matrix, BERT's and GPT-2's initialiser range and that of the published SASRec+ code. */
    NORMAL;

    /** The standard deviation of {@link #NORMAL}. */
    public static final float NORMAL_STD = 0.02f;

    /** Registers a weight {@code [out, in]} drawn this way. */
    public void register(ParameterStore params, String name, java.util.SplittableRandom rng, long out, long in) {
        if (this == NORMAL) {
            params.normal(name, rng, NORMAL_STD, out, in);
        } else {
            params.xavier(name, rng, out, in);
        }
    }
}
