package dev.seqmind.data.privacy;

import java.time.Instant;
import java.util.Objects;

/**
 * One release recorded in a {@link PrivacyLedger}.
 *
 * @param time      when it was charged
 * @param what      what was released (e.g. "mine sequences top-100")
 * @param cost      its (epsilon, delta)
 * @param mechanism the mechanism and its parameters (e.g. "laplace b=4.0; partition selection t=31.2")
 * @param who       the operating-system user that ran it
 */
public record LedgerEntry(Instant time, String what, PrivacyCost cost, String mechanism, String who) {
    public LedgerEntry {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(cost, "cost");
        Objects.requireNonNull(mechanism, "mechanism");
        Objects.requireNonNull(who, "who");
    }
}
