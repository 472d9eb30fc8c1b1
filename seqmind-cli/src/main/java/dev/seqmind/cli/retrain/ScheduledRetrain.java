package dev.seqmind.cli.retrain;

import dev.seqmind.data.error.InvalidParameterException;
import dev.seqmind.data.privacy.Pseudonymizer;
import dev.seqmind.server.SeqmindServer;
import dev.seqmind.server.retrain.RetrainCycle;
import dev.seqmind.server.retrain.RetrainScheduler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Wires {@code seqmind serve --retrain-every} to the server's registry and store. */
public final class ScheduledRetrain {
    private ScheduledRetrain() {
    }

    /** Starts the schedule on a running server; {@code model} null = the server's default model. */
    public static RetrainScheduler start(String every, String model, Path dataset, String store, Pseudonymizer key,
                                         RetrainOptions options, SeqmindServer server) {
        if (dataset == null) {
            throw new InvalidParameterException("--dataset", "none", "the dataset directory new events are "
                    + "appended to", "--retrain-every needs it");
        }
        Duration period = parse(every);
        String name = model != null ? model : server.state().models().defaultName();
        RetrainCycle cycle = new RetrainCycle(dataset, List.of(store), key != null, Optional.ofNullable(key), name,
                options.modelsDir(dataset), options.settings());
        return new RetrainScheduler(cycle, server.state().models()).start(period);
    }

    /** {@code 45s}, {@code 30m}, {@code 6h}, {@code 1d} or ISO-8601 {@code PT6H}; at least one second. */
    static Duration parse(String s) {
        Duration d = dev.seqmind.cli.data.IngestOptions.parseDuration(s);
        if (d.getSeconds() < 1) {
            throw new InvalidParameterException("--retrain-every", s, "a duration of at least 1s, like 30m, 6h or 1d");
        }
        return d;
    }
}
