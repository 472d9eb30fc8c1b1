package dev.seqmind.rec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/** Reads a configuration record's values as text, for provenance and reports. Stateless. */
public final class RecordValues {
    private RecordValues() {
    }

    /** Adds every component of {@code r} to {@code out} as {@code prefix + name -> value}, in declaration order. */
    public static void addTo(Map<String, String> out, String prefix, Record r) {
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            try {
                out.put(prefix + c.getName(), String.valueOf(c.getAccessor().invoke(r)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                out.put(prefix + c.getName(), "<unreadable: " + e + ">");
            }
        }
    }
}
