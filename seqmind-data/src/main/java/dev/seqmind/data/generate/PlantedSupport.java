package dev.seqmind.data.generate;

import java.util.List;

/**
 * A planted chain and its true support in the generated log, as written to {@code planted.tsv}.
 *
 * @param id             0-based chain number
 * @param items          external item ids of the chain, in order
 * @param titles         their titles
 * @param targetFraction share of users the chain was meant to be planted into
 * @param plantedUsers   users it was actually planted into
 * @param support        users whose whole sequence (all actions, time order) contains the chain in order, not
 *                       necessarily contiguously: planted users plus any that formed it by chance
 */
public record PlantedSupport(int id, List<String> items, List<String> titles, double targetFraction,
                             long plantedUsers, long support) {
    public PlantedSupport {
        items = List.copyOf(items);
        titles = List.copyOf(titles);
    }
}
