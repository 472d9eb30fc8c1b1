package dev.seqmind.server.api;

/** A group of routes (one class per group, so later features add groups without touching others). */
public interface ApiRoutes {
    void register(RouteTable table);
}
