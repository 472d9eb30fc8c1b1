package dev.seqmind.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.neural.classify.ClassifierConfig;
import dev.seqmind.neural.classify.Encoder;
import dev.seqmind.neural.classify.SequenceClassifier;
import dev.seqmind.neural.engine.EngineOptions;
import dev.seqmind.rec.classify.BinaryMetrics;
import dev.seqmind.rec.classify.CountLogisticRegression;
import dev.seqmind.rec.classify.LabelledPrefixes;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code seqmind train --task classify}: cuts every sequence at its first {@code --label} action, fits a recurrent
 * classifier and the logistic regression on counts on the same 80% of sequences (10% validation for early stopping),
 * and writes both models' test ROC AUC, PR AUC, Brier score, log loss and reliability curve to
 * {@code OUT/classification.json}.
 *
 * @param model    "gru4rec" (GRU encoder), "lstm" or "sasrec" (Transformer encoder)
 * @param label    the action whose presence is predicted
 * @param config   the classifier's settings (encoder chosen from {@code model})
 * @param out      output directory
 */
record ClassifyRun(String model, String label, ClassifierConfig config, EngineOptions engine, long seed, Path out) {
    static Encoder encoder(String model) {
        return switch (model) {
            case "gru4rec", "gru" -> Encoder.GRU;
            case "lstm" -> Encoder.LSTM;
            case "sasrec", "transformer" -> Encoder.TRANSFORMER;
            default -> throw new InvalidParameterException("--model", model,
                    "gru4rec (GRU encoder), lstm or sasrec (Transformer encoder) with --task CLASSIFY");
        };
    }

    int run(SequenceDataset data, PrintWriter stdout, Consumer<String> log) throws IOException {
        LabelledPrefixes ex = LabelledPrefixes.of(data, label, seed);
        int[] train = ex.indices(LabelledPrefixes.TRAIN);
        int[] test = ex.indices(LabelledPrefixes.TEST);
        log.accept(String.format(Locale.ROOT, "%d sequences: %d examples (%d train, %d test; %.1f%% end with %s), %d "
                        + "skipped (start with it)", data.numUsers(), ex.size(), train.length, test.length,
                100 * ex.positiveRate(train), label, ex.skipped()));
        if (train.length == 0 || test.length == 0) {
            throw new InvalidParameterException("--data", data.info().name(), "sequences enough for a train and a "
                    + "test part", ex.size() + " examples");
        }
        byte[] y = new byte[test.length];
        float[] lrP = new float[test.length];
        int numActions = data.actions().size();
        long t0 = System.nanoTime();
        var lr = CountLogisticRegression.fit(ex, train, numActions, 1e-3, 50);
        double lrSeconds = (System.nanoTime() - t0) / 1e9;
        for (int i = 0; i < test.length; i++) {
            y[i] = ex.labels()[test[i]];
            lrP[i] = lr.predict(ex.items()[test[i]], ex.actions()[test[i]]);
        }
        t0 = System.nanoTime();
        float[] nnP;
        try (var nn = SequenceClassifier.fit(ex, numActions, config, engine, seed, log)) {
            nnP = nn.predict(ex, test);
        }
        double nnSeconds = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> models = new LinkedHashMap<>();
        String name = config.encoder().name().toLowerCase(Locale.ROOT);
        models.put(name, Map.of("summary", BinaryMetrics.summary(nnP, y, 10), "fitSeconds", nnSeconds,
                "config", config));
        models.put("logistic-counts", Map.of("summary", BinaryMetrics.summary(lrP, y, 10), "fitSeconds", lrSeconds));
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("task", "will the sequence reach action '" + label + "'? inputs: events before its first '"
                + label + "'");
        report.put("data", data.info().name());
        report.put("examples", ex.size());
        report.put("testExamples", test.length);
        report.put("skipped", ex.skipped());
        report.put("split", "80/10/10 by sequence, seed " + seed);
        report.put("models", models);
        Files.createDirectories(out);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(out.resolve("classification.json").toFile(), report);
        stdout.printf(Locale.ROOT, "%-16s %8s %8s %8s %8s%n", "model", "ROC AUC", "PR AUC", "Brier", "log loss");
        for (var e : models.entrySet()) {
            @SuppressWarnings("unchecked")
            var s = (BinaryMetrics.Summary) ((Map<String, Object>) e.getValue()).get("summary");
            stdout.printf(Locale.ROOT, "%-16s %8.4f %8.4f %8.4f %8.4f%n", e.getKey(), s.rocAuc(), s.prAuc(),
                    s.brier(), s.logLoss());
        }
        stdout.println("wrote " + out.resolve("classification.json"));
        return 0;
    }
}
