package dev.seqmind.rec.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.seqmind.data.error.InputFormatException;
import dev.seqmind.data.error.SeqmindException;
import dev.seqmind.data.model.ItemCatalog;
import dev.seqmind.rec.Recommender;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Saves and loads model directories. {@code model.json} holds {@code type}, {@code formatVersion}, the model's
 * name and its {@link Provenance}; the format found by type through {@link ServiceLoader} reads the rest.
 *
 * <p>Saving writes every file into a temporary sibling directory, forces it to disk and renames it into place (as
 * {@code DatasetStore} does), so a reader such as a server never loads a half-written model: it sees the old
 * directory or the new one. An existing model directory at the target is replaced; an empty directory is filled;
 * anything else there is refused. Stateless; safe to call from many threads on different directories.
 */
public final class ModelDirectory {
    public static final String META = "model.json";

    private ModelDirectory() {
    }

    /** What {@code model.json} says. */
    public record Meta(String type, int formatVersion, String name, Provenance provenance) {
    }

    /**
     * A whole model directory in memory: the model, what {@code model.json} says, and the titles and categories
     * saved with it. Closing it closes the model.
     *
     * @param dir  the directory it was loaded from
     */
    public record Loaded(Recommender model, Meta meta, ItemCatalog catalog, Path dir) implements AutoCloseable {
        @Override
        public void close() {
            model.close();
        }
    }

    /** Loads the model, its metadata and its catalog from {@code dir} together. */
    public static Loaded open(Path dir) throws IOException {
        Meta meta = readMeta(dir);
        ItemCatalog catalog = ItemsFile.readCatalog(dir);
        return new Loaded(load(dir, meta), meta, catalog, dir);
    }

    public static void save(Recommender model, Path dir, Provenance provenance) throws IOException {
        save(model, dir, provenance, ItemCatalog.EMPTY);
    }

    /** Writes the model into {@code dir} (created if needed), with titles and categories from {@code catalog}. */
    public static void save(Recommender model, Path dir, Provenance provenance, ItemCatalog catalog)
            throws IOException {
        ModelFormat format = formats().stream().filter(f -> f.supports(model)).findFirst()
                .orElseThrow(() -> new SeqmindException("no model format can save " + model.name() + " ("
                        + model.getClass().getName() + "): add a ModelFormat to META-INF/services"));
        Path target = dir.toAbsolutePath().normalize();
        AtomicDirectory.checkReplaceable(target, META);
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".tmp-");
        try {
            Map<String, Object> meta = new LinkedHashMap<>();
            meta.put("type", format.type());
            meta.put("formatVersion", format.formatVersion());
            meta.put("name", model.name());
            meta.put("provenance", provenance);
            ItemsFile.write(tmp, model.items(), catalog);
            format.save(model, tmp);
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(tmp.resolve(META).toFile(), meta);
            AtomicDirectory.forceTree(tmp);
            AtomicDirectory.moveIntoPlace(tmp, target);
            tmp = null;
        } finally {
            if (tmp != null) {
                AtomicDirectory.deleteRecursively(tmp);
            }
        }
    }

    public static Recommender load(Path dir) throws IOException {
        return load(dir, readMeta(dir));
    }

    private static Recommender load(Path dir, Meta meta) throws IOException {
        ModelFormat format = formats().stream().filter(f -> f.type().equals(meta.type())).findFirst()
                .orElseThrow(() -> new InputFormatException(dir.resolve(META).toString(), 0, "type",
                        "unknown model type '" + meta.type() + "'; known: " + types()));
        if (format.formatVersion() != meta.formatVersion()) {
            throw new InputFormatException(dir.resolve(META).toString(), 0, "formatVersion", "version "
                    + meta.formatVersion() + " of '" + meta.type() + "' is not readable by this release (it reads "
                    + format.formatVersion() + "); re-save the model with a matching seqmind version");
        }
        return format.load(dir);
    }

    public static Meta readMeta(Path dir) throws IOException {
        Path f = dir.resolve(META);
        if (!Files.isRegularFile(f)) {
            throw new InputFormatException(f.toString(), 0, "", "not a model directory (no " + META + ")");
        }
        ObjectMapper om = new ObjectMapper();
        JsonNode root = om.readTree(f.toFile());
        if (!root.path("type").isTextual() || !root.path("formatVersion").isInt()) {
            throw new InputFormatException(f.toString(), 0, "type", "type or formatVersion missing");
        }
        Provenance p = root.hasNonNull("provenance") ? om.treeToValue(root.get("provenance"), Provenance.class) : null;
        return new Meta(root.get("type").asText(), root.get("formatVersion").asInt(), root.path("name").asText(), p);
    }

    private static List<ModelFormat> formats() {
        List<ModelFormat> out = new ArrayList<>();
        ServiceLoader.load(ModelFormat.class, ModelDirectory.class.getClassLoader()).forEach(out::add);
        ServiceLoader.load(ModelFormat.class).forEach(f -> {
            if (out.stream().noneMatch(g -> g.type().equals(f.type()))) {
                out.add(f);
            }
        });
        return out;
    }

    private static List<String> types() {
        return formats().stream().map(ModelFormat::type).sorted().toList();
    }
}
