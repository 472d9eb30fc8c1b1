package dev.seqmind.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.seqmind.server.store.Event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Turns a request body into events, refusing the whole body at the first bad field (so nothing of a bad batch is
 * written). Ids: non-empty strings of at most 256 UTF-8 bytes without control characters. Timestamps: epoch
 * milliseconds or ISO-8601 with offset, from 1990-01-01 to one day ahead of the server clock; absent = now.
 * Properties: a JSON object of at most 4 KiB. Stateless and thread-safe.
 */
public final class EventParser {
    public static final int MAX_ID_BYTES = 256;
    public static final int MAX_PROPERTIES_BYTES = 4096;
    static final long MIN_TIME = Instant.parse("1990-01-01T00:00:00Z").toEpochMilli();
    static final long MAX_AHEAD = 24L * 3600 * 1000;
    private static final Set<String> EVENT_FIELDS = Set.of("user", "item", "action", "timestamp", "properties");
    private static final Set<String> BATCH_FIELDS = Set.of("events", "idempotency_key");

    /** A parsed body: the events and the batch's idempotency key (or {@code null}). */
    public record Parsed(List<Event> events, String idempotencyKey) {
    }

    private EventParser() {
    }

    /**
     * Parses one event or a batch {@code {"events": [...], "idempotency_key": "..."}}.
     *
     * @param storedUser maps a user id to the id stored (the pseudonym when pseudonymisation is on)
     */
    public static Parsed parse(JsonNode body, int maxBatch, long now, UnaryOperator<String> storedUser) {
        if (!body.has("events")) {
            return new Parsed(List.of(event(body, "", now, storedUser)), null);
        }
        Bodies.onlyFields(body, "", BATCH_FIELDS);
        JsonNode events = body.get("events");
        if (!events.isArray()) {
            throw ApiException.badRequest("events", "must be an array of events");
        }
        if (events.isEmpty()) {
            throw ApiException.badRequest("events", "the batch is empty");
        }
        if (events.size() > maxBatch) {
            throw new ApiException(413, "payload_too_large", "events", events.size() + " events in one batch; at most "
                    + maxBatch + " are accepted: split the batch");
        }
        String key = null;
        if (body.has("idempotency_key")) {
            key = id(body.get("idempotency_key"), "idempotency_key");
        }
        List<Event> out = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            out.add(event(events.get(i), "events[" + i + "].", now, storedUser));
        }
        return new Parsed(out, key);
    }

    private static Event event(JsonNode e, String at, long now, UnaryOperator<String> storedUser) {
        if (!e.isObject()) {
            throw ApiException.badRequest(at.isEmpty() ? "" : at.substring(0, at.length() - 1),
                    "an event must be a JSON object");
        }
        Bodies.onlyFields(e, at, EVENT_FIELDS);
        String user = id(required(e, "user", at), at + "user");
        String item = id(required(e, "item", at), at + "item");
        String action = id(required(e, "action", at), at + "action");
        long ts = e.has("timestamp") && !e.get("timestamp").isNull() ? time(e.get("timestamp"), at + "timestamp", now)
                : now;
        String props = null;
        if (e.has("properties") && !e.get("properties").isNull()) {
            JsonNode p = e.get("properties");
            if (!p.isObject()) {
                throw ApiException.badRequest(at + "properties", "must be a JSON object");
            }
            props = p.toString();
            if (props.getBytes(StandardCharsets.UTF_8).length > MAX_PROPERTIES_BYTES) {
                throw ApiException.badRequest(at + "properties", "longer than " + MAX_PROPERTIES_BYTES + " bytes");
            }
        }
        return new Event(storedUser.apply(user), item, action, ts, props);
    }

    private static JsonNode required(JsonNode e, String field, String at) {
        JsonNode v = e.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest(at + field, "required");
        }
        return v;
    }

    /** A checked id: non-empty string, at most 256 UTF-8 bytes, no control characters. */
    public static String id(JsonNode v, String field) {
        if (!v.isTextual()) {
            throw ApiException.badRequest(field, "must be a string");
        }
        return id(v.asText(), field);
    }

    /** {@link #id(JsonNode, String)} for text from a path or query. */
    public static String id(String s, String field) {
        if (s == null || s.isEmpty()) {
            throw ApiException.badRequest(field, "must not be empty");
        }
        if (s.getBytes(StandardCharsets.UTF_8).length > MAX_ID_BYTES) {
            throw ApiException.badRequest(field, "longer than " + MAX_ID_BYTES + " bytes");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) || Character.isSurrogate(c) && !validSurrogate(s, i)) {
                throw ApiException.badRequest(field, "contains a control character or broken UTF-16 at index " + i);
            }
            if (Character.isHighSurrogate(c)) {
                i++;
            }
        }
        return s;
    }

    private static boolean validSurrogate(String s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private static long time(JsonNode v, String field, long now) {
        long t;
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            t = v.asLong();
        } else if (v.isTextual()) {
            try {
                t = OffsetDateTime.parse(v.asText()).toInstant().toEpochMilli();
            } catch (DateTimeParseException | ArithmeticException e) {
                throw ApiException.badRequest(field, "not an ISO-8601 time with offset, e.g. 2024-05-01T12:00:00Z");
            }
        } else {
            throw ApiException.badRequest(field, "must be epoch milliseconds or an ISO-8601 string");
        }
        if (t < MIN_TIME) {
            throw ApiException.badRequest(field, "before 1990-01-01 (epoch milliseconds expected, not seconds?)");
        }
        if (t > now + MAX_AHEAD) {
            throw ApiException.badRequest(field, "more than a day in the future");
        }
        return t;
    }
}
