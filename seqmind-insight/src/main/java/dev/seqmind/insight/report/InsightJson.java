package dev.seqmind.insight.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.nio.file.Path;

/** Writes an {@link InsightReport} as JSON; NaN and infinite numbers become {@code null}. Stateless. */
public final class InsightJson {
    private InsightJson() {
    }

    /** Doubles that are not finite are written as null (JSON has no NaN). */
    private static final class FiniteDoubles extends StdSerializer<Double> {
        FiniteDoubles() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            if (value == null || value.isNaN() || value.isInfinite()) {
                gen.writeNull();
            } else {
                gen.writeNumber(value);
            }
        }
    }

    static ObjectMapper mapper(boolean pretty) {
        SimpleModule finite = new SimpleModule("finite-doubles");
        finite.addSerializer(Double.class, new FiniteDoubles());
        finite.addSerializer(Double.TYPE, new FiniteDoubles());
        ObjectMapper om = new ObjectMapper().registerModule(finite);
        return pretty ? om.enable(SerializationFeature.INDENT_OUTPUT) : om;
    }

    public static void write(InsightReport report, Path file) throws IOException {
        mapper(true).writeValue(file.toFile(), report);
    }

    public static String toJson(InsightReport report) throws IOException {
        return mapper(false).writeValueAsString(report);
    }
}
