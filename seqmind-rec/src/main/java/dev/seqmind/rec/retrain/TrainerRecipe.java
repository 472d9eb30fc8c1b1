package dev.seqmind.rec.retrain;

import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.store.Provenance;

import java.nio.file.Path;
import java.util.List;

/**
 * Rebuilds the trainers of one model family from a model's provenance when the family is not a plain record trainer
 * (e.g. the neural models, whose architecture and training recipe are recorded as {@code model.*} and
 * {@code training.*}). Modules register theirs through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/dev.seqmind.rec.retrain.TrainerRecipe}); {@link TrainerRebuild} asks them first, so
 * this module needs no dependency on theirs.
 */
public interface TrainerRecipe {
    /** Whether this recipe rebuilds the trainer called {@code trainer}. */
    boolean handles(String trainer);

    /**
     * The trainer that fits {@code p}'s model again with exactly its recorded parameters: its {@code params()} equal
     * the recorded ones ({@link TrainerRebuild#recorded}).
     *
     * @throws IllegalArgumentException saying why it cannot be rebuilt exactly
     */
    RecommenderTrainer exactly(Provenance p);

    /**
     * Files the recorded run wrote outside the model's own files that hold what it learnt from its data (e.g. the
     * checkpoints of a neural training), so an erasure that refits the model deletes them too; they need not exist.
     */
    default List<Path> runFiles(Provenance p) {
        return List.of();
    }
}
