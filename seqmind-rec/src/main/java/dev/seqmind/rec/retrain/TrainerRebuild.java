package dev.seqmind.rec.retrain;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.Trainers;
import dev.seqmind.rec.store.Provenance;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * The trainer a model was fitted with, rebuilt from its provenance: the trainer looked up by name, and for record
 * trainers (the classic models) every component set from the recorded parameters. A trainer that is not a record
 * (the neural ones) comes back with its defaults and the caller is told so by {@link Rebuilt#exact()}. Stateless.
 */
public final class TrainerRebuild {
    private TrainerRebuild() {
    }

    /** A rebuilt trainer; {@code exact} is false when some recorded parameter could not be applied. */
    public record Rebuilt(RecommenderTrainer trainer, boolean exact, String note) {
    }

    public static Rebuilt from(Provenance p) {
        if (p == null) {
            throw new InvalidParameterException("serving model", "without provenance", "a model directory whose "
                    + "model.json names its trainer", "give --trainer NAME");
        }
        RecommenderTrainer base = Trainers.byName(p.trainer());
        if (!(base instanceof Record r)) {
            return new Rebuilt(base, false, p.trainer() + " is rebuilt with its default parameters");
        }
        return withParams(r, p.params());
    }

    /** {@code defaults} with the components named in {@code params} set from their text. */
    static Rebuilt withParams(Record defaults, Map<String, String> params) {
        RecordComponent[] comps = defaults.getClass().getRecordComponents();
        Object[] args = new Object[comps.length];
        Class<?>[] types = new Class<?>[comps.length];
        StringBuilder skipped = new StringBuilder();
        try {
            for (int i = 0; i < comps.length; i++) {
                types[i] = comps[i].getType();
                Object value = comps[i].getAccessor().invoke(defaults);
                String text = params.get(comps[i].getName());
                if (text != null) {
                    Object parsed = parse(types[i], text);
                    if (parsed == null) {
                        skipped.append(' ').append(comps[i].getName());
                    } else {
                        value = parsed;
                    }
                }
                args[i] = value;
            }
            Constructor<?> c = defaults.getClass().getDeclaredConstructor(types);
            RecommenderTrainer t = (RecommenderTrainer) c.newInstance(args);
            return new Rebuilt(t, skipped.isEmpty(), skipped.isEmpty() ? "" : "kept defaults for" + skipped);
        } catch (InvocationTargetException e) {
            throw new InvalidParameterException("serving model's parameters", params, "valid for "
                    + defaults.getClass().getSimpleName(), String.valueOf(e.getCause().getMessage()));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot rebuild " + defaults.getClass().getName() + ": " + e, e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object parse(Class<?> type, String text) {
        try {
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
        } catch (IllegalArgumentException e) {
            return null;
        }
        return null;
    }
}
