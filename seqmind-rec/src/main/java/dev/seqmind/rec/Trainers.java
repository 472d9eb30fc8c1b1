package dev.seqmind.rec;

import dev.seqmind.data.error.InvalidParameterException;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/** Looks trainers up by name across every registered {@link TrainerProvider}. Stateless. */
public final class Trainers {
    private Trainers() {
    }

    private static List<TrainerProvider> providers() {
        List<TrainerProvider> out = new ArrayList<>();
        ServiceLoader.load(TrainerProvider.class, Trainers.class.getClassLoader()).forEach(out::add);
        return out;
    }

    /** Every known model name, provider by provider. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (TrainerProvider p : providers()) {
            names.addAll(p.names());
        }
        return names;
    }

    /**
     * The trainer called {@code name}.
     *
     * @throws InvalidParameterException naming every known model when none is called so
     */
    public static RecommenderTrainer byName(String name) {
        for (TrainerProvider p : providers()) {
            Optional<RecommenderTrainer> t = p.byName(name);
            if (t.isPresent()) {
                return t.get();
            }
        }
        throw new InvalidParameterException("model", name, "one of " + names());
    }

    /** True when {@code trainer} comes from a provider of baselines. */
    public static boolean isBaseline(RecommenderTrainer trainer) {
        for (TrainerProvider p : providers()) {
            if (p.isBaseline() && p.names().contains(trainer.name())) {
                return true;
            }
        }
        return false;
    }
}
