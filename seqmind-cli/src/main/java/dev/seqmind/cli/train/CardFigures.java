package dev.seqmind.cli.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** Adds figures to a written model's {@code card.json} ({@code metrics}), replacing the file atomically. Stateless. */
final class CardFigures {
    private CardFigures() {
    }

    static void add(Path modelDir, Map<String, Number> figures) throws IOException {
        Path card = modelDir.resolve("card.json");
        ObjectMapper om = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = (ObjectNode) om.readTree(card.toFile());
        ObjectNode metrics = root.with("metrics");
        figures.forEach((k, v) -> {
            if (v instanceof Integer || v instanceof Long) {
                metrics.put(k, v.longValue());
            } else {
                metrics.put(k, v.doubleValue());
            }
        });
        Path tmp = card.resolveSibling("card.json.tmp");
        om.writeValue(tmp.toFile(), root);
        Files.move(tmp, card, StandardCopyOption.REPLACE_EXISTING);
    }
}
