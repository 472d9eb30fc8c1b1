package dev.seqmind.insight.audience;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.List;

/**
 * "Users who did A then B but not C": {@code did} in this order (not necessarily adjacent, consecutive repeats of
 * an item counting once), and none of {@code not} at any time. External item ids.
 *
 * @param did items the user must have reached in this order (at least one)
 * @param not items the user must never have touched
 */
public record AudienceQuery(List<String> did, List<String> not) {
    public AudienceQuery {
        did = List.copyOf(did);
        not = List.copyOf(not);
        if (did.isEmpty()) {
            throw new InvalidParameterException("--did", "(none)", "at least one item", "e.g. --did A,B --not C");
        }
    }

    /** A readable form, e.g. {@code did A > B, not C}. */
    public String describe() {
        return "did " + String.join(" > ", did) + (not.isEmpty() ? "" : ", not " + String.join(", ", not));
    }
}
