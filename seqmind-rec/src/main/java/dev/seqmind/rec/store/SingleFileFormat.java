package dev.seqmind.rec.store;

import dev.seqmind.data.model.IdMap;
import dev.seqmind.rec.Recommender;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link ModelFormat} whose model lives in one {@link ArrayFile} next to {@code items.json}. Subclasses name the
 * type, the file and the model class once and only write and read the file's entries; opening, closing, the
 * type/version header and reading the item map back are done here.
 *
 * <p>Stateless after construction and thread-safe, as {@link ModelFormat} requires.
 *
 * @param <M> the model class this format saves
 */
public abstract class SingleFileFormat<M extends Recommender> implements ModelFormat {
    private final String type;
    private final String file;
    private final Class<M> modelClass;

    /**
     * @param type       the type recorded in {@code model.json} and in the file header, e.g. "markov"
     * @param file       the file name inside the model directory, e.g. "markov.bin"
     * @param modelClass the model class {@link #supports} accepts
     */
    protected SingleFileFormat(String type, String file, Class<M> modelClass) {
        this.type = Objects.requireNonNull(type, "type");
        this.file = Objects.requireNonNull(file, "file");
        this.modelClass = Objects.requireNonNull(modelClass, "modelClass");
    }

    @Override
    public final String type() {
        return type;
    }

    @Override
    public final boolean supports(Recommender model) {
        return modelClass.isInstance(model);
    }

    /** @throws ClassCastException if {@code model} is not supported */
    @Override
    public final void save(Recommender model, Path dir) throws IOException {
        M m = modelClass.cast(model);
        try (var w = ArrayFile.create(dir.resolve(file), type, formatVersion())) {
            write(m, w);
        }
    }

    @Override
    public final Recommender load(Path dir) throws IOException {
        try (var r = ArrayFile.open(dir.resolve(file), type, formatVersion())) {
            return read(r, ItemsFile.readIds(dir));
        }
    }

    /** Writes the model's entries; the header is already written and the file is closed afterwards. */
    protected abstract void write(M model, ArrayFile.Writer out) throws IOException;

    /** Reads back what {@link #write} wrote; {@code items} is the directory's item map. */
    protected abstract M read(ArrayFile.Reader in, IdMap items) throws IOException;
}
