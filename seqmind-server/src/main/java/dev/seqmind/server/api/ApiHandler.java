package dev.seqmind.server.api;

/** A route's logic; throws {@link ApiException} for requests it refuses. */
@FunctionalInterface
public interface ApiHandler {
    Reply handle(Call call) throws Exception;
}
