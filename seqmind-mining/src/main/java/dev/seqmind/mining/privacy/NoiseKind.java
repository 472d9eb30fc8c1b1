package dev.seqmind.mining.privacy;

/** Which noise a private release adds to its counts. */
public enum NoiseKind {
    /** Laplace noise, calibrated to the L1 sensitivity; pure epsilon for the counts. */
    LAPLACE,
    /** Gaussian noise (analytic calibration), calibrated to the L2 sensitivity; needs delta, lower noise for large
     * contribution bounds. */
    GAUSSIAN
}
