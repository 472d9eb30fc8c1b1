package dev.seqmind.server.security;

/** What a key may do; each role includes the ones before it ({@code admin} can write and read). */
public enum Role {
    /** Recommendations, similar items, patterns. */
    READ,
    /** Sending events. */
    WRITE,
    /** Models, a user's stored events, erasure. */
    ADMIN;

    /** True when a key with this role may call a route that needs {@code required}. */
    public boolean allows(Role required) {
        return ordinal() >= required.ordinal();
    }
}
