package dev.seqmind.data.read;

import dev.seqmind.data.model.ItemCatalog;

import java.io.IOException;
import java.nio.file.Path;

/** Reads item metadata (titles, categories, text) from a side file. Stateless and thread-safe. */
public interface ItemCatalogReader {
    ItemCatalog read(Path file) throws IOException;
}
