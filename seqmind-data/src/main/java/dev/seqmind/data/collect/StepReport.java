package dev.seqmind.data.collect;

import java.util.List;
import java.util.Objects;

/**
 * What one ingest step did: rows in, rows out, and why each dropped row was dropped.
 *
 * @param step    short step name, e.g. "read", "duplicates", "k-core"
 * @param detail  the step's parameters in words, e.g. "k=5 on users and items"
 * @param rowsIn  rows (events) the step received
 * @param rowsOut rows it passed on; {@code rowsIn - rowsOut} equals the sum of the drop counts
 * @param drops    reasons with counts and the first examples as {@code file:line}
 * @param warnings rows kept but counted as doubtful, by reason, with the first examples
 */
public record StepReport(String step, String detail, long rowsIn, long rowsOut, List<Drop> drops,
                         List<Drop> warnings) {
    public StepReport {
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(detail, "detail");
        drops = List.copyOf(drops);
        warnings = List.copyOf(warnings);
    }

    /** A step without warnings. */
    public StepReport(String step, String detail, long rowsIn, long rowsOut, List<Drop> drops) {
        this(step, detail, rowsIn, rowsOut, drops, List.of());
    }

    public StepReport withWarnings(List<Drop> value) {
        return new StepReport(step, detail, rowsIn, rowsOut, drops, value);
    }

    public long dropped() {
        return rowsIn - rowsOut;
    }

    /** One reason rows were dropped. */
    public record Drop(String reason, long count, List<String> examples) {
        public Drop {
            examples = List.copyOf(examples);
        }
    }
}
