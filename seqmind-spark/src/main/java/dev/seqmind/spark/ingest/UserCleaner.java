package dev.seqmind.spark.ingest;

import dev.seqmind.data.clean.CleaningStep;
import dev.seqmind.data.collect.DropCounter;
import dev.seqmind.data.collect.EventCollector;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.collect.TracedEvents;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.TimeKind;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Cleans one partition of whole users with seqmind-data's own steps: the partition's rows, in input order, are
 * collected into the same {@link TracedEvents} the single-machine ingest builds, each step of the {@link CleaningSpec}
 * runs on it, and what is left comes out as one sequence row per user with every step's {@link Tally}. Every step is
 * per-user, so the union over partitions equals one run over all users.
 *
 * @param sequences one row per user: user, items, actions, times, sources ({@code file << 40 | line})
 * @param tallies   one per cleaning step, in order
 */
record UserCleaner(List<Row> sequences, List<Tally> tallies) implements Serializable {

    /** Cleans the rows of one partition, sorted by file index then line. */
    static UserCleaner clean(Iterator<Row> rows, List<String> files, String timeKind, CleaningSpec spec) {
        EventCollector c = new EventCollector(false, 1 << 12, true);
        c.timeKind(TimeKind.valueOf(timeKind));
        int[] localOfGlobal = new int[files.size()];
        int[] globalOfLocal = new int[files.size()];
        java.util.Arrays.fill(localOfGlobal, -1);
        int opened = 0;
        while (rows.hasNext()) {
            Row r = rows.next();
            int f = r.getInt(4);
            if (localOfGlobal[f] < 0) {
                c.beginFile(files.get(f));
                localOfGlobal[f] = opened;
                globalOfLocal[opened++] = f;
            }
            c.add(c.userId(r.getString(0)), c.itemId(r.getString(1)), c.actionId(r.getString(2)), r.getLong(3),
                    r.getLong(5));
        }
        TracedEvents events = c.finish("partition");
        List<Tally> tallies = new ArrayList<>();
        for (CleaningStep step : spec.steps()) {
            DropCounter drops = new DropCounter();
            long in = events.data().numInteractions();
            events = step.apply(events, drops);
            StepReport r = drops.report(step.name(), step.detail(), in, events.data().numInteractions());
            tallies.add(Tally.of(r, where -> ParsedFile.position(fileIndexOf(where, files), where)));
        }
        return new UserCleaner(sequences(events, globalOfLocal), tallies);
    }

    private static int fileIndexOf(String where, List<String> files) {
        for (int f = 0; f < files.size(); f++) {
            if (where.startsWith(files.get(f) + ":")) {
                return f;
            }
        }
        return files.size();
    }

    private static List<Row> sequences(TracedEvents te, int[] globalOfLocal) {
        SequenceDataset d = te.data();
        List<Row> out = new ArrayList<>(d.numUsers());
        for (int u = 0; u < d.numUsers(); u++) {
            int n = d.end(u) - d.start(u);
            String[] items = new String[n];
            String[] actions = new String[n];
            long[] times = new long[n];
            long[] sources = new long[n];
            for (int k = 0; k < n; k++) {
                int i = d.start(u) + k;
                items[k] = d.items().externalId(d.item(i));
                actions[k] = d.actions().externalId(d.action(i));
                times[k] = d.time(i);
                long s = te.sources()[i];
                sources[k] = ((long) globalOfLocal[(int) (s >>> 40)] << 40) | (s & ParsedFile.LINE_MASK);
            }
            if (n > 0) {
                out.add(RowFactory.create(d.users().externalId(u), items, actions, times, sources));
            }
        }
        return out;
    }
}
