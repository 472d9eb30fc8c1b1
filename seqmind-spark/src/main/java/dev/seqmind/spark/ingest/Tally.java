package dev.seqmind.spark.ingest;

import dev.seqmind.data.ingest.DropCounter;
import dev.seqmind.data.ingest.StepReport;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One step's report from one file or one partition, serializable so that executors can send it to the driver, where
 * {@link #merge} adds the pieces up into the {@link StepReport} the single-machine ingest would have written: counts
 * summed, and per reason the first {@link DropCounter#EXAMPLES} examples in input order (file order, then line).
 *
 * @param step    step name
 * @param detail  the step's parameters in words
 * @param rowsIn  rows the step received here
 * @param rowsOut rows it passed on
 * @param reasons reasons in the order they first occurred here
 * @param counts  drops per reason (parallel to {@code reasons})
 * @param where   per reason, the first examples as {@code file:line[: field: what]}
 * @param order   per reason, each example's position in the input ({@code fileIndex << 40 | line}) for merging
 */
record Tally(String step, String detail, long rowsIn, long rowsOut, List<String> reasons, List<Long> counts,
             List<List<String>> where, List<List<Long>> order) implements Serializable {

    static Tally of(StepReport r, java.util.function.ToLongFunction<String> position) {
        List<String> reasons = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        List<List<String>> where = new ArrayList<>();
        List<List<Long>> order = new ArrayList<>();
        for (StepReport.Drop d : r.drops()) {
            reasons.add(d.reason());
            counts.add(d.count());
            where.add(List.copyOf(d.examples()));
            order.add(d.examples().stream().map(position::applyAsLong).toList());
        }
        return new Tally(r.step(), r.detail(), r.rowsIn(), r.rowsOut(), reasons, counts, where, order);
    }

    /**
     * Adds up the pieces of one step. With {@code reasonsByInput} (the read step) reasons come in the order of their
     * earliest example in the input, as a counter reading the input in order meets them; otherwise in the order the
     * pieces name them (a cleaning step lists its reasons in a fixed order).
     */
    static StepReport merge(String step, String detail, List<Tally> pieces, boolean reasonsByInput) {
        long in = 0;
        long out = 0;
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, List<Object[]>> examples = new LinkedHashMap<>();
        for (Tally t : pieces) {
            in += t.rowsIn;
            out += t.rowsOut;
            for (int i = 0; i < t.reasons.size(); i++) {
                String reason = t.reasons.get(i);
                counts.computeIfAbsent(reason, k -> new long[1])[0] += t.counts.get(i);
                List<Object[]> ex = examples.computeIfAbsent(reason, k -> new ArrayList<>());
                for (int k = 0; k < t.where.get(i).size(); k++) {
                    ex.add(new Object[] {t.order.get(i).get(k), t.where.get(i).get(k)});
                }
            }
        }
        Comparator<Object[]> byPosition = Comparator.comparingLong(o -> (Long) o[0]);
        List<String> reasons = new ArrayList<>(counts.keySet());
        if (reasonsByInput) {
            reasons.sort(Comparator.comparingLong(r -> examples.get(r).stream().mapToLong(o -> (Long) o[0]).min()
                    .orElse(Long.MAX_VALUE)));
        }
        List<StepReport.Drop> drops = new ArrayList<>();
        for (String r : reasons) {
            List<String> first = examples.get(r).stream().sorted(byPosition).limit(DropCounter.EXAMPLES)
                    .map(o -> (String) o[1]).toList();
            drops.add(new StepReport.Drop(r, counts.get(r)[0], first));
        }
        return new StepReport(step, detail, in, out, drops);
    }
}
