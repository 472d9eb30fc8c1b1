package dev.seqmind.mining.sequence;

/** Which frequent patterns a search reports. */
public enum OutputKind {
    /** Every frequent pattern. */
    ALL,
    /** Patterns with no super-pattern of the same support. */
    CLOSED,
    /** Patterns with no frequent super-pattern. */
    MAXIMAL
}
