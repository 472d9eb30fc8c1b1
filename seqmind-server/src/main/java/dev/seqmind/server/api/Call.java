package dev.seqmind.server.api;

import dev.seqmind.server.security.ApiKeys;
import io.helidon.webserver.http.ServerRequest;

/**
 * One authenticated request as a handler sees it.
 *
 * @param request    the HTTP request
 * @param principal  the caller's key identity
 */
public record Call(ServerRequest request, ApiKeys.Principal principal) {
    /** A path parameter. */
    public String path(String name) {
        return request.path().pathParameters().get(name);
    }

    /** A query parameter, or {@code null}. */
    public String query(String name) {
        var v = request.query().first(name);
        return v.isPresent() ? v.get() : null;
    }
}
