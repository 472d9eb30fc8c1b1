package dev.seqmind.data.ingest;

import dev.seqmind.data.collect.StepReport;

import java.util.ArrayList;
import java.util.List;

/** The steps of one ingest in order, each with what it dropped and why. */
public record IngestReport(List<StepReport> steps) {
    public IngestReport {
        steps = List.copyOf(steps);
    }

    public IngestReport with(StepReport step) {
        List<StepReport> s = new ArrayList<>(steps);
        s.add(step);
        return new IngestReport(s);
    }

    /** Rows the first step read. */
    public long rowsRead() {
        return steps.isEmpty() ? 0 : steps.get(0).rowsIn();
    }

    /** Rows that came out of the last step. */
    public long rowsKept() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).rowsOut();
    }

    /** Aligned text for a terminal. */
    public String toText() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-14s %12s %12s %12s  %s%n", "step", "rows in", "dropped", "rows out", "detail"));
        for (StepReport s : steps) {
            sb.append(String.format("%-14s %,12d %,12d %,12d  %s%n", s.step(), s.rowsIn(), s.dropped(), s.rowsOut(),
                    s.detail()));
            for (StepReport.Drop d : s.drops()) {
                sb.append(String.format("    %,d %s%s%n", d.count(), d.reason(),
                        d.examples().isEmpty() ? "" : ", e.g. " + String.join("; ", d.examples())));
            }
            for (StepReport.Drop w : s.warnings()) {
                sb.append(String.format("    %,d kept with a warning: %s%s%n", w.count(), w.reason(),
                        w.examples().isEmpty() ? "" : ", e.g. " + String.join("; ", w.examples())));
            }
        }
        return sb.toString();
    }
}
