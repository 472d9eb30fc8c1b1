package dev.seqmind.rec;

import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small datasets for tests, and the SASRec {@code user item} file read by a few lines of test code. */
public final class TestData {
    private TestData() {
    }

    /** Sequences of dense items {@code 0..numItems-1} (external id = decimal), time = position in the input. */
    public static SequenceDataset of(int numItems, int[]... sequences) {
        var items = new IdMap.Builder();
        for (int i = 0; i < numItems; i++) {
            items.getOrAdd(Integer.toString(i));
        }
        var b = new SequenceDatasetBuilder(DatasetInfo.of("test", TimeKind.ORDINAL), 64, new IdMap.Builder(), items,
                new IdMap.Builder());
        long t = 0;
        for (int u = 0; u < sequences.length; u++) {
            for (int item : sequences[u]) {
                b.add("u" + u, Integer.toString(item), "view", t++);
            }
        }
        return b.build();
    }

    /** The dataset files shared by every worktree, or null when absent. */
    public static Path shared(String relative) {
        Path p = Path.of(System.getProperty("seqmind.root", ".")).resolve("../shared/datasets").resolve(relative);
        return Files.isRegularFile(p) ? p : null;
    }

    /** Reads a {@code user item} file (users' lines in time order); time = line number. */
    public static SequenceDataset readUserItem(Path file, String name) throws IOException {
        var b = new SequenceDatasetBuilder(DatasetInfo.of(name, TimeKind.ORDINAL), 1 << 20);
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                int sp = line.indexOf(' ');
                if (sp < 0) {
                    continue;
                }
                b.add(line.substring(0, sp), line.substring(sp + 1).trim(), "view", n);
            }
        }
        return b.build();
    }
}
