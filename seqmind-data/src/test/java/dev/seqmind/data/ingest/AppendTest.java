package dev.seqmind.data.ingest;

import dev.seqmind.data.clean.ActionFilter;
import dev.seqmind.data.clean.CleaningStep;
import dev.seqmind.data.clean.ConsecutiveRepeats;
import dev.seqmind.data.clean.ExactDuplicates;
import dev.seqmind.data.clean.KCore;
import dev.seqmind.data.collect.TimeRange;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.data.read.InputFormat;
import dev.seqmind.data.stats.DatasetStats;
import dev.seqmind.data.store.DatasetDirectory;
import dev.seqmind.data.store.DatasetStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AppendTest {
    private static final List<CleaningStep> RULES = List.of(new ExactDuplicates(),
            new ActionFilter(Set.of("pv", "buy")), new ConsecutiveRepeats());

    @TempDir
    Path tmp;

    /** Old log: 40 users, no user repeats their previous item (so no stored event was dropped as a repeat). */
    private static List<String[]> oldRows(Random r) {
        List<String[]> rows = new ArrayList<>();
        String[] actions = {"pv", "pv", "pv", "cart", "buy"};
        String[] last = new String[40];
        for (int i = 0; i < 400; i++) {
            int u = r.nextInt(40);
            String item;
            do {
                item = "i" + r.nextInt(60);
            } while (item.equals(last[u]));
            last[u] = item;
            rows.add(new String[] {"u" + u, item, actions[r.nextInt(actions.length)],
                    String.valueOf(1_600_000_000L + i * 60L)});
        }
        return rows;
    }

    /** New log: later events of old and new users, late events, exact copies of stored ones, repeats. */
    private static List<String[]> newRows(Random r, List<String[]> old) {
        List<String[]> rows = new ArrayList<>();
        String[] actions = {"pv", "pv", "cart", "buy"};
        for (int i = 0; i < 300; i++) {
            int kind = r.nextInt(10);
            if (kind == 0) {
                rows.add(old.get(r.nextInt(old.size())).clone()); // exact duplicate of a stored event
            } else if (kind == 1) {
                String[] o = old.get(r.nextInt(old.size()));
                rows.add(new String[] {o[0], "i" + r.nextInt(80), "pv", String.valueOf(Long.parseLong(o[3]) - 7)});
            } else if (kind == 2 && !rows.isEmpty()) {
                String[] p = rows.get(rows.size() - 1);
                rows.add(new String[] {p[0], p[1], p[2], String.valueOf(Long.parseLong(p[3]) + 5)}); // a repeat
            } else {
                rows.add(new String[] {"u" + r.nextInt(60), "i" + r.nextInt(80), actions[r.nextInt(actions.length)],
                        String.valueOf(1_600_024_000L + i * 60L)});
            }
        }
        return rows;
    }

    private Path csv(String name, List<String[]> rows, String extra) throws IOException {
        StringBuilder sb = new StringBuilder("user_id,item_id,action,timestamp\n");
        for (String[] row : rows) {
            sb.append(String.join(",", row)).append('\n');
        }
        sb.append(extra);
        Path p = tmp.resolve(name);
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static IngestSpec spec(List<Path> files, List<CleaningStep> steps) {
        List<InputSpec> in = files.stream().map(f -> InputSpec.of(f, InputFormat.CSV)).toList();
        return new IngestSpec("shop", in, List.of(), false, Optional.empty(), steps, Map.of(), TimeRange.ANY);
    }

    /** Every user's events as external ids, in order. */
    private static Map<String, List<String>> events(SequenceDataset d) {
        Map<String, List<String>> out = new TreeMap<>();
        for (int u = 0; u < d.numUsers(); u++) {
            List<String> seq = new ArrayList<>();
            for (int i = d.start(u); i < d.end(u); i++) {
                seq.add(d.items().externalId(d.item(i)) + "/" + d.actions().externalId(d.action(i)) + "@" + d.time(i));
            }
            out.put(d.users().externalId(u), seq);
        }
        return out;
    }

    @Test
    void appendEqualsOneShotIngestOfTheConcatenatedLogs() throws IOException {
        Random r = new Random(7);
        List<String[]> old = oldRows(r);
        Path a = csv("a.csv", old, "");
        Path b = csv("b.csv", newRows(r, old), "u1,i2,pv,not-a-time\n");
        Path dir = tmp.resolve("ds");
        DatasetStore.save(IngestTestSupport.ingest(spec(List.of(a), RULES)).dataset(), dir);
        IngestResult oneShot = IngestTestSupport.ingest(spec(List.of(a, b), RULES));

        Appender.Result appended = new Appender(Progress.NONE).append(dir, AppendSpec.of(
                List.of(InputSpec.of(b, InputFormat.CSV))));

        SequenceDataset reopened = DatasetStore.open(dir);
        assertThat(events(reopened)).isEqualTo(events(oneShot.dataset()));
        assertThat(DatasetStats.of(reopened)).isEqualTo(DatasetStats.of(oneShot.dataset().withInfo(reopened.info())));
        assertThat(reopened.numInteractions()).isGreaterThan(IngestTestSupport.ingest(spec(List.of(a), RULES))
                .dataset().numInteractions());
        // same report classes: the malformed row, the duplicates, the late events (warned), the repeats
        String text = appended.report().toText();
        assertThat(text).contains("b.csv:302").contains("duplicates").contains("repeats").contains(Appender.LATE);
        assertThat(appended.report().steps().get(0).rowsIn()).isEqualTo(301);
        // the DuckDB mirror and the manifest follow the new events
        assertThat(DatasetStore.openFromDatabase(dir).numInteractions()).isEqualTo(reopened.numInteractions());
        assertThat(new DatasetDirectory(dir).fingerprint().events()).isEqualTo(reopened.numInteractions());
        assertThat(reopened.info().sources()).contains(b.toString());
    }

    @Test
    void oldDenseIdsAreKeptAndNewOnesFollow() throws IOException {
        Random r = new Random(3);
        List<String[]> old = oldRows(r);
        Path dir = tmp.resolve("ds");
        SequenceDataset before = IngestTestSupport.ingest(spec(List.of(csv("a.csv", old, "")), List.of())).dataset();
        DatasetStore.save(before, dir);
        new Appender(Progress.NONE).append(dir, AppendSpec.of(List.of(InputSpec.of(csv("b.csv", newRows(r, old), ""),
                InputFormat.CSV))));
        SequenceDataset after = DatasetStore.open(dir);
        for (int u = 0; u < before.numUsers(); u++) {
            assertThat(after.users().externalId(u)).isEqualTo(before.users().externalId(u));
        }
        for (int i = 0; i < before.numItems(); i++) {
            assertThat(after.items().externalId(i)).isEqualTo(before.items().externalId(i));
        }
        assertThat(after.numUsers()).isGreaterThan(before.numUsers());
    }

    @Test
    void aBadAppendedFileLeavesTheDatasetUntouchedAndNamesFileLineField() throws IOException {
        Random r = new Random(11);
        List<String[]> old = oldRows(r);
        Path dir = tmp.resolve("ds");
        DatasetStore.save(IngestTestSupport.ingest(spec(List.of(csv("a.csv", old, "")), RULES)).dataset(), dir);
        Map<String, String> before = hashes(dir);
        Path bad = tmp.resolve("bad.csv");
        Files.writeString(bad, "user_id,item_id,action,timestamp\nu1,i1,pv,1600030000\nu2,i3,pv,yesterday\n");

        assertThatThrownBy(() -> new Appender(Progress.NONE).append(dir,
                AppendSpec.of(List.of(InputSpec.of(bad, InputFormat.CSV))).withStrict(true)))
                .isInstanceOf(InputFormatException.class)
                .hasMessageContaining("bad.csv:3: time");
        assertThat(hashes(dir)).isEqualTo(before);
        try (var s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".tmp-"));
        }
    }

    @Test
    void aDatasetCleanedByAWholeDataStepIsRefused() throws IOException {
        Random r = new Random(5);
        Path dir = tmp.resolve("ds");
        DatasetStore.save(IngestTestSupport.ingest(spec(List.of(csv("a.csv", oldRows(r), "")),
                List.of(new KCore(2, 2)))).dataset(), dir);
        Path b = csv("b.csv", List.<String[]>of(new String[] {"u1", "i1", "pv", "1600090000"}), "");
        assertThatThrownBy(() -> new Appender(Progress.NONE).append(dir,
                AppendSpec.of(List.of(InputSpec.of(b, InputFormat.CSV)))))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("k-core");
    }

    @Test
    void pseudonymisedDatasetsJoinNewEventsToTheSameUsersWithTheKey() throws IOException {
        Random r = new Random(13);
        List<String[]> old = oldRows(r);
        Pseudonymizer key = new Pseudonymizer("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
        Path dir = tmp.resolve("ds");
        DatasetStore.save(IngestTestSupport.ingest(spec(List.of(csv("a.csv", old, "")), List.of())
                .withPseudonymizer(key)).dataset(), dir);
        int users = DatasetStore.open(dir).numUsers();
        Path b = csv("b.csv", List.<String[]>of(new String[] {"u1", "i1", "pv", "1600090000"}), "");
        AppendSpec noKey = AppendSpec.of(List.of(InputSpec.of(b, InputFormat.CSV)));
        assertThatThrownBy(() -> new Appender(Progress.NONE).append(dir, noKey))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("key");
        new Appender(Progress.NONE).append(dir, noKey.withPseudonymizer(key));
        SequenceDataset after = DatasetStore.open(dir);
        assertThat(after.numUsers()).isEqualTo(users);
        assertThat(after.users().contains("u1")).isFalse();
        int u1 = after.users().denseId(key.pseudonym("u1"));
        assertThat(after.time(after.end(u1) - 1)).isEqualTo(1_600_090_000_000L);
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString(), DatasetDirectory.sha256(p));
            }
        }
        return out;
    }
}
