package dev.seqmind.spark.ingest;

import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.StepReport;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * One step's report from one file or one partition, serializable so that executors can send it to the driver, where
 * {@link #merge} adds the pieces up into the {@link StepReport} the single-machine ingest would have written: counts
 * summed, and per reason the first {@link DropCounter#EXAMPLES} examples in input order (file order, then line).
 *
 * @param step     step name
 * @param detail   the step's parameters in words
 * @param rowsIn   rows the step received here
 * @param rowsOut  rows it passed on
 * @param drops    dropped rows by reason, in the order the reasons first occurred here
 * @param warnings kept but doubtful rows by reason
 */
record Tally(String step, String detail, long rowsIn, long rowsOut, List<Reason> drops, List<Reason> warnings)
        implements Serializable {

    /**
     * One reason's count here.
     *
     * @param where the first examples as {@code file:line[: field: what]}
     * @param order each example's position in the input ({@code fileIndex << 40 | line}), for merging
     */
    record Reason(String reason, long count, List<String> where, List<Long> order) implements Serializable {
    }

    static Tally of(StepReport r, ToLongFunction<String> position) {
        return new Tally(r.step(), r.detail(), r.rowsIn(), r.rowsOut(), reasons(r.drops(), position),
                reasons(r.warnings(), position));
    }

    private static List<Reason> reasons(List<StepReport.Drop> drops, ToLongFunction<String> position) {
        List<Reason> out = new ArrayList<>();
        for (StepReport.Drop d : drops) {
            out.add(new Reason(d.reason(), d.count(), List.copyOf(d.examples()),
                    d.examples().stream().map(position::applyAsLong).toList()));
        }
        return out;
    }

    /** This tally with every example's file name passed through {@code rename}. */
    Tally renamed(java.util.function.UnaryOperator<String> rename) {
        return new Tally(step, detail, rowsIn, rowsOut, renamed(drops, rename), renamed(warnings, rename));
    }

    private static List<Reason> renamed(List<Reason> in, java.util.function.UnaryOperator<String> rename) {
        return in.stream().map(r -> new Reason(r.reason, r.count, r.where.stream().map(rename).toList(), r.order))
                .toList();
    }

    /**
     * Adds up the pieces of one step. With {@code reasonsByInput} (the read step) reasons come in the order of their
     * earliest example in the input, as a counter reading the input in order meets them; otherwise in the order the
     * pieces name them (a cleaning step lists its reasons in a fixed order).
     */
    static StepReport merge(String step, String detail, List<Tally> pieces, boolean reasonsByInput) {
        long in = 0;
        long out = 0;
        for (Tally t : pieces) {
            in += t.rowsIn;
            out += t.rowsOut;
        }
        return new StepReport(step, detail, in, out,
                mergeReasons(pieces.stream().map(Tally::drops).toList(), reasonsByInput),
                mergeReasons(pieces.stream().map(Tally::warnings).toList(), reasonsByInput));
    }

    private static List<StepReport.Drop> mergeReasons(List<List<Reason>> pieces, boolean reasonsByInput) {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<Object[]>> examples = new LinkedHashMap<>();
        for (List<Reason> piece : pieces) {
            for (Reason r : piece) {
                counts.computeIfAbsent(r.reason, k -> new long[1])[0] += r.count;
                List<Object[]> ex = examples.computeIfAbsent(r.reason, k -> new ArrayList<>());
                for (int k = 0; k < r.where.size(); k++) {
                    ex.add(new Object[] {r.order.get(k), r.where.get(k)});
                }
            }
        }
        List<String> reasons = new ArrayList<>(counts.keySet());
        if (reasonsByInput) {
            reasons.sort(Comparator.comparingLong(r -> examples.get(r).stream().mapToLong(o -> (Long) o[0]).min()
                    .orElse(Long.MAX_VALUE)));
        }
        List<StepReport.Drop> drops = new ArrayList<>();
        for (String r : reasons) {
            List<String> first = examples.get(r).stream().sorted(Comparator.comparingLong(o -> (Long) o[0]))
                    .limit(DropCounter.EXAMPLES).map(o -> (String) o[1]).toList();
            drops.add(new StepReport.Drop(r, counts.get(r)[0], first));
        }
        return drops;
    }
}
