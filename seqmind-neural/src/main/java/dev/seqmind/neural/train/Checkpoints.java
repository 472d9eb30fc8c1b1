package dev.seqmind.neural.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.neural.nn.AdamW;
import dev.seqmind.neural.nn.ParameterStore;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A checkpoint directory: {@code last.bin} (parameters then optimiser state), {@code best.bin} (parameters of the
 * best validated epoch) and {@code state.json} ({@link TrainingState}). Every file is written to a temporary name
 * and moved into place, so a crash leaves the previous checkpoint intact. Not thread-safe.
 */
public final class Checkpoints {
    static final String LAST = "last.bin";
    static final String BEST = "best.bin";
    static final String STATE = "state.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    public Checkpoints(Path dir) {
        this.dir = dir;
    }

    /** The files a checkpoint directory holds once written (they need not exist). */
    public static java.util.List<Path> files(Path dir) {
        return java.util.List.of(dir.resolve(LAST), dir.resolve(BEST), dir.resolve(STATE));
    }

    public Path dir() {
        return dir;
    }

    public boolean exists() {
        return Files.isRegularFile(dir.resolve(STATE)) && Files.isRegularFile(dir.resolve(LAST));
    }

    public void save(ParameterStore params, AdamW optimizer, TrainingState state) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(LAST), out -> {
                params.write(out);
                optimizer.write(out);
            });
            Path tmp = dir.resolve(STATE + ".tmp");
            JSON.writeValue(tmp.toFile(), state);
            Files.move(tmp, dir.resolve(STATE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SeqmindException("cannot write checkpoint to " + dir + ": " + e.getMessage(), e);
        }
    }

    public void saveBest(ParameterStore params) {
        try {
            Files.createDirectories(dir);
            writeAtomically(dir.resolve(BEST), params::write);
        } catch (IOException e) {
            throw new SeqmindException("cannot write checkpoint to " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Restores parameters and optimiser state and returns the saved state. */
    public TrainingState restore(ParameterStore params, AdamW optimizer) {
        Path last = dir.resolve(LAST);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(last)))) {
            params.read(in, last.toString());
            optimizer.read(in, params.manager(), last.toString());
            return JSON.readValue(dir.resolve(STATE).toFile(), TrainingState.class);
        } catch (IOException e) {
            throw new SeqmindException("cannot resume from " + dir + ": " + e.getMessage()
                    + "; delete the directory or run without --resume", e);
        }
    }

    /** Loads the best epoch's parameters if there are any; returns whether it did. */
    public boolean restoreBest(ParameterStore params) {
        Path best = dir.resolve(BEST);
        if (!Files.isRegularFile(best)) {
            return false;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(best)))) {
            params.read(in, best.toString());
            return true;
        } catch (IOException e) {
            throw new SeqmindException("cannot read " + best + ": " + e.getMessage(), e);
        }
    }

    private interface Writer {
        void write(DataOutputStream out) throws IOException;
    }

    private static void writeAtomically(Path target, Writer writer) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16))) {
            writer.write(out);
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
