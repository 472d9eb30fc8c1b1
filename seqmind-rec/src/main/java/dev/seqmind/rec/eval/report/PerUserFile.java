package dev.seqmind.rec.eval.report;

import dev.seqmind.data.split.EvalCase;
import dev.seqmind.rec.eval.EvalResult;
import dev.seqmind.rec.eval.Metric;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Writes every model's per-user values as gzip TSV: {@code model, user (external id), then metric@K columns}, so
 * runs can be compared user by user later (paired tests need the same users in the same split).
 */
public final class PerUserFile {
    private PerUserFile() {
    }

    public static void write(Path file, List<ModelRun> runs, List<EvalCase> cases,
                             java.util.function.IntFunction<String> userId) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(
                new GZIPOutputStream(Files.newOutputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            if (runs.isEmpty()) {
                return;
            }
            EvalResult first = runs.get(0).result();
            int[] ks = first.ks();
            w.write("model\tuser");
            for (Metric m : Metric.values()) {
                for (int k : ks) {
                    w.write('\t');
                    w.write(first.label(m, k));
                }
            }
            w.newLine();
            for (ModelRun run : runs) {
                EvalResult r = run.result();
                for (int c = 0; c < r.numCases(); c++) {
                    w.write(r.model());
                    w.write('\t');
                    w.write(userId.apply(cases.get(c).user()));
                    for (Metric m : Metric.values()) {
                        for (int k : ks) {
                            w.write('\t');
                            w.write(String.format(Locale.ROOT, "%.6g", r.values(m, k)[c]));
                        }
                    }
                    w.newLine();
                }
            }
        }
    }
}
