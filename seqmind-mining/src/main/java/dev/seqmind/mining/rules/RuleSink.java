package dev.seqmind.mining.rules;

/**
 * Receives mined rules one at a time. Miners serialise their calls (never concurrent). The rule objects are owned by
 * the sink once passed.
 */
@FunctionalInterface
public interface RuleSink {
    void accept(SequentialRule rule);

    /** Called once after the last rule. The default does nothing. */
    default void finish() {
    }
}
