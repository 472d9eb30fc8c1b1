package dev.seqmind.cli.insight;

import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.insight.segment.AdjustedRandIndex;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Known group membership ({@code user<TAB>segment} with a header, as {@code seqmind generate --segments} writes
 * {@code segments.tsv}), compared with found segments by the adjusted Rand index over the users in both.
 *
 * @param ari     adjusted Rand index (1 = the same partition, about 0 = chance)
 * @param matched users found in both the file and the dataset
 */
record KnownSegments(double ari, int matched) {
    static KnownSegments compare(Path file, SequenceDataset data, int[] labels) throws IOException {
        int[] truth = new int[data.numUsers()];
        Arrays.fill(truth, -1);
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = r.readLine();
            long n = 1;
            while ((line = r.readLine()) != null) {
                n++;
                String[] f = line.split("\t");
                if (f.length != 2) {
                    throw new InputFormatException(file.toString(), n, "segment", "expected user<TAB>segment");
                }
                int u = data.users().denseId(f[0]);
                if (u == IdMap.ABSENT) {
                    continue;
                }
                try {
                    truth[u] = Integer.parseInt(f[1].trim());
                } catch (NumberFormatException e) {
                    throw new InputFormatException(file.toString(), n, "segment", "not a whole number: " + f[1]);
                }
                if (truth[u] < 0) {
                    throw new InputFormatException(file.toString(), n, "segment", "negative segment " + f[1]);
                }
            }
        }
        int[] a = new int[truth.length];
        int[] b = new int[truth.length];
        int m = 0;
        for (int u = 0; u < truth.length; u++) {
            if (truth[u] >= 0) {
                a[m] = truth[u];
                b[m++] = labels[u];
            }
        }
        return new KnownSegments(m == 0 ? Double.NaN : AdjustedRandIndex.of(Arrays.copyOf(a, m),
                Arrays.copyOf(b, m)), m);
    }
}
