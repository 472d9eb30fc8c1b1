package dev.seqmind.cli.train;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.DatasetInfo;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.model.SequenceDatasetBuilder;
import dev.seqmind.data.model.TimeKind;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the SASRec {@code user item} format (one pair per line, whitespace-separated, each user's lines in time
 * order) into a dataset with ordinal times. Stands in until the data module's readers are merged.
 */
final class UserItemFile {
    private UserItemFile() {
    }

    static SequenceDataset read(Path file) {
        SequenceDatasetBuilder b = new SequenceDatasetBuilder(
                new DatasetInfo(file.getFileName().toString(), java.util.List.of(file.toString()), TimeKind.ORDINAL,
                        java.util.List.of(), false), 1 << 20);
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                String s = line.strip();
                if (s.isEmpty()) {
                    continue;
                }
                String[] f = s.split("\\s+");
                if (f.length < 2) {
                    throw new InputFormatException(file.toString(), n, "item", "expected 'user item', got '" + s + "'");
                }
                b.add(f[0], f[1], "view", n);
            }
        } catch (IOException e) {
            throw new SeqmindException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return b.build();
    }
}
