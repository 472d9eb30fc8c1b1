package dev.seqmind.server.api;

/**
 * The body of every error response. Never holds a stack trace or internal detail.
 *
 * @param error   a stable code, e.g. "invalid_request", "unauthorized", "store_unavailable"
 * @param field   the request field at fault (JSON path, query parameter or header), or "" when none
 * @param detail  one sentence for a person
 */
public record ApiError(String error, String field, String detail) {
}
