package dev.seqmind.data.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of an {@link AuditLog}.
 *
 * @param time   when
 * @param who    the operating-system user (or server principal) that acted
 * @param action a short verb: {@code export}, {@code erase}, {@code admin}, {@code release}
 * @param detail what exactly, without any user identifier (erasures name their receipt, not the person)
 */
public record AuditEntry(Instant time, String who, String action, String detail) {
    public AuditEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(who, "who");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
