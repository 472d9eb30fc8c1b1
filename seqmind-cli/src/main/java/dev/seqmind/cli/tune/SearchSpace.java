package dev.seqmind.cli.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seqmind.data.error.InputFormatException;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * The options a search draws, read from a JSON object whose keys are {@code train} option names without the leading
 * dashes. A value is one of
 * <ul>
 *   <li>a number, string or boolean: fixed in every trial;</li>
 *   <li>{@code {"choice": [a, b, ...]}}: one of the values, uniformly;</li>
 *   <li>{@code {"uniform": [lo, hi]}}: a real number uniformly in the range;</li>
 *   <li>{@code {"log-uniform": [lo, hi]}}: a real number whose logarithm is uniform ({@code 0 < lo < hi});</li>
 *   <li>{@code {"int": [lo, hi]}}: an integer uniformly in the range, both ends included.</li>
 * </ul>
 * Real numbers are drawn to 3 significant digits, so the trial log and the {@code train} command show what ran.
 *
 * @param dimensions each option's distribution, in file order
 */
public record SearchSpace(List<Dimension> dimensions) {
    /** The options tune itself sets for every trial; a space may not draw them. */
    public static final Set<String> RESERVED = Set.of("model", "data", "out", "checkpoints", "resume", "epochs",
            "seed", "threads", "task", "label", "format", "items", "split", "cold-item-fraction", "time-range",
            "patience", "djl-cache", "help", "version");

    /** One option and how it is drawn. */
    public sealed interface Dimension {
        String name();

        /** The value for the next trial, as it is written on the command line. */
        String draw(SplittableRandom rng);
    }

    /** An option with the same value in every trial. */
    public record Fixed(String name, String value) implements Dimension {
        @Override
        public String draw(SplittableRandom rng) {
            return value;
        }
    }

    /** One of a list of values. */
    public record Choice(String name, List<String> values) implements Dimension {
        @Override
        public String draw(SplittableRandom rng) {
            return values.get(rng.nextInt(values.size()));
        }
    }

    /** A real number in {@code [lo, hi)}, uniform on a linear or logarithmic scale. */
    public record Real(String name, double lo, double hi, boolean log) implements Dimension {
        @Override
        public String draw(SplittableRandom rng) {
            double u = rng.nextDouble();
            double v = log ? Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))) : lo + u * (hi - lo);
            return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
        }
    }

    /** An integer in {@code [lo, hi]}. */
    public record Int(String name, long lo, long hi) implements Dimension {
        @Override
        public String draw(SplittableRandom rng) {
            return Long.toString(lo + rng.nextLong(hi - lo + 1));
        }
    }

    public SearchSpace {
        dimensions = List.copyOf(dimensions);
    }

    /**
     * Reads a space file.
     *
     * @param isOption whether a name (without dashes) is a {@code train} option
     * @throws InputFormatException naming the file and the field that is wrong
     */
    public static SearchSpace read(Path file, Predicate<String> isOption) throws IOException {
        String text = java.nio.file.Files.readString(file);
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputFormatException(file.toString(), e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "", "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InputFormatException(file.toString(), 1, "", "expected a JSON object of train options");
        }
        List<Dimension> dims = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String name = e.getKey().startsWith("--") ? e.getKey().substring(2) : e.getKey();
            long line = lineOf(text, e.getKey());
            if (RESERVED.contains(name)) {
                throw bad(file, line, e.getKey(), "set by tune itself, not drawn");
            }
            if (!isOption.test(name)) {
                throw bad(file, line, e.getKey(), "not an option of seqmind train");
            }
            dims.add(dimension(file, line, name, e.getValue()));
        }
        if (dims.isEmpty()) {
            throw new InputFormatException(file.toString(), 1, "", "no options to search");
        }
        return new SearchSpace(dims);
    }

    /** The 1-based line where {@code "key"} first appears (0 if not found). */
    private static long lineOf(String text, String key) {
        int at = text.indexOf('"' + key + '"');
        return at < 0 ? 0 : text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Dimension dimension(Path file, long line, String name, JsonNode v) {
        if (v.isValueNode()) {
            return new Fixed(name, v.asText());
        }
        if (!v.isObject() || v.size() != 1) {
            throw bad(file, line, name, "a value or one of {\"choice\": [...]}, {\"uniform\": [lo, hi]}, "
                    + "{\"log-uniform\": [lo, hi]}, {\"int\": [lo, hi]}");
        }
        String kind = v.fieldNames().next();
        JsonNode args = v.get(kind);
        if (!args.isArray() || args.isEmpty()) {
            throw bad(file, line, name + "." + kind, "a non-empty array");
        }
        switch (kind) {
            case "choice" -> {
                List<String> values = new ArrayList<>();
                args.forEach(a -> values.add(a.asText()));
                return new Choice(name, Collections.unmodifiableList(values));
            }
            case "uniform", "log-uniform" -> {
                double[] r = range(file, line, name + "." + kind, args);
                if (kind.equals("log-uniform") && r[0] <= 0) {
                    throw bad(file, line, name + "." + kind, "a range above 0");
                }
                return new Real(name, r[0], r[1], kind.equals("log-uniform"));
            }
            case "int" -> {
                double[] r = range(file, line, name + ".int", args);
                if (r[0] != Math.rint(r[0]) || r[1] != Math.rint(r[1])) {
                    throw bad(file, line, name + ".int", "whole numbers");
                }
                return new Int(name, (long) r[0], (long) r[1]);
            }
            default -> throw bad(file, line, name + "." + kind, "choice, uniform, log-uniform or int");
        }
    }

    private static double[] range(Path file, long line, String field, JsonNode args) {
        if (args.size() != 2 || !args.get(0).isNumber() || !args.get(1).isNumber()
                || args.get(0).asDouble() >= args.get(1).asDouble()) {
            throw bad(file, line, field, "[lo, hi] with lo < hi");
        }
        return new double[] {args.get(0).asDouble(), args.get(1).asDouble()};
    }

    private static InputFormatException bad(Path file, long line, String field, String problem) {
        return new InputFormatException(file.toString(), line, field, problem);
    }

    /** The options of trial {@code index} (0-based): the same for the same seed, whatever ran before. */
    public Map<String, String> trial(long seed, int index) {
        SplittableRandom rng = new SplittableRandom(seed * 1_000_003L + index);
        Map<String, String> out = new LinkedHashMap<>();
        for (Dimension d : dimensions) {
            out.put(d.name(), d.draw(rng));
        }
        return out;
    }
}
