package dev.seqmind.data.collect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts dropped rows per reason, keeping the first few examples of each. Not thread-safe. */
public final class DropCounter {
    /** How many examples each reason keeps. */
    public static final int EXAMPLES = 5;

    private final Map<String, long[]> counts = new LinkedHashMap<>();
    private final Map<String, List<String>> examples = new LinkedHashMap<>();

    /** Records one drop; {@code where} is {@code file:line} plus, optionally, {@code : field: what}. */
    public void drop(String reason, String where) {
        counts.computeIfAbsent(reason, r -> new long[1])[0]++;
        List<String> ex = examples.computeIfAbsent(reason, r -> new ArrayList<>(EXAMPLES));
        if (ex.size() < EXAMPLES && where != null) {
            ex.add(where);
        }
    }

    /** Records {@code n} drops without examples (e.g. whole items removed by k-core). */
    public void dropMany(String reason, long n, List<String> someExamples) {
        if (n <= 0) {
            return;
        }
        counts.computeIfAbsent(reason, r -> new long[1])[0] += n;
        List<String> ex = examples.computeIfAbsent(reason, r -> new ArrayList<>(EXAMPLES));
        for (String e : someExamples) {
            if (ex.size() < EXAMPLES) {
                ex.add(e);
            }
        }
    }

    public long total() {
        long t = 0;
        for (long[] c : counts.values()) {
            t += c[0];
        }
        return t;
    }

    public StepReport report(String step, String detail, long rowsIn, long rowsOut) {
        return new StepReport(step, detail, rowsIn, rowsOut, reasons());
    }

    /** Every reason counted so far, in first-seen order, with its count and first examples. */
    public List<StepReport.Drop> reasons() {
        List<StepReport.Drop> out = new ArrayList<>();
        counts.forEach((reason, c) -> out.add(new StepReport.Drop(reason, c[0], examples.get(reason))));
        return out;
    }
}
