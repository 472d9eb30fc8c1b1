package dev.seqmind.data.generate;

/**
 * Derives independent seeds for the generator's parts from the one user seed, so that, for example, user 7's events
 * do not depend on how many users came before. Stateless.
 */
final class Seeds {
    static final long ITEMS = 0x1A2B3C4D5E6F7081L;
    static final long LENGTHS = 0x2B3C4D5E6F708192L;
    static final long PATTERNS = 0x3C4D5E6F708192A3L;
    static final long USERS = 0x4D5E6F708192A3B4L;
    static final long SEGMENTS = 0x5E6F708192A3B4C5L;

    private Seeds() {
    }

    /** A well-mixed 64-bit value of {@code seed} and {@code stream} (SplitMix64 finaliser over their combination). */
    static long mix(long seed, long stream) {
        long z = seed * 0x9E3779B97F4A7C15L + stream;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
