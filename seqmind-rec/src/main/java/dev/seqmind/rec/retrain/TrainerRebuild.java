package dev.seqmind.rec.retrain;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.store.Provenance;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

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
        RecommenderTrainer rebuilt = (RecommenderTrainer) build(r.getClass(), "", want);
        if (!rebuilt.params().equals(want)) {
            throw new IllegalArgumentException("rebuilt " + p.trainer() + " has " + rebuilt.params()
                    + ", not the recorded " + want);
        }
        return rebuilt;
    }

    /** The trainer's own parameters: without the run facts commands add ({@code dataset.*}). */
    public static Map<String, String> recorded(Provenance p) {
        Map<String, String> out = new LinkedHashMap<>(p.params());
        out.keySet().removeIf(k -> k.startsWith("dataset."));
        return out;
    }

    private static Object build(Class<?> type, String prefix, Map<String, String> values) {
        RecordComponent[] parts = type.getRecordComponents();
        Class<?>[] types = new Class<?>[parts.length];
        Object[] args = new Object[parts.length];
        for (int i = 0; i < parts.length; i++) {
            types[i] = parts[i].getType();
            String key = prefix + parts[i].getName();
            args[i] = types[i].isRecord() ? build(types[i], key + ".", values) : parse(types[i], key, values.get(key));
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
        } else if (type.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) type, text);
        }
        throw new IllegalArgumentException("parameter " + key + " of type " + type.getSimpleName()
                + " cannot be read back from text");
    }
}
