package dev.seqmind.data.clean;

import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.TracedEvents;

/**
 * One optional cleaning step. It returns a new event set (it never changes its input) and counts every event it
 * drops, with a reason and the event's {@code file:line}, so that the ingest report accounts for all rows.
 * Implementations are immutable records of their parameters.
 */
public interface CleaningStep {
    /** Short name for the report, e.g. "k-core". */
    String name();

    /** The parameters in words, e.g. "k=5 on users, 5 on items". */
    String detail();

    TracedEvents apply(TracedEvents in, DropCounter drops);

    /** Marks an event kept in a {@code reason} array of {@link #dropByReason}. */
    byte KEEP = 0;

    /**
     * Drops every event whose {@code reason[i]} is not {@link #KEEP}; {@code reasons[r - 1]} names reason {@code r}.
     * Counts each reason with its first examples in input order.
     */
    static TracedEvents dropByReason(TracedEvents in, byte[] reason, String[] reasons, DropCounter drops) {
        long[] counts = new long[reasons.length + 1];
        for (byte r : reason) {
            counts[r]++;
        }
        if (counts[KEEP] == reason.length) {
            return in;
        }
        for (int r = 1; r <= reasons.length; r++) {
            drops.dropMany(reasons[r - 1], counts[r], in.firstInInput(reason, (byte) r, DropCounter.EXAMPLES));
        }
        boolean[] keep = new boolean[reason.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = reason[i] == KEEP;
        }
        return in.filter(keep);
    }

    /** {@link #dropByReason} with one reason. */
    static TracedEvents dropMarked(TracedEvents in, boolean[] drop, String reason, DropCounter drops) {
        byte[] r = new byte[drop.length];
        for (int i = 0; i < drop.length; i++) {
            r[i] = drop[i] ? (byte) 1 : KEEP;
        }
        return dropByReason(in, r, new String[] {reason}, drops);
    }
}
