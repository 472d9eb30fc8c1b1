package dev.seqmind.cli.rec;

import dev.seqmind.data.model.ItemCatalog;

import java.io.IOException;
import java.nio.file.Path;

/** Reads an {@code --items} table (header; id first, then title/name and genres/categories, other columns kept). */
public final class ItemTables {
    private ItemTables() {
    }

    public static ItemCatalog read(Path file) throws IOException {
        return DatasetLoader.itemTable(file).read(file);
    }
}
