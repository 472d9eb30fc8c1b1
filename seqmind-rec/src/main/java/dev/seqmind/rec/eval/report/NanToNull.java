package dev.seqmind.rec.eval.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** Replaces NaN and infinite numbers (and the "NaN" strings Jackson writes for them) in a JSON tree by null. */
final class NanToNull {
    private NanToNull() {
    }

    static JsonNode convert(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>();
            o.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                o.set(n, convert(o.get(n)));
            }
            return o;
        }
        if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                a.set(i, convert(a.get(i)));
            }
            return a;
        }
        if (node.isNumber() && (node.isDouble() || node.isFloat())
                && (Double.isNaN(node.doubleValue()) || Double.isInfinite(node.doubleValue()))) {
            return NullNode.getInstance();
        }
        if (node.isTextual() && (node.textValue().equals("NaN") || node.textValue().endsWith("Infinity"))) {
            return NullNode.getInstance();
        }
        return node;
    }
}
