package dev.seqmind.rec.retrain;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.store.Provenance;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The trainer a model was fitted with, rebuilt from its provenance: the trainer named there, and for record trainers
 * (the classic models) the same record constructed from the recorded parameter text (numbers, booleans, strings,
 * enums and nested records). {@link #exactly} refuses anything but the recorded settings (erasure refits models with
 * exactly what they had); {@link #from} falls back to the named trainer's defaults and says so (a retraining can still
 * compare). Stateless.
 */
public final class TrainerRebuild {
    private TrainerRebuild() {
    }

    /** A rebuilt trainer; {@code exact} is false when the recorded parameters could not be applied. */
    public record Rebuilt(RecommenderTrainer trainer, boolean exact, String note) {
    }

    /** The recorded trainer, or its defaults with a note saying why the record could not be applied. */
    public static Rebuilt from(Provenance p) {
        if (p == null) {
            throw new InvalidParameterException("serving model", "without provenance", "a model directory whose "
                    + "model.json names its trainer", "give --trainer NAME");
        }
        try {
            return new Rebuilt(exactly(p), true, "");
        } catch (IllegalArgumentException e) {
            return new Rebuilt(Trainers.byName(p.trainer()), false,
                    p.trainer() + " is rebuilt with its default parameters: " + e.getMessage());
        }
    }

    /**
     * The trainer that fits {@code p}'s model again with exactly its recorded parameters.
     *
     * @throws IllegalArgumentException saying why it cannot be rebuilt exactly
     */
    public static RecommenderTrainer exactly(Provenance p) {
        if (p == null || p.trainer() == null || p.trainer().isEmpty()) {
            throw new IllegalArgumentException("the model records no trainer");
        }
        for (TrainerRecipe recipe : ServiceLoader.load(TrainerRecipe.class, TrainerRebuild.class.getClassLoader())) {
            if (recipe.handles(p.trainer())) {
                RecommenderTrainer rebuilt = recipe.exactly(p);
                if (!rebuilt.params().equals(recorded(p))) {
                    throw new IllegalArgumentException("rebuilt " + p.trainer() + " has " + rebuilt.params()
                            + ", not the recorded " + recorded(p));
                }
                return rebuilt;
            }
        }
        RecommenderTrainer base;
        try {
            base = Trainers.byName(p.trainer());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("no trainer is called '" + p.trainer() + "'");
        }
        Map<String, String> want = recorded(p);
        if (base.params().equals(want)) {
            return base;
        }
        if (!(base instanceof Record r)) {
            throw new IllegalArgumentException(p.trainer() + " was trained with non-default settings " + want
                    + " that only its own command can set again");
        }
        RecommenderTrainer rebuilt = (RecommenderTrainer) record(r.getClass(), "", want);
        if (!rebuilt.params().equals(want)) {
            throw new IllegalArgumentException("rebuilt " + p.trainer() + " has " + rebuilt.params()
                    + ", not the recorded " + want);
        }
        return rebuilt;
    }

    /** The files {@code p}'s training run left that hold what it learnt ({@link TrainerRecipe#runFiles}). */
    public static List<java.nio.file.Path> runFiles(Provenance p) {
        for (TrainerRecipe recipe : ServiceLoader.load(TrainerRecipe.class, TrainerRebuild.class.getClassLoader())) {
            if (p != null && recipe.handles(p.trainer())) {
                return recipe.runFiles(p);
            }
        }
        return List.of();
    }

    /** The trainer's own parameters: without the run facts commands add ({@code dataset.*}). */
    public static Map<String, String> recorded(Provenance p) {
        Map<String, String> out = new LinkedHashMap<>(p.params());
        out.keySet().removeIf(k -> k.startsWith("dataset."));
        return out;
    }

    /**
     * The record of type {@code type} whose components are {@code values[prefix + name]} as text (what
     * {@link dev.seqmind.rec.RecordValues} wrote). A nested record is read from {@code prefix + name + "."} keys or,
     * when its own key holds it, from its {@code Name[a=1, b=X]} text.
     *
     * @throws IllegalArgumentException naming the value that is missing or cannot be read back
     */
    public static <R extends Record> R record(Class<R> type, String prefix, Map<String, String> values) {
        return type.cast(build(type, prefix, values));
    }

    private static Object build(Class<?> type, String prefix, Map<String, String> values) {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            String key = prefix + parts[i].getName();
            if (types[i].isRecord() && values.containsKey(key)) {
                args[i] = "null".equals(values.get(key)) ? null : build(types[i], "", fields(key, values.get(key)));
            } else {
                args[i] = types[i].isRecord() ? build(types[i], key + ".", values)
                        : parse(types[i], key, values.get(key));
            }
        }
        try {
            Constructor<?> c = type.getDeclaredConstructor(types);
            c.setAccessible(true);
            return c.newInstance(args);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalArgumentException("cannot construct " + type.getSimpleName() + ": " + cause.getMessage());
        }
    }

    /**
     * {@code Name[a=1, b=X]} (a record's text) as {@code a -> 1, b -> X}; a nested record's text stays whole as its
     * component's value ({@code views -> Inner[c=2]}), split at top-level commas only.
     */
    private static Map<String, String> fields(String key, String text) {
        int open = text.indexOf('[');
        if (open < 0 || !text.endsWith("]")) {
            throw new IllegalArgumentException("parameter " + key + " is not a record's text: " + text);
        }
        Map<String, String> out = new LinkedHashMap<>();
        String body = text.substring(open + 1, text.length() - 1);
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : ',';
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (depth == 0 && (i == body.length() || body.startsWith(", ", i))) {
                if (i > start) {
                    String part = body.substring(start, i);
                    int eq = part.indexOf('=');
                    int bracket = part.indexOf('[');
                    if (eq < 0 || (bracket >= 0 && bracket < eq)) {
                        throw new IllegalArgumentException("parameter " + key + " cannot be read back from " + text);
                    }
                    out.put(part.substring(0, eq), part.substring(eq + 1));
                }
                start = i + 2;
            }
            if (depth < 0) {
                throw new IllegalArgumentException("parameter " + key + " cannot be read back from " + text);
            }
        }
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String key, String text) {
        if (text == null) {
            throw new IllegalArgumentException("parameter " + key + " is not recorded");
        }
        if (type == int.class || type == Integer.class) {
            return Integer.parseInt(text);
        } else if (type == long.class || type == Long.class) {
            return Long.parseLong(text);
        } else if (type == double.class || type == Double.class) {
            return Double.parseDouble(text);
        } else if (type == float.class || type == Float.class) {
            return Float.parseFloat(text);
        } else if (type == boolean.class || type == Boolean.class) {
            return Boolean.parseBoolean(text);
        } else if (type == String.class) {
            return text;
        } else if (type == java.nio.file.Path.class) {
            return text.equals("null") ? null : java.nio.file.Path.of(text);
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        throw new IllegalArgumentException("parameter " + key + " of type " + type.getSimpleName()
                + " cannot be read back from text");
    }
}
