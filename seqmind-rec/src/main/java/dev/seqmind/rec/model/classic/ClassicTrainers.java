package dev.seqmind.rec.model.classic;

import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.model.knn.ItemKnnTrainer;
import dev.seqmind.rec.model.markov.MarkovTrainer;
import dev.seqmind.rec.model.pop.PopularityTrainer;
import dev.seqmind.rec.model.pop.RecentPopularityTrainer;

import java.util.List;
import java.util.Optional;

/** The classic models by their command-line names, each with its default configuration. */
public final class ClassicTrainers {
    /** Every name {@link #byName} knows, in the order reports list them. */
    public static final List<String> NAMES = List.of("pop", "recent-pop", "markov1", "markov2", "markov3",
            "item-knn", "rules", "seq-rules");

    private ClassicTrainers() {
    }

    /** The trainer called {@code name} with default settings, or empty for a name that is not a classic model. */
    public static Optional<RecommenderTrainer> byName(String name) {
        return Optional.ofNullable(switch (name) {
            case "pop" -> new PopularityTrainer();
            case "recent-pop" -> RecentPopularityTrainer.defaults();
            case "markov1" -> MarkovTrainer.ofOrder(1);
            case "markov2" -> MarkovTrainer.ofOrder(2);
            case "markov3" -> MarkovTrainer.ofOrder(3);
            case "item-knn" -> ItemKnnTrainer.defaults();
            case "rules" -> dev.seqmind.rec.model.rules.PrefixRuleTrainer.defaults();
            case "seq-rules" -> dev.seqmind.rec.model.rules.MinedRuleTrainer.defaults();
            default -> null;
        });
    }
}
