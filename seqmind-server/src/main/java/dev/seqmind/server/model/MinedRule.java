package dev.seqmind.server.model;

import java.util.List;

/**
 * A sequential rule in external item ids: users who did every antecedent item went on to every consequent item.
 *
 * @param support     sequences supporting it
 * @param confidence  support over sequences holding the antecedent
 * @param lift        confidence over the consequent's base rate
 */
public record MinedRule(List<String> antecedent, List<String> consequent, long support, double confidence,
                        double lift) {
    public MinedRule {
        antecedent = List.copyOf(antecedent);
        consequent = List.copyOf(consequent);
    }
}
