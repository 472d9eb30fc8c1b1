package dev.seqmind.data.clean;

import dev.seqmind.data.ingest.IngestResult;
import dev.seqmind.data.ingest.IngestSpec;
import dev.seqmind.data.ingest.InputSpec;
import dev.seqmind.data.collect.StepReport;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.read.InputFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static dev.seqmind.data.ingest.IngestTestSupport.ingest;
import static dev.seqmind.data.ingest.IngestTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;

class CleaningStepsTest {
    @TempDir
    Path dir;

    private IngestResult run(String csv, CleaningStep... steps) throws IOException {
        Path f = write(dir, "log.csv", "user,item,action,time\n" + csv);
        return ingest(IngestSpec.of("t", InputSpec.of(f, InputFormat.CSV)).withSteps(List.of(steps)));
    }

    private static List<String> items(SequenceDataset d, String user) {
        int u = d.users().denseId(user);
        return Arrays.stream(d.itemsOf(u)).mapToObj(i -> d.items().externalId(i)).toList();
    }

    @Test
    void exactDuplicatesKeepTheFirstAndNameTheDroppedLine() throws IOException {
        IngestResult r = run("u,a,view,1\nu,b,view,1\nu,a,view,1\nu,a,buy,1\nu,a,view,2\n", new ExactDuplicates());
        assertThat(items(r.dataset(), "u")).containsExactly("a", "b", "a", "a");
        StepReport s = r.report().steps().get(1);
        assertThat(s.dropped()).isEqualTo(1);
        assertThat(s.drops().get(0).examples()).containsExactly(dir.resolve("log.csv") + ":4");
    }

    @Test
    void consecutiveRepeatsDropOnlyAdjacentSameItemAndAction() throws IOException {
        IngestResult r = run("u,a,view,1\nu,a,view,2\nu,b,view,3\nu,a,view,4\nu,a,buy,5\n", new ConsecutiveRepeats());
        assertThat(items(r.dataset(), "u")).containsExactly("a", "b", "a", "a");
    }

    @Test
    void actionFilterKeepsListedActionsAndForgetsTheRest() throws IOException {
        IngestResult r = run("u,a,pv,1\nu,b,buy,2\nv,c,pv,3\n", new ActionFilter(Set.of("buy")));
        assertThat(r.dataset().numUsers()).isEqualTo(1);
        assertThat(r.dataset().numItems()).isEqualTo(1);
        assertThat(r.dataset().actions().externalIds()).containsExactly("buy");
    }

    @Test
    void kCoreIteratesUntilStable() throws IOException {
        // item c has 1 event -> dropped; then user w has 1 event -> dropped; then item b has 1 -> dropped ...
        String csv = "u,a,x,1\nu,b,x,2\nv,a,x,1\nv,b,x,2\nw,b,x,1\nw,c,x,2\n";
        IngestResult r = run(csv, new KCore(2, 2));
        SequenceDataset d = r.dataset();
        assertThat(d.users().externalIds()).containsExactly("u", "v");
        assertThat(d.items().externalIds()).containsExactly("a", "b");
        assertThat(r.report().steps().get(1).dropped()).isEqualTo(2);
        for (int u = 0; u < d.numUsers(); u++) {
            assertThat(d.length(u)).isGreaterThanOrEqualTo(2);
        }
    }

    @Test
    void lengthLimitsDropShortUsersAndKeepTheLatestEvents() throws IOException {
        IngestResult r = run("u,a,x,1\nu,b,x,2\nu,c,x,3\nv,a,x,1\n", new LengthLimits(2, 2));
        assertThat(r.dataset().users().externalIds()).containsExactly("u");
        assertThat(items(r.dataset(), "u")).containsExactly("b", "c");
    }

    @Test
    void sessionsSplitAtInactivityGaps() throws IOException {
        IngestResult r = run("u,a,x,1000\nu,b,x,1010\nu,c,x,5000\nv,d,x,1000\n", new SessionSplit(1_000_000));
        SequenceDataset d = r.dataset();
        assertThat(d.users().externalIds()).containsExactly("u#1", "u#2", "v#1");
        assertThat(items(d, "u#1")).containsExactly("a", "b");
        assertThat(items(d, "u#2")).containsExactly("c");
    }

    @Test
    void everyRowIsAccountedForAcrossSteps() throws IOException {
        IngestResult r = run("u,a,x,1\nu,a,x,1\nu,b,y,2\nv,a,x,3\nbad\n", new ExactDuplicates(),
                new ActionFilter(Set.of("x")), new LengthLimits(2, 0));
        long dropped = r.report().steps().stream().mapToLong(StepReport::dropped).sum();
        assertThat(r.report().rowsRead()).isEqualTo(5);
        assertThat(r.report().rowsKept() + dropped).isEqualTo(r.report().rowsRead());
        for (int i = 1; i < r.report().steps().size(); i++) {
            assertThat(r.report().steps().get(i).rowsIn()).isEqualTo(r.report().steps().get(i - 1).rowsOut());
        }
    }

    @Test
    void examplesAreTheFirstDroppedRowsInFileOrder() throws IOException {
        // user z comes first in the file but last in user order; its rows must lead the examples
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            csv.append(i % 2 == 0 ? "z" : "a").append(",i").append(i).append(",x,").append(100 - i).append('\n');
        }
        IngestResult r = run(csv.toString(), new LengthLimits(5, 0));
        StepReport s = r.report().steps().get(1);
        assertThat(s.dropped()).isEqualTo(8);
        Path f = dir.resolve("log.csv");
        assertThat(s.drops().get(0).examples()).containsExactly(f + ":2", f + ":3", f + ":4", f + ":5", f + ":6");
    }
}
