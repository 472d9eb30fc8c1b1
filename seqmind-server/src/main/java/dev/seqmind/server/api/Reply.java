package dev.seqmind.server.api;

/**
 * A handler's answer: a status and a body serialised as JSON ({@code String} bodies are sent as they are, with
 * {@code contentType}).
 */
public record Reply(int status, Object body, String contentType) {
    public static Reply ok(Object body) {
        return new Reply(200, body, "application/json");
    }
}
