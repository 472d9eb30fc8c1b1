package dev.seqmind.spark.batch;

import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.rec.Recommender;
import dev.seqmind.rec.store.ModelDirectory;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A saved model directory as bytes, to broadcast from the driver: every executor writes it back to a private
 * temporary directory and loads it with {@link ModelDirectory#load}, so executors score with exactly the model the
 * single-machine commands load. Holds the directory's files by relative path; immutable once read.
 */
public final class ShippedModel implements Serializable {
    private final HashMap<String, byte[]> files;

    private ShippedModel(HashMap<String, byte[]> files) {
        this.files = files;
    }

    /** Reads every file of model directory {@code dir}. */
    public static ShippedModel read(Path dir) {
        if (!Files.isRegularFile(dir.resolve(ModelDirectory.META))) {
            throw new SeqmindException(dir + ": not a model directory (no " + ModelDirectory.META + ")");
        }
        HashMap<String, byte[]> files = new HashMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir.toString(), e);
        }
        return new ShippedModel(files);
    }

    /** Total bytes shipped. */
    public long bytes() {
        return files.values().stream().mapToLong(b -> b.length).sum();
    }

    /** Loads the model (the caller closes it); the temporary copy is removed once loaded. */
    public Recommender load() {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("seqmind-model-");
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path p = tmp.resolve(f.getKey());
                Files.createDirectories(p.getParent());
                Files.write(p, f.getValue());
            }
            return ModelDirectory.load(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                delete(tmp);
            }
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a left-over temporary copy is harmless
        }
    }
}
