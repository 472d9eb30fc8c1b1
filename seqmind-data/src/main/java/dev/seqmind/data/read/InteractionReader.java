package dev.seqmind.data.read;

import dev.seqmind.data.collect.EventCollector;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads one log file into an {@link EventCollector}: accepted rows are added, malformed ones rejected with their
 * reason and line (or, in strict mode, the first one stops the read). Implementations are stateless and thread-safe.
 */
public interface InteractionReader {
    /** A short name of the format, e.g. "csv", "sasrec". */
    String format();

    void read(Path file, EventCollector out) throws IOException;
}
