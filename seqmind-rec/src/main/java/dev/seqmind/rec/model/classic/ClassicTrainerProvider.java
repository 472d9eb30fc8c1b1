package dev.seqmind.rec.model.classic;

import dev.seqmind.rec.RecommenderTrainer;
import dev.seqmind.rec.TrainerProvider;

import java.util.List;
import java.util.Optional;

/** Registers the classic models ({@link ClassicTrainers}) as baselines. */
public final class ClassicTrainerProvider implements TrainerProvider {
    @Override
    public List<String> names() {
        return ClassicTrainers.NAMES;
    }

    @Override
    public Optional<RecommenderTrainer> byName(String name) {
        return ClassicTrainers.byName(name);
    }

    @Override
    public boolean isBaseline() {
        return true;
    }
}
