package dev.seqmind.server.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.rec.abtest.Bucketing;
import dev.seqmind.rec.abtest.Msprt;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads an experiment definition from a request body, refusing the first bad field by name:
 * <pre>{"name": "pop-vs-markov", "variants": [{"name": "control", "model": "pop", "share": 0.5},
 *   {"name": "markov1", "model": "markov1", "share": 0.5}], "attribution_window_seconds": 1800,
 *   "click_actions": [], "conversion_actions": ["buy"], "alpha": 0.05, "mixing_sd": 0.01, "salt": "hex"}</pre>
 * Only {@code name} and {@code variants} are required; every variant's model must be loaded, and the shares must sum
 * to 1. Without {@code salt} a random 32-byte one is drawn (give one to replay the same assignment offline).
 */
public final class DefinitionParser {
    /** Defaults: a 30-minute window, every action a click, "buy" a conversion, alpha 0.05. */
    public static final long DEFAULT_WINDOW_SECONDS = 1800;
    public static final List<String> DEFAULT_CONVERSIONS = List.of("buy");
    public static final double DEFAULT_ALPHA = 0.05;
    static final int MAX_VARIANTS = 10;
    private static final Set<String> FIELDS = Set.of("name", "variants", "attribution_window_seconds",
            "click_actions", "conversion_actions", "alpha", "mixing_sd", "salt");
    private static final Set<String> VARIANT_FIELDS = Set.of("name", "model", "share");

    private final Set<String> models;
    private final SecureRandom random;

    /** @param models the names of the loaded models */
    public DefinitionParser(Set<String> models, SecureRandom random) {
        this.models = Set.copyOf(models);
        this.random = random;
    }

    public Definition parse(JsonNode body, String id, long now) {
        only(body, "", FIELDS);
        String name = text(body.get("name"), "name", true);
        JsonNode vs = body.get("variants");
        if (vs == null || !vs.isArray() || vs.size() < 2 || vs.size() > MAX_VARIANTS) {
            throw new InvalidDefinitionException("variants", "required: an array of 2 to " + MAX_VARIANTS
                    + " objects {\"name\", \"model\", \"share\"}; the first is the control");
        }
        List<Definition.Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        double sum = 0;
        for (int i = 0; i < vs.size(); i++) {
            String at = "variants[" + i + "]";
            JsonNode v = vs.get(i);
            if (!v.isObject()) {
                throw new InvalidDefinitionException(at, "must be an object {\"name\", \"model\", \"share\"}");
            }
            only(v, at + ".", VARIANT_FIELDS);
            String vn = text(v.get("name"), at + ".name", true);
            if (!names.add(vn)) {
                throw new InvalidDefinitionException(at + ".name", "'" + vn + "' is used by two variants");
            }
            String model = text(v.get("model"), at + ".model", true);
            if (!models.contains(model)) {
                throw new InvalidDefinitionException(at + ".model", "no model named '" + model + "' is loaded; loaded: "
                        + new TreeSet<>(models));
            }
            JsonNode s = v.get("share");
            if (s == null || !s.isNumber() || !(s.asDouble() > 0 && s.asDouble() <= 1)) {
                throw new InvalidDefinitionException(at + ".share", "required: a number in (0, 1]");
            }
            sum += s.asDouble();
            variants.add(new Definition.Variant(vn, model, s.asDouble()));
        }
        if (Math.abs(sum - 1) > 1e-6) {
            throw new InvalidDefinitionException("variants", "the shares sum to " + sum + "; they must sum to 1");
        }
        long window = integer(body.get("attribution_window_seconds"), "attribution_window_seconds",
                DEFAULT_WINDOW_SECONDS, 1, 30L * 24 * 3600);
        List<String> clicks = actions(body.get("click_actions"), "click_actions", List.of());
        List<String> conversions = actions(body.get("conversion_actions"), "conversion_actions", DEFAULT_CONVERSIONS);
        double alpha = decimal(body.get("alpha"), "alpha", DEFAULT_ALPHA, 0.5);
        double tau = decimal(body.get("mixing_sd"), "mixing_sd", Msprt.DEFAULT_TAU, 0.999);
        byte[] salt;
        JsonNode s = body.get("salt");
        if (s == null || s.isNull()) {
            salt = Bucketing.newSalt(random);
        } else {
            try {
                salt = Bucketing.salt(s.isTextual() ? s.asText() : "");
            } catch (IllegalArgumentException e) {
                throw new InvalidDefinitionException("salt", "must be a hex string of at least 32 digits");
            }
        }
        return new Definition(id, name, variants, window * 1000, clicks, conversions, alpha, tau, salt, now);
    }

    private static void only(JsonNode node, String prefix, Set<String> known) {
        Iterator<String> it = node.fieldNames();
        while (it.hasNext()) {
            String n = it.next();
            if (!known.contains(n)) {
                throw new InvalidDefinitionException(prefix + n, "unknown field; known: " + new TreeSet<>(known));
            }
        }
    }

    private static String text(JsonNode v, String field, boolean required) {
        if (v == null || v.isNull()) {
            if (required) {
                throw new InvalidDefinitionException(field, "required: a non-empty string");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 100
                || v.asText().chars().anyMatch(Character::isISOControl)) {
            throw new InvalidDefinitionException(field, "must be a non-empty string of at most 100 characters "
                    + "without control characters");
        }
        return v.asText();
    }

    private static long integer(JsonNode v, String field, long def, long min, long max) {
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < min || v.asLong() > max) {
            throw new InvalidDefinitionException(field, "must be an integer in [" + min + ", " + max + "]");
        }
        return v.asLong();
    }

    private static double decimal(JsonNode v, String field, double def, double max) {
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isNumber() || !(v.asDouble() > 0 && v.asDouble() <= max)) {
            throw new InvalidDefinitionException(field, "must be a number in (0, " + max + "]");
        }
        return v.asDouble();
    }

    private static List<String> actions(JsonNode v, String field, List<String> def) {
        if (v == null || v.isNull()) {
            return def;
        }
        if (!v.isArray() || v.size() > 50) {
            throw new InvalidDefinitionException(field, "must be an array of at most 50 action names");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            out.add(text(v.get(i), field + "[" + i + "]", true));
        }
        return out;
    }
}
