package dev.seqmind.rec;

import java.util.List;
import java.util.Optional;

/**
 * A family of named trainers that commands can ask for by name ({@code --models pop,markov1,sasrec}). Modules
 * register theirs through {@link java.util.ServiceLoader} ({@code META-INF/services/dev.seqmind.rec.TrainerProvider}),
 * so the evaluator and the CLI know every model without depending on the module that defines it.
 */
public interface TrainerProvider {
    /** The names this provider answers to, in the order reports list them. */
    List<String> names();

    /** The trainer called {@code name} with default settings, or empty for a name this provider does not know. */
    Optional<RecommenderTrainer> byName(String name);

    /** True for simple reference models, against which reports mark significance. */
    boolean isBaseline();
}
