package dev.seqmind.data.clean;

import dev.seqmind.data.ingest.DropCounter;
import dev.seqmind.data.ingest.TracedEvents;

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

    /** Drops the events that {@code drop} marks, naming {@code reason} with their locations. */
    static TracedEvents dropMarked(TracedEvents in, boolean[] drop, String reason, DropCounter drops) {
        boolean any = false;
        boolean[] keep = new boolean[drop.length];
        for (int i = 0; i < drop.length; i++) {
            keep[i] = !drop[i];
            if (drop[i]) {
                any = true;
                drops.drop(reason, in.where(i));
            }
        }
        return any ? in.filter(keep) : in;
    }
}
