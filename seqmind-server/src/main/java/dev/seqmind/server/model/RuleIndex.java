package dev.seqmind.server.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.model.IdMap;
import dev.seqmind.data.model.SequenceDataset;
import dev.seqmind.mining.MinSupport;
import dev.seqmind.mining.MiningBudget;
import dev.seqmind.mining.rules.RuleParams;
import dev.seqmind.mining.rules.SequentialRuleMiner;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Mined sequential rules indexed by consequent item, for explanations ("A then B => C") and {@code /v1/patterns}.
 * Rules come from {@code seqmind mine rules --format jsonl} output or are mined from the dataset at start.
 * Immutable and thread-safe.
 */
public final class RuleIndex {
    /** Orders for {@link #query}. */
    public enum Sort { LIFT, CONFIDENCE, SUPPORT }

    private final List<MinedRule> rules;
    private final Map<String, List<MinedRule>> byConsequent;

    public RuleIndex(List<MinedRule> rules) {
        List<MinedRule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingDouble(MinedRule::confidence).reversed()
                .thenComparing(Comparator.comparingDouble(MinedRule::lift).reversed()));
        this.rules = List.copyOf(sorted);
        Map<String, List<MinedRule>> m = new HashMap<>();
        for (MinedRule r : this.rules) {
            for (String c : r.consequent()) {
                m.computeIfAbsent(c, k -> new ArrayList<>()).add(r);
            }
        }
        this.byConsequent = m;
    }

    public static RuleIndex empty() {
        return new RuleIndex(List.of());
    }

    /** Reads JSON lines ({@code antecedent}, {@code consequent}, {@code support}, {@code confidence}, {@code lift}). */
    public static RuleIndex read(Path fileOrDir) throws IOException {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve("rules.jsonl") : fileOrDir;
        ObjectMapper om = new ObjectMapper();
        List<MinedRule> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode j;
                try {
                    j = om.readTree(line);
                } catch (IOException e) {
                    throw new InputFormatException(file.toString(), n, "", "not JSON: " + e.getMessage());
                }
                if (!j.path("antecedent").isArray() || !j.path("consequent").isArray()) {
                    throw new InputFormatException(file.toString(), n, "antecedent", "antecedent and consequent "
                            + "must be arrays of item ids (seqmind mine rules --format jsonl)");
                }
                out.add(new MinedRule(texts(j.get("antecedent")), texts(j.get("consequent")),
                        j.path("support").asLong(), j.path("confidence").asDouble(), j.path("lift").asDouble()));
            }
        }
        return new RuleIndex(out);
    }

    /** Mines rules with one consequent item and up to two antecedent items from {@code data}. */
    public static RuleIndex mine(SequenceDataset data, double minSupport, double minConfidence, long maxRules) {
        IdMap items = data.items();
        List<MinedRule> out = new ArrayList<>();
        RuleParams p = new RuleParams(MinSupport.fraction(minSupport), minConfidence, 2, 1, 1,
                MiningBudget.UNLIMITED.withMaxPatterns(maxRules));
        SequentialRuleMiner.mine(data, p, r -> out.add(new MinedRule(ids(r.antecedent(), items),
                ids(r.consequent(), items), r.support(), r.confidence(), r.lift())));
        return new RuleIndex(out);
    }

    /** Writes the rules as JSON lines (the format {@link #read} reads). */
    public void write(Path file) throws IOException {
        ObjectMapper om = new ObjectMapper();
        List<String> lines = new ArrayList<>(rules.size());
        for (MinedRule r : rules) {
            lines.add(om.writeValueAsString(r));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /** Up to {@code max} rules concluding {@code item} whose antecedent items all occur in {@code history}. */
    public List<MinedRule> behind(Set<String> history, String item, int max) {
        List<MinedRule> out = new ArrayList<>(max);
        for (MinedRule r : byConsequent.getOrDefault(item, List.of())) {
            if (history.containsAll(r.antecedent())) {
                out.add(r);
                if (out.size() == max) {
                    break;
                }
            }
        }
        return out;
    }

    /** Rules mentioning {@code item} (any side; {@code null} = all) at confidence >= min, best first by sort. */
    public List<MinedRule> query(String item, double minConfidence, Sort sort, int limit) {
        Comparator<MinedRule> order = switch (sort) {
            case LIFT -> Comparator.comparingDouble(MinedRule::lift);
            case CONFIDENCE -> Comparator.comparingDouble(MinedRule::confidence);
            case SUPPORT -> Comparator.comparingLong(MinedRule::support);
        };
        return rules.stream()
                .filter(r -> r.confidence() >= minConfidence)
                .filter(r -> item == null || r.antecedent().contains(item) || r.consequent().contains(item))
                .sorted(order.reversed()).limit(limit).toList();
    }

    public int size() {
        return rules.size();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static List<String> ids(int[] dense, IdMap items) {
        List<String> out = new ArrayList<>(dense.length);
        for (int d : dense) {
            out.add(items.externalId(d));
        }
        return out;
    }

    /** The rules, best confidence first. */
    public Collection<MinedRule> all() {
        return rules;
    }
}
