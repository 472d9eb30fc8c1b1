package dev.seqmind.rec.store;

import dev.seqmind.rec.RecommenderTrainer;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads a trainer's configured values: the components of a record trainer, in declaration order. */
public final class TrainerParams {
    private TrainerParams() {
    }

    /** Name to value (as a string) of every record component; empty for a trainer that is not a record. */
    public static Map<String, String> of(RecommenderTrainer trainer) {
        Map<String, String> out = new LinkedHashMap<>();
        RecordComponent[] components = trainer.getClass().getRecordComponents();
        if (components == null) {
            return out;
        }
        for (RecordComponent c : components) {
            try {
                Object v = c.getAccessor().invoke(trainer);
                out.put(c.getName(), String.valueOf(v));
            } catch (IllegalAccessException | InvocationTargetException e) {
                out.put(c.getName(), "<unreadable: " + e + ">");
            }
        }
        return out;
    }
}
