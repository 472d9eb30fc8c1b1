package dev.seqmind.insight.segment;

import java.util.List;

/**
 * A sequential pattern (items in order, not necessarily adjacent) and how much more common it is in a group of users
 * than in everyone.
 *
 * @param items         external item ids in order
 * @param labels        their titles (or ids)
 * @param groupUsers    users of the group whose sequence contains the pattern
 * @param allUsers      users of the whole dataset whose sequence contains it
 * @param groupShare    {@code groupUsers / group size}
 * @param allShare      {@code allUsers / all users}
 * @param lift          {@code groupShare / allShare}
 */
public record LiftedPattern(List<String> items, List<String> labels, int groupUsers, int allUsers,
                            double groupShare, double allShare, double lift) {
    public LiftedPattern {
        items = List.copyOf(items);
        labels = List.copyOf(labels);
    }
}
