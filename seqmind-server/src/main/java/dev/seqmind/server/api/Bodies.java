package dev.seqmind.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.helidon.http.HeaderNames;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;

/** Reads and checks JSON request bodies: size limit (413), well-formed JSON (400), known fields only (400). */
public final class Bodies {
    private Bodies() {
    }

    /** The body as a JSON object, at most {@code maxBytes}. */
    public static JsonNode object(Call call, ObjectMapper json, long maxBytes) {
        var len = call.request().headers().first(HeaderNames.CONTENT_LENGTH);
        long declared = -1;
        if (len.isPresent()) {
            try {
                declared = Long.parseLong(len.get().strip());
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length", "not a number");
            }
            if (declared > maxBytes) {
                throw tooLarge(maxBytes);
            }
        }
        byte[] body;
        try (InputStream in = call.request().content().inputStream()) {
            body = declared >= 0 ? exactly(in, (int) declared)
                    : in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("", "the request body could not be read");
        }
        if (body.length > maxBytes) {
            throw tooLarge(maxBytes);
        }
        if (body.length == 0) {
            throw ApiException.badRequest("", "a JSON object body is required");
        }
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            throw ApiException.badRequest("", "malformed JSON" + (loc == null ? "" : " at line " + loc.getLineNr()
                    + ", column " + loc.getColumnNr()));
        } catch (IOException e) {
            throw ApiException.badRequest("", "malformed JSON");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("", "the body must be a JSON object");
        }
        return node;
    }

    /**
     * The {@code length} bytes a Content-Length announced, read into one array of that size (a request then
     * allocates what it sent, not a 16 KiB read buffer); a shorter body is returned as it is.
     */
    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] b = new byte[length];
        int n = in.readNBytes(b, 0, length);
        return n == length ? b : java.util.Arrays.copyOf(b, n);
    }

    /** Refuses fields of {@code node} not in {@code known}, naming the first with its path prefix. */
    public static void onlyFields(JsonNode node, String prefix, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String n = names.next();
            if (!known.contains(n)) {
                throw ApiException.badRequest(prefix + n, "unknown field; known: " + new java.util.TreeSet<>(known));
            }
        }
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(413, "payload_too_large", "", "the body is larger than " + max
                + " bytes; send smaller batches");
    }
}
