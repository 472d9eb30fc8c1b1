package dev.seqmind.cli.ab;

import dev.seqmind.cli.data.DatasetOptions;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.data.progress.Progress;
import dev.seqmind.rec.abtest.AbAnalysis;
import dev.seqmind.rec.abtest.Bucketing;
import dev.seqmind.rec.abtest.Msprt;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * What {@code ab replay} and {@code ab simulate} share: the log and its held-out part, the variants, the bucketing
 * salt and the experiment's settings (the same ones the server's experiment definition takes).
 */
public final class ExperimentOptions {
    /** A variant as given: its name and the model (a trainer name or a directory; for simulate a served name). */
    public record VariantSpec(String name, String model) {
    }

    @Option(names = "--data", required = true, paramLabel = "DIR|FILE",
            description = "A dataset directory written by 'seqmind ingest', or a log file (format detected).")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", description = "Format of --data when it is a file "
            + "(default: detected).")
    String format;

    @Option(names = "--holdout-from", defaultValue = "0.8", description = "Quantile of event times where the "
            + "held-out traffic begins: models are fitted on the events before it. Default: ${DEFAULT-VALUE}.")
    double holdoutFrom;

    @Option(names = "--variant", required = true, paramLabel = "NAME=MODEL",
            description = "A variant (repeat; the first is the control). MODEL is a model name or a model directory "
                    + "(replay) or a model the server has loaded (simulate); NAME defaults to MODEL.")
    List<String> variants;

    @Option(names = "--shares", split = ",", description = "Traffic shares in variant order, summing to 1 "
            + "(default: equal).")
    List<Double> shares;

    @Option(names = "--salt", paramLabel = "HEX", description = "Bucketing key, at least 32 hex digits; give the same "
            + "one to the server's experiment to bucket users identically (default: random, printed).")
    String salt;

    @Option(names = "-k", defaultValue = "10", description = "Items per recommendation. Default: ${DEFAULT-VALUE}.")
    int k;

    @Option(names = "--window-seconds", defaultValue = "1800", description = "Attribution window: events on a "
            + "recommended item this long after the recommendation count. Default: ${DEFAULT-VALUE}.")
    long windowSeconds;

    @Option(names = "--click-actions", split = ",", description = "Actions that count as a click (default: every "
            + "action).")
    List<String> clickActions = List.of();

    @Option(names = "--conversion-actions", split = ",", defaultValue = "buy", description = "Actions that count as "
            + "a conversion. Default: ${DEFAULT-VALUE}.")
    List<String> conversionActions;

    @Option(names = "--alpha", defaultValue = "0.05", description = "False-positive rate of the sequential test. "
            + "Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--mixing-sd", defaultValue = "0.01", description = "mSPRT mixing standard deviation: the size "
            + "of CTR difference (absolute) the test is most sensitive to. Default: ${DEFAULT-VALUE}.")
    double mixingSd;

    private byte[] saltBytes;

    /** Checks the settings; call first. */
    void check() {
        if (!(holdoutFrom > 0 && holdoutFrom < 1)) {
            throw new InvalidParameterException("--holdout-from", holdoutFrom, "in (0, 1)");
        }
        if (variants.size() < 2) {
            throw new InvalidParameterException("--variant", String.join(" ", variants), "at least two variants");
        }
        InvalidParameterException.requireInRange("-k", k, 1, 1000);
        if (windowSeconds < 1 || windowSeconds > 30L * 24 * 3600) {
            throw new InvalidParameterException("--window-seconds", windowSeconds, "in [1, 2592000]");
        }
        if (!(alpha > 0 && alpha <= 0.5)) {
            throw new InvalidParameterException("--alpha", alpha, "in (0, 0.5]");
        }
        if (!(mixingSd > 0 && mixingSd < 1)) {
            throw new InvalidParameterException("--mixing-sd", mixingSd, "in (0, 1)");
        }
        double[] s = shares();
        try {
            saltBytes = salt == null ? Bucketing.newSalt(new SecureRandom()) : Bucketing.salt(salt);
            new Bucketing(saltBytes, s);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage().contains("salt") || salt != null
                    && e.getMessage().contains("hex") ? "--salt" : "--shares", salt == null ? shares : salt,
                    e.getMessage());
        }
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (VariantSpec v : specs()) {
            if (!names.add(v.name())) {
                throw new InvalidParameterException("--variant", v.name(), "distinct variant names");
            }
        }
    }

    List<VariantSpec> specs() {
        List<VariantSpec> out = new ArrayList<>();
        for (String v : variants) {
            int eq = v.indexOf('=');
            String name = eq < 0 ? v : v.substring(0, eq);
            String model = eq < 0 ? v : v.substring(eq + 1);
            if (name.isBlank() || model.isBlank()) {
                throw new InvalidParameterException("--variant", v, "NAME=MODEL or MODEL");
            }
            out.add(new VariantSpec(name.strip(), model.strip()));
        }
        return out;
    }

    double[] shares() {
        int n = variants.size();
        if (shares == null || shares.isEmpty()) {
            double[] s = new double[n];
            java.util.Arrays.fill(s, 1.0 / n);
            return s;
        }
        if (shares.size() != n) {
            throw new InvalidParameterException("--shares", shares, n + " values, one per --variant");
        }
        return shares.stream().mapToDouble(Double::doubleValue).toArray();
    }

    byte[] salt() {
        return saltBytes.clone();
    }

    String saltHex() {
        return HexFormat.of().formatHex(saltBytes);
    }

    AbAnalysis analysis() {
        return new AbAnalysis(alpha, 0.95, new Msprt(mixingSd));
    }

    SequenceDataset load(Progress progress) throws IOException {
        DatasetOptions d = new DatasetOptions();
        d.data = data;
        d.format = format;
        return d.load(progress);
    }
}
