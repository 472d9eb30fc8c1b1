package dev.seqmind.neural.nn;

/**
 * How a {@link TransformerStack} is put together beyond its sizes; published sequence recommenders differ in all
 * three. A {@code null} component (a model file written before it existed) takes its default.
 *
 * @param norm      where the LayerNorms sit (default {@link NormPlacement#PRE})
 * @param positions which end of the window positions count from (default {@link PositionOrigin#NEWEST})
 * @param init      how weight matrices are drawn (default {@link WeightInit#XAVIER})
 */
public record BlockStyle(NormPlacement norm, PositionOrigin positions, WeightInit init) {
    public BlockStyle {
        norm = norm == null ? NormPlacement.PRE : norm;
        positions = positions == null ? PositionOrigin.NEWEST : positions;
        init = init == null ? WeightInit.XAVIER : init;
    }

    /** Pre-norm blocks, positions from the newest item, Glorot weights. */
    public static BlockStyle defaults() {
        return new BlockStyle(null, null, null);
    }

    /**
     * The published SASRec+ code's blocks: LayerNorm on the attention's queries only, positions from the window's
     * oldest item, N(0, 0.02) weights (the style of {@code seqmind train --model sasrec} by default).
     */
    public static BlockStyle sasRecPublished() {
        return new BlockStyle(NormPlacement.QUERY, PositionOrigin.OLDEST, WeightInit.NORMAL);
    }
}
