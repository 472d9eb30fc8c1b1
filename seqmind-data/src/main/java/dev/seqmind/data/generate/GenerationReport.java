package dev.seqmind.data.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link LogGenerator#writeTo} wrote.
 *
 * @param rows        event rows in the log (header excluded)
 * @param users       users with at least one event (all of them)
 * @param items       items in {@code items.csv}
 * @param actionRows  rows per action, in the order pv, fav, cart, buy
 * @param planted     the planted chains with their true support
 * @param log         the event log
 * @param itemsFile   the item table
 * @param plantedFile the planted chains
 * @param nanos       wall time of the whole run
 */
public record GenerationReport(long rows, int users, int items, List<Long> actionRows, List<PlantedSupport> planted,
                               Path log, Path itemsFile, Path plantedFile, long nanos) {
    public GenerationReport {
        actionRows = List.copyOf(actionRows);
        planted = List.copyOf(planted);
    }

    /** Rows written per second of wall time. */
    public double rowsPerSecond() {
        return nanos == 0 ? 0 : rows * 1e9 / nanos;
    }
}
