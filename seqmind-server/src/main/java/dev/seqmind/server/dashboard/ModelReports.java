package dev.seqmind.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the evaluation figures of a model directory in the {@code report.json} that {@code seqmind evaluate} wrote
 * beside it: in the directory itself, in its parent, or in {@code report/} next to its parent (the layout of
 * {@code seqmind evaluate --out DIR/report --save-models DIR/models} and of the demo). The model's row in the report
 * is the one whose name is the directory's model name. Reports are read once per directory and cached.
 */
public final class ModelReports {
    private static final Logger LOG = LoggerFactory.getLogger(ModelReports.class);

    /**
     * One model's evaluation.
     *
     * @param report     the report file
     * @param title      the report's title
     * @param protocol   how it ranked ("full ranking" or sampled) and its split
     * @param metrics    metric ("NDCG@10") to mean over the test cases
     * @param intervals  metric to its bootstrap interval {low, high}, where the report has one
     * @param baseline   the report's baseline model
     * @param marker     metric to "better", "worse", "" or "baseline" against that baseline
     */
    public record Evaluation(Path report, String title, String protocol, Map<String, Double> metrics,
                             Map<String, double[]> intervals, String baseline, Map<String, String> marker) {
    }

    private final ObjectMapper json;
    private final ConcurrentHashMap<Path, Optional<JsonNode>> cache = new ConcurrentHashMap<>();

    public ModelReports(ObjectMapper json) {
        this.json = json;
    }

    /** The evaluation of the model {@code modelName} saved in {@code dir}, when a report covers it. */
    public Optional<Evaluation> find(Path dir, String modelName) {
        for (Path candidate : candidates(dir)) {
            Optional<JsonNode> report = cache.computeIfAbsent(candidate, this::read);
            if (report.isPresent()) {
                Optional<Evaluation> e = evaluation(candidate, report.get(), modelName);
                if (e.isPresent()) {
                    return e;
                }
            }
        }
        return Optional.empty();
    }

    static List<Path> candidates(Path dir) {
        Path abs = dir.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null) {
            return List.of(abs.resolve("report.json"));
        }
        return List.of(abs.resolve("report.json"), parent.resolve("report.json"),
                parent.resolveSibling("report").resolve("report.json"));
    }

    private Optional<JsonNode> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.readTree(file.toFile()));
        } catch (IOException e) {
            LOG.warn("{}: not a readable evaluation report: {}", file, e.getMessage());
            return Optional.empty();
        }
    }

    static Optional<Evaluation> evaluation(Path file, JsonNode report, String modelName) {
        for (JsonNode m : report.path("models")) {
            if (!modelName.equals(m.path("name").asText())) {
                continue;
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            Map<String, double[]> intervals = new LinkedHashMap<>();
            Map<String, String> marker = new LinkedHashMap<>();
            m.path("metrics").fields().forEachRemaining(f -> {
                JsonNode v = f.getValue();
                if (v.path("mean").isNumber()) {
                    metrics.put(f.getKey(), v.path("mean").asDouble());
                }
                if (v.path("low").isNumber() && v.path("high").isNumber()) {
                    intervals.put(f.getKey(), new double[]{v.path("low").asDouble(), v.path("high").asDouble()});
                }
                marker.put(f.getKey(), v.path("marker").asText(""));
            });
            String protocol = report.path("ranking").asText("") + "; "
                    + report.path("reproducibility").path("split").asText("");
            return Optional.of(new Evaluation(file, report.path("title").asText(""), protocol, metrics, intervals,
                    report.path("baseline").asText(""), marker));
        }
        return Optional.empty();
    }
}
