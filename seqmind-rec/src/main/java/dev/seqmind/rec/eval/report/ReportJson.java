package dev.seqmind.rec.eval.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Path;

/** Writes an {@link EvaluationReport} as indented JSON; NaN (e.g. diversity without categories) becomes null. */
public final class ReportJson {
    private ReportJson() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    public static void write(EvaluationReport report, Path file) throws IOException {
        mapper().writeValue(file.toFile(), NanToNull.convert(mapper().valueToTree(report)));
    }

    /** The report as a JSON string (NaN as null), for embedding. */
    public static String toJson(EvaluationReport report, boolean indent) throws IOException {
        ObjectMapper om = mapper();
        if (!indent) {
            om.disable(SerializationFeature.INDENT_OUTPUT);
        }
        return om.writeValueAsString(NanToNull.convert(om.valueToTree(report)));
    }
}
